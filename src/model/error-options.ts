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

const ES2022_LIB = /^lib\.(es202[2-9]|es20[3-9]\d|esnext)(\.full|\.error)?\.d\.ts$/i;

interface DirConfig {
  /** The config file (tsconfig.json or jsconfig.json), absent when no directory above has one. */
  file?: string;
  options: ts.CompilerOptions | null;
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
      config = { ...(file ? { file } : {}), options, key: hash.digest('base64url') };
      this.byFile.set(file ?? '', config);
    }
    return config;
  }

  /**
   * The nearest project config above the file at `abs` and its compiler options (`extends` applied); the role
   * decision reads a folder's own tsconfig from it (`lib: ["DOM"]` below a server package: a browser bundle).
   */
  projectConfig(abs: string): { file?: string; options?: ts.CompilerOptions } {
    const { file, options } = this.configAbove(path.dirname(abs));
    return { ...(file ? { file } : {}), ...(options ? { options } : {}) };
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
