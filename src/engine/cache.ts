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
import { VERSION } from '../version.js';
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
  /** Writes the cache, keeping only `keep` (the files this run saw) when given. */
  save(keep?: ReadonlySet<string>): void;
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

export function openCache(location: string, key: string): AuditCache {
  let entries: CacheFile['entries'] = {};
  // nothing to write back when the run linted no file and dropped no entry (a re-run of an unchanged tree)
  let dirty = true;
  try {
    const data = JSON.parse(fs.readFileSync(location, 'utf8')) as Partial<CacheFile>;
    if (data.format === FORMAT && data.key === key && data.entries && typeof data.entries === 'object') {
      entries = data.entries;
      dirty = false;
    }
  } catch {
    // no cache yet, or an unreadable one: start empty, it is rewritten at the end
  }
  const cache: AuditCache = {
    hits: 0,
    misses: 0,
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
      dirty = true;
    },
    save(keep) {
      const files = Object.keys(entries);
      if (!dirty && (!keep || files.every((file) => keep.has(file)))) return;
      const kept = keep ? Object.fromEntries(Object.entries(entries).filter(([file]) => keep.has(file))) : entries;
      const body: CacheFile = { format: FORMAT, key, entries: kept };
      const tmp = `${location}.${process.pid}.tmp`;
      try {
        fs.mkdirSync(path.dirname(location), { recursive: true });
        fs.writeFileSync(tmp, JSON.stringify(body));
        fs.renameSync(tmp, location);
      } catch {
        // a cache that cannot be written costs the next run time, never this run's result
        fs.rmSync(tmp, { force: true });
      }
    },
  };
  return cache;
}
