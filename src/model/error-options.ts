/**
 * Whether `new Error(message, { cause })` type-checks where a file lives: TypeScript knows the options argument
 * of the Error constructors (`ErrorOptions`) only from lib `es2022.error` on, which a `target` of ES2022 or later
 * brings by default and an explicit `lib` must list. Read from the nearest tsconfig.json or jsconfig.json above
 * the file, with `extends` applied by the compiler; JavaScript that the project does not type-check (no
 * `checkJs`) runs on Node ≥ 16.9, where the argument works whatever the config says.
 */
import fs from 'node:fs';
import path from 'node:path';
import type * as ts from 'typescript';
import { compiler } from '../ts.js';
import { nearestProjectConfig, readCompilerOptions } from './resolve.js';

const ES2022_LIB = /^lib\.(es202[2-9]|es20[3-9]\d|esnext)(\.full|\.error)?\.d\.ts$/i;
const configByDir = new Map<string, string | undefined>();
const byConfig = new Map<string, ts.CompilerOptions | null>();

/** The compiler options of the nearest tsconfig.json or jsconfig.json above `dir`, or null when there is none. */
function optionsAbove(dir: string): ts.CompilerOptions | null {
  const file = nearestProjectConfig(dir, (f) => fs.existsSync(f), configByDir);
  if (!file) return null;
  // each config read and parsed once, whatever the number of directories below it
  let options = byConfig.get(file);
  if (options === undefined) {
    const t = compiler;
    options = readCompilerOptions(t, file, { fileExists: t.sys.fileExists, readFile: t.sys.readFile }) ?? null;
    byConfig.set(file, options);
  }
  return options;
}

/** `true` when the Error constructors take `{ cause }` in the types of the project holding the file at `abs`. */
export function errorOptionsKnown(abs: string): boolean {
  const options = optionsAbove(path.dirname(abs));
  const isJs = /\.[cm]?jsx?$/.test(abs);
  if (!options) return isJs;
  if (isJs && !options.checkJs) return true;
  const t = compiler;
  if (options.lib) return options.lib.some((l) => ES2022_LIB.test(path.basename(l)));
  const target = options.target ?? t.ScriptTarget.ES5;
  return target >= t.ScriptTarget.ES2022;
}
