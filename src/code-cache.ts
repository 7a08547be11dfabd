/**
 * A V8 code cache for the TypeScript compiler, the way Node 22's `module.enableCompileCache` keeps one (Node 20
 * has none): compiling TypeScript's 9 MB file cost a third of every process's start-up, a `--cache` re-run
 * after a one-file change included. The module is compiled with `vm.Script` and the code V8 made for it
 * (the functions the run used included) is written at the end of the first run to a per-user cache directory;
 * later runs hand it back to V8 and skip that compile.
 *
 * An entry is named by the hash of the module file's stamp (path, inode, size, modification and change
 * times: any rewrite moves the change time), Node's version and the architecture, so a changed TypeScript or
 * Node never meets an old entry; the entry holds the hash of its own bytes, so a truncated or
 * damaged one is ignored (and replaced), never given to V8. The directory is the user's own (`0700`); one
 * that others may write to is not read, as V8 would run what it holds.
 */
import { isAscii } from 'node:buffer';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { Module, createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { writeFileAtomic } from './write-file.js';

/** How a module was compiled: from the code cache, or not (`miss`: nothing usable was there). */
export type CodeCacheUse = 'hit' | 'miss';

export interface CachedLoad {
  exports: unknown;
  use: CodeCacheUse;
  /** Writes the code cache entry after a miss, with every function compiled so far; a no-op after a hit. */
  save(): void;
}

const MAGIC = Buffer.from('errlint-v8-cache\n');
const DIGEST_BYTES = 20;

/**
 * The per-user directory errlint keeps its code cache in, or undefined when there is none (`ERRLINT_CODE_CACHE=0`
 * turns it off; another value of it is the directory to use).
 */
export function codeCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const chosen = env.ERRLINT_CODE_CACHE;
  if (chosen === '0' || chosen === 'false' || chosen === 'off') return undefined;
  if (chosen) return path.resolve(chosen);
  const home = os.homedir();
  const base =
    process.platform === 'win32'
      ? (env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'))
      : process.platform === 'darwin'
        ? path.join(home, 'Library', 'Caches')
        : (env.XDG_CACHE_HOME ?? path.join(home, '.cache'));
  return path.join(base, 'errlint', 'code-cache');
}

/** The directory can be trusted with code: ours, and nobody else may write to it (POSIX; Windows ACLs are per user). */
function isPrivate(dir: string): boolean {
  const stat = fs.statSync(dir);
  if (!stat.isDirectory()) return false;
  if (process.platform === 'win32' || typeof process.getuid !== 'function') return true;
  return stat.uid === process.getuid() && (stat.mode & 0o022) === 0;
}

function readEntry(file: string): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return undefined; // no entry yet
  }
  const payload = bytes.subarray(MAGIC.length + DIGEST_BYTES);
  const sound =
    bytes.length > MAGIC.length + DIGEST_BYTES &&
    bytes.subarray(0, MAGIC.length).equals(MAGIC) &&
    bytes.subarray(MAGIC.length, MAGIC.length + DIGEST_BYTES).equals(crypto.createHash('sha1').update(payload).digest());
  return sound ? payload : undefined;
}

/**
 * A module file's text. TypeScript's 9 MB is plain ASCII, which Latin-1 decoding turns into the same string at
 * about half the CPU of UTF-8 decoding (~60 ms of every process's and worker thread's start).
 */
function sourceText(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/**
 * Loads the CommonJS module at `filename` as `require` would (one instance, registered in the require cache,
 * so a parser that requires the same file later shares it), compiled with the code cache in `dir`. Without a
 * `dir`, or with one that is not private, it is a plain `require`.
 */
export function loadWithCodeCache(filename: string, dir: string | undefined): CachedLoad {
  const require = createRequire(filename);
  const plain = (): CachedLoad => ({ exports: require(filename), use: 'miss', save: () => {} });
  if (require.cache[filename]) return plain();
  let source: string;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(filename);
    source = sourceText(fs.readFileSync(filename));
  } catch {
    return plain(); // require says what is wrong
  }
  // the file's stamp rather than a hash of its 9 MB: any rewrite of it moves its change time
  const key = crypto
    .createHash('sha1')
    .update(`${filename}\0${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}\0${process.version}\0${process.arch}`)
    .digest('hex');
  const entry = dir && path.join(dir, `${path.basename(filename)}-${key}.bin`);
  let usable = false;
  try {
    usable = !!dir && isPrivate(dir);
  } catch {
    // no directory yet: it is made when the entry is saved
  }
  const cachedData = entry && usable ? readEntry(entry) : undefined;
  // the wrapper Node's CommonJS loader puts around a module, on the module's first line
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
  const script = new vm.Script(wrapped, { filename, ...(cachedData ? { cachedData } : {}) });
  const module = new Module(filename);
  module.filename = filename;
  require.cache[filename] = module;
  try {
    (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, require, module, filename, path.dirname(filename));
  } catch (error) {
    delete require.cache[filename];
    throw error;
  }
  module.loaded = true;
  const use: CodeCacheUse = cachedData && !script.cachedDataRejected ? 'hit' : 'miss';
  return {
    exports: module.exports,
    use,
    save() {
      if (use === 'hit' || !entry) return;
      try {
        fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
        if (!isPrivate(dir)) return;
        const payload = script.createCachedData();
        writeFileAtomic(entry, Buffer.concat([MAGIC, crypto.createHash('sha1').update(payload).digest(), payload]));
      } catch {
        // a cache that cannot be written costs the next run its compile, nothing else
      }
    },
  };
}
