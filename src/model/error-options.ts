/**
 * Whether `new Error(message, { cause })` type-checks where a file lives: TypeScript knows the options argument
 * of the Error constructors (`ErrorOptions`) only from lib `es2022.error` on, which a `target` of ES2022 or later
 * brings by default and an explicit `lib` must list. Read from the nearest tsconfig.json or jsconfig.json above
 * the file, with `extends` applied by the compiler; JavaScript that the project does not type-check (no
 * `checkJs`) runs on Node ≥ 16.9, where the argument works whatever the config says.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type * as ts from 'typescript';
import type { DirListing } from '../dir-listing.js';
import { compiler } from '../ts.js';
import { nearestProjectConfig, readCompilerOptions } from './resolve.js';

// a referenced config that compiles the folder's tests, not its code (tsconfig.spec.json, tsconfig.e2e.json)
const TEST_CONFIG = /(?:^|[./-])(?:spec|specs|test|tests|e2e|jest|vitest|cypress|playwright|storybook)(?:[./-]|$)/i;

/**
 * The options of the configs a solution-style config references, or undefined when `file` compiles files itself
 * (it lists files, has an `include`, or references nothing).
 */
function referencesOf(file: string, readFile: (f: string) => string | undefined): string[] | undefined {
  const t = compiler;
  const read = t.readConfigFile(file, readFile);
  const raw = read.config as { files?: unknown; include?: unknown; references?: { path?: unknown }[] } | undefined;
  if (read.error || !raw || !Array.isArray(raw.files) || raw.files.length > 0 || !Array.isArray(raw.references)) return undefined;
  if (Array.isArray(raw.include) ? raw.include.length > 0 : raw.include !== undefined) return undefined;
  const refs = raw.references
    .map((r) => (typeof r?.path === 'string' ? path.resolve(path.dirname(file), r.path) : undefined))
    .filter((r): r is string => r !== undefined)
    .map((r) => (/\.json$/i.test(r) ? r : path.join(r, 'tsconfig.json')));
  return refs.length > 0 ? refs : undefined;
}

function referencedOptions(file: string, readFile: (f: string) => string | undefined): ts.CompilerOptions[] | undefined {
  const refs = referencesOf(file, readFile)?.filter((r) => !TEST_CONFIG.test(path.basename(r).replace(/^tsconfig/i, '')));
  if (!refs || refs.length === 0) return undefined;
  return refs.map((r) => readCompilerOptions(compiler, r, { fileExists: compiler.sys.fileExists, readFile }) ?? {});
}

const ES2022_LIB = /^lib\.(es202[2-9]|es20[3-9]\d|esnext)(\.full|\.error)?\.d\.ts$/i;

interface DirConfig {
  /** The config file (tsconfig.json or jsconfig.json), absent when no directory above has one. */
  file?: string;
  options: ts.CompilerOptions | null;
  /**
   * A solution-style config (`"files": []`, no `include`, only `references`: Nx, Vite) compiles nothing itself:
   * the options of the configs it references (test configs left out), which are what compiles the folder's files.
   */
  references?: ts.CompilerOptions[];
  /** A hash of the config's path and of every file its parse read (the config and what it extends). */
  key: string;
}

/**
 * The project config that applies to each directory, read once per lookup: one lookup per run (a file
 * classifier, the cache key of `audit()`), so a later run reads a changed tsconfig again.
 */
export class ErrorOptionsLookup {
  /** Nearest config file per directory (each directory walked once) and each config read and parsed once. */
  private readonly fileByDir = new Map<string, string | undefined>();
  private readonly byFile = new Map<string, DirConfig>();
  private readonly exists: (file: string) => boolean;

  /** `listing`: the run's directory listings (what discovery read), asked instead of the file system. */
  constructor(listing?: DirListing) {
    this.exists = listing ? (file) => listing.has(path.dirname(file), path.basename(file)) : fs.existsSync;
  }

  private configAbove(dir: string): DirConfig {
    const file = nearestProjectConfig(dir, this.exists, this.fileByDir, this.exists);
    let config = this.byFile.get(file ?? '');
    if (!config) {
      const t = compiler;
      const hash = crypto.createHash('sha1').update(file ?? '');
      const readFile = (f: string): string | undefined => {
        const text = t.sys.readFile(f);
        hash.update('\0').update(f).update('\0').update(text ?? '\u0000absent');
        return text;
      };
      const options = (file ? readCompilerOptions(t, file, { fileExists: t.sys.fileExists, readFile }) : undefined) ?? null;
      const references = file ? referencedOptions(file, readFile) : undefined;
      config = { ...(file ? { file } : {}), options, ...(references ? { references } : {}), key: hash.digest('base64url') };
      this.byFile.set(file ?? '', config);
    }
    return config;
  }

  /**
   * The nearest project config above the file at `abs` and its compiler options (`extends` applied); the role
   * decision reads a folder's own tsconfig from it (`lib: ["DOM"]` below a server package: a browser bundle).
   */
  projectConfig(abs: string): { file?: string; options?: ts.CompilerOptions; references?: ts.CompilerOptions[] } {
    const { file, options, references } = this.configAbove(path.dirname(abs));
    return { ...(file ? { file } : {}), ...(options ? { options } : {}), ...(references ? { references } : {}) };
  }

  /** `true` when the Error constructors take `{ cause }` in the types of the project holding the file at `abs`. */
  known(abs: string): boolean {
    const { options } = this.configAbove(path.dirname(abs));
    const isJs = /\.[cm]?jsx?$/.test(abs);
    if (!options) return isJs;
    if (isJs && !options.checkJs) return true;
    const t = compiler;
    if (options.lib) return options.lib.some((l) => ES2022_LIB.test(path.basename(l)));
    const target = options.target ?? t.ScriptTarget.ES5;
    return target >= t.ScriptTarget.ES2022;
  }

  /**
   * What `known(abs)` was decided from, as a hash: the nearest config's path and the text of every file read to
   * parse it (`extends` included). A cached outcome of the file is valid only under the same key.
   */
  sourceKey(abs: string): string {
    return this.configAbove(path.dirname(abs)).key;
  }
}
