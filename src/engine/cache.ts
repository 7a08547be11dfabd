/**
 * The content-hash cache (`--cache`, `--cache-location`). An entry is a file's outcome (findings, parse error,
 * project-rule facts) under the hash of its text, the path its facts were decided from and the texts of the
 * tsconfig chain its `errorOptions` fact was read from (`FileTask.configKey`); the whole file is
 * valid only for one run key: errlint's version and build, the resolved config with every rule's options, the
 * rule selection and the working directory. A changed file, config or errlint misses; nothing stale is served.
 *
 * An entry also keeps the file's stamp (size, modification and change times, inode) from when its text was
 * hashed, so a re-run need not read and hash every file of an unchanged tree: a file whose stamp is the
 * recorded one is served without being read (git's index and ESLint's cache do the same). Any write to a file
 * moves its change time, which no tool can set back. A file changed too recently for its times to tell two
 * writes apart (within `RACY_MS` of being hashed) gets no stamp, and is read and hashed again next time.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ioReason, UsageError } from '../errors.js';
import { VERSION } from '../version.js';
import { writeFileAtomic } from '../write-file.js';
import type { FileOutcome, FileTask } from './file-runner.js';

export const DEFAULT_CACHE_FILE = '.errlintcache';
const FORMAT = 3;
/** A file modified this close to being hashed may be modified again without its times changing (coarse clocks). */
const RACY_MS = 2000;

interface CacheEntry {
  hash: string;
  /** `fileStamp` of the file when `hash` was taken, for the same facts path and config key. */
  stamp?: string;
  outcome: FileOutcome;
}

interface CacheFile {
  format: number;
  key: string;
  entries: Record<string, CacheEntry>;
}

export interface AuditCache {
  /**
   * The cached outcome of a file whose stamp (size, times, inode) is the one recorded with it, without reading
   * it; undefined when the file must be read (then `get` decides by its text).
   */
  unchanged(task: FileTask): FileOutcome | undefined;
  /** The cached outcome of a file whose text hashes the same, or undefined. */
  get(task: FileTask, text: string): FileOutcome | undefined;
  /** Records a file's outcome under the hash of the text it came from (`contentHash`). */
  put(task: FileTask, hash: string, outcome: FileOutcome): void;
  /**
   * Writes the cache, keeping only `keep` (the files this run saw) when given; returns a warning for the user
   * when it could not be written.
   */
  save(keep?: ReadonlySet<string>): string | undefined;
  /** Why the cache is off for this run (a device or FIFO at its location), for the user. */
  notice?: string;
  /** Why the cache file found was not used (corrupt), when it was not. */
  problem?: string;
  hits: number;
  misses: number;
}

export function contentHash(task: FileTask, text: string): string {
  return crypto
    .createHash('sha1')
    .update(task.factsPath)
    .update('\0')
    .update(task.configKey ?? '')
    .update('\0')
    .update(text)
    .digest('base64url');
}

/**
 * What identifies a version of a file without reading it, for one facts path and config key: its size, its
 * modification and change times and its inode; undefined when it cannot be stat'ed or was changed within
 * `RACY_MS` of `now` (too recently for its times to be trusted).
 */
export function fileStamp(task: FileTask, now = Date.now()): string | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(task.abs);
  } catch {
    return undefined; // reading it says what is wrong
  }
  if (!stat.isFile() || now - Math.max(stat.mtimeMs, stat.ctimeMs) < RACY_MS) return undefined;
  return crypto
    .createHash('sha1')
    .update(`${task.factsPath}\0${task.configKey ?? ''}\0${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}:${stat.dev}`)
    .digest('base64url');
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

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What is wrong with a cache entry, or undefined when it has the shape errlint writes. */
function entryProblem(entry: unknown): string | undefined {
  if (!isRecord(entry) || typeof entry.hash !== 'string' || !isRecord(entry.outcome)) return 'not a hash and an outcome';
  if (entry.stamp !== undefined && typeof entry.stamp !== 'string') return 'its stamp is not a string';
  const { findings, error, project, summary, exempted } = entry.outcome;
  if (!Array.isArray(findings)) return 'its findings are not a list';
  const bad = findings.findIndex(
    (f) => !isRecord(f) || !['ruleId', 'message', 'file', 'risk'].every((k) => typeof f[k] === 'string') || !['line', 'column', 'endLine', 'endColumn', 'score'].every((k) => typeof f[k] === 'number') || !Array.isArray(f.range) || !Array.isArray(f.factors),
  );
  if (bad !== -1) return `finding ${bad + 1} is malformed`;
  if (error !== undefined && !(isRecord(error) && typeof error.file === 'string' && typeof error.message === 'string')) return 'its error is malformed';
  if ((project !== undefined && !isRecord(project)) || (summary !== undefined && !isRecord(summary))) return 'its project data is malformed';
  if (exempted !== undefined && !Array.isArray(exempted)) return 'its exempted sites are not a list';
  return undefined;
}

/**
 * The entries of the cache at `location` for this run key: none when there is no cache or it is of another run
 * (errlint, config, rules). A cache that is corrupt (not JSON, or an entry errlint would not write) is not
 * trusted: no entry is used, `problem` says why, and the file is rewritten at the end of the run.
 */
function readCache(location: string, key: string): { entries: CacheFile['entries']; problem?: string } {
  let text: string;
  try {
    text = fs.readFileSync(location, 'utf8');
  } catch {
    return { entries: {} }; // no cache yet, or unreadable: it is written at the end
  }
  let data: Partial<CacheFile>;
  try {
    data = JSON.parse(text) as Partial<CacheFile>;
  } catch (error) {
    return { entries: {}, problem: `not valid JSON (${(error as Error).message})` };
  }
  if (!isRecord(data) || data.format !== FORMAT || data.key !== key) return { entries: {} };
  if (!isRecord(data.entries)) return { entries: {}, problem: 'its entries are not an object' };
  for (const [file, entry] of Object.entries(data.entries)) {
    const problem = entryProblem(entry);
    if (problem) return { entries: {}, problem: `the entry of ${file}: ${problem}` };
  }
  return { entries: data.entries as CacheFile['entries'] };
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
    throw new UsageError(`--cache-location ${shown}: cannot be read (${ioReason(error)}).`, { cause: error });
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
    throw new UsageError(`--cache-location ${shown}: cannot be read (${ioReason(error)}).`, { cause: error });
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
 * Opens the cache at `location` (`shown` is how the user named it, for messages; `clock` tells how recently a
 * file changed, see `RACY_MS`). Throws `UsageError` for a location errlint must not overwrite; `notice` says
 * why a cache is off; `save` returns a warning when the cache could not be written (the run's result stands;
 * the next run lints every file again).
 */
export function openCache(location: string, key: string, shown = location, clock: () => number = Date.now): AuditCache {
  const target = inspectLocation(location, shown);
  // errlint's own cache, recognised by its header, may still be damaged inside: readCache says how
  const read = target.kind === 'cache' ? readCache(location, key) : { entries: {} };
  const entries: CacheFile['entries'] = read.entries;
  // nothing to write back when the run linted no file and dropped no entry (a re-run of an unchanged tree)
  let dirty = target.kind !== 'cache' || read.problem !== undefined || Object.keys(entries).length === 0;
  // each file's stamp taken before its text was read (`unchanged`), recorded with the entry its text makes
  const stamps = new Map<string, string | undefined>();
  const cache: AuditCache = {
    ...(read.problem ? { problem: read.problem } : {}),
    hits: 0,
    misses: 0,
    ...(target.kind === 'off' && target.notice ? { notice: target.notice } : {}),
    unchanged(task) {
      const stamp = fileStamp(task, clock());
      stamps.set(task.rel, stamp);
      const entry = entries[task.rel];
      if (stamp === undefined || entry?.stamp !== stamp) return undefined;
      cache.hits++;
      return entry.outcome;
    },
    get(task, text) {
      const entry = entries[task.rel];
      if (entry && entry.hash === contentHash(task, text)) {
        cache.hits++;
        const stamp = stamps.get(task.rel);
        if (entry.stamp !== stamp) {
          entries[task.rel] = { ...entry, stamp };
          dirty = true;
        }
        return entry.outcome;
      }
      cache.misses++;
      return undefined;
    },
    put(task, hash, outcome) {
      entries[task.rel] = { hash, stamp: stamps.get(task.rel), outcome };
      dirty = true;
    },
    save(keep) {
      if (target.kind === 'off') return undefined;
      if (!dirty && (!keep || Object.keys(entries).every((file) => keep.has(file)))) return undefined;
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
        return `Cannot write the cache to ${shown}: ${ioReason(error)}; the next run lints every file again.`;
      }
    },
  };
  return cache;
}
