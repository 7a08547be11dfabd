/**
 * The content-hash cache (`--cache`, `--cache-location`). An entry is a file's outcome (findings, parse error,
 * project-rule facts) under the hash of its text and the path its facts were decided from; the whole file is
 * valid only for one run key: errlint's version and build, the resolved config with every rule's options, the
 * rule selection and the working directory. A changed file, config or errlint misses; nothing stale is served.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../errors.js';
import { VERSION } from '../version.js';
import { writeFileAtomic } from '../write-file.js';
import type { FileOutcome, FileTask } from './file-runner.js';

export const DEFAULT_CACHE_FILE = '.errlintcache';
const FORMAT = 2;

interface CacheFile {
  format: number;
  key: string;
  entries: Record<string, { hash: string; outcome: FileOutcome }>;
}

export interface AuditCache {
  /** The cached outcome of a file whose text hashes the same, or undefined. */
  get(task: FileTask, text: string): FileOutcome | undefined;
  /** Records a file's outcome under the hash of the text it came from (`contentHash`). */
  put(rel: string, hash: string, outcome: FileOutcome): void;
  /**
   * Writes the cache, keeping only `keep` (the files this run saw) when given; returns a warning for the user
   * when it could not be written.
   */
  save(keep?: ReadonlySet<string>): string | undefined;
  /** Why the cache is off for this run (a device or FIFO at its location), for the user. */
  notice?: string;
  hits: number;
  misses: number;
}

export function contentHash(task: FileTask, text: string): string {
  return crypto.createHash('sha1').update(task.factsPath).update('\0').update(text).digest('base64url');
}

let buildFingerprint: string | undefined;

/**
 * A hash of errlint's own code (the compiled rules and engine next to this module): a rebuilt errlint with the
 * same version number still misses the cache.
 */
function fingerprint(): string {
  if (buildFingerprint) return buildFingerprint;
  const hash = crypto.createHash('sha1');
  const here = path.dirname(fileURLToPath(import.meta.url)); // <root>/src/engine or <root>/dist/src/engine
  const roots = [path.resolve(here, '..'), path.resolve(here, '..', '..', 'rules')];
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // a root that is not there (a bundled build) adds nothing
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(?:js|ts|json)$/.test(e.name) && !e.name.endsWith('.d.ts') && !e.name.endsWith('.map')) hash.update(e.name).update(fs.readFileSync(p));
    }
  };
  for (const root of roots) walk(root);
  return (buildFingerprint = hash.digest('hex'));
}

/** The run key: anything that changes what a file's outcome would be. */
export function runKey(parts: Record<string, unknown>): string {
  return crypto
    .createHash('sha256')
    .update(JSON.stringify({ format: FORMAT, version: VERSION, build: fingerprint(), ...parts }))
    .digest('hex');
}

/** The start of every cache file errlint writes (`JSON.stringify` keeps key order): how it knows its own. */
const HEADER = /^\{"format":\d+,"key":"[0-9a-f]{64}","entries":/;

type Location = { kind: 'absent' | 'cache' } | { kind: 'off'; notice?: string };

/**
 * What is at the cache location, decided without opening anything that could block or never end (a FIFO, a
 * device): nothing (the cache is created), errlint's own cache (read and replaced), the null device (no cache,
 * as `--cache-location /dev/null` asks) or another non-regular file (no cache, with a notice). A directory or a
 * file that is not an errlint cache is refused (`UsageError`): errlint does not overwrite what it did not write.
 */
function inspectLocation(location: string, shown: string): Location {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(location);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' };
    throw new UsageError(`--cache-location ${shown}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`, { cause: error });
  }
  if (stat.isDirectory()) throw new UsageError(`--cache-location ${shown} is a directory, not a cache file.`);
  if (!stat.isFile()) {
    if (stat.isCharacterDevice() && isNullDevice(stat)) return { kind: 'off' };
    const what = stat.isFIFO() ? 'a FIFO' : stat.isSocket() ? 'a socket' : 'a device';
    return { kind: 'off', notice: `--cache-location ${shown} is not a regular file (${what}); the cache was not read or written.` };
  }
  const head = Buffer.alloc(128);
  let fd: number | undefined;
  let length = 0;
  try {
    fd = fs.openSync(location, 'r');
    length = fs.readSync(fd, head, 0, head.length, 0);
  } catch (error) {
    throw new UsageError(`--cache-location ${shown}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`, { cause: error });
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  if (!HEADER.test(head.subarray(0, length).toString('latin1'))) {
    throw new UsageError(`--cache-location ${shown}: the file exists and is not an errlint cache; errlint does not overwrite it. Choose another path or delete the file.`);
  }
  return { kind: 'cache' };
}

function isNullDevice(stat: fs.Stats): boolean {
  try {
    const nul = fs.statSync('/dev/null');
    return nul.isCharacterDevice() && nul.rdev === stat.rdev;
  } catch {
    return false; // no /dev/null (Windows): treat it as any other device
  }
}

/**
 * Opens the cache at `location` (`shown` is how the user named it, for messages). Throws `UsageError` for a
 * location errlint must not overwrite; `notice` says why a cache is off; `save` returns a warning when the
 * cache could not be written (the run's result stands; the next run lints every file again).
 */
export function openCache(location: string, key: string, shown = location): AuditCache {
  const target = inspectLocation(location, shown);
  let entries: CacheFile['entries'] = {};
  if (target.kind === 'cache') {
    try {
      const data = JSON.parse(fs.readFileSync(location, 'utf8')) as Partial<CacheFile>;
      if (data.format === FORMAT && data.key === key && data.entries && typeof data.entries === 'object') entries = data.entries;
    } catch {
      // an unreadable cache: start empty, it is rewritten at the end
    }
  }
  const cache: AuditCache = {
    hits: 0,
    misses: 0,
    ...(target.kind === 'off' && target.notice ? { notice: target.notice } : {}),
    get(task, text) {
      const entry = entries[task.rel];
      if (entry && entry.hash === contentHash(task, text)) {
        cache.hits++;
        return entry.outcome;
      }
      cache.misses++;
      return undefined;
    },
    put(rel, hash, outcome) {
      entries[rel] = { hash, outcome };
    },
    save(keep) {
      if (target.kind === 'off') return undefined;
      const kept = keep ? Object.fromEntries(Object.entries(entries).filter(([file]) => keep.has(file))) : entries;
      const body: CacheFile = { format: FORMAT, key, entries: kept };
      try {
        // looked at again: something else may have been put there during the run
        const now = inspectLocation(location, shown);
        if (now.kind === 'off') return now.notice;
        fs.mkdirSync(path.dirname(location), { recursive: true });
        writeFileAtomic(location, JSON.stringify(body));
        return undefined;
      } catch (error) {
        if (error instanceof UsageError) return `${error.message} (found when writing the cache; not written)`;
        return `Cannot write the cache to ${shown}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}; the next run lints every file again.`;
      }
    },
  };
  return cache;
}
