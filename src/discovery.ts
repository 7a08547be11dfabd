import fs from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { DirListing } from './dir-listing.js';
import { UsageError } from './errors.js';
import { globMatcher, type GlobMatcher } from './glob.js';
import type { FileError } from './types.js';

export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'build', 'coverage', '.git', '.hg', '.svn']);

export interface DiscoverOptions {
  cwd: string;
  /** Files, directories or globs; default `.`. */
  patterns: readonly string[];
  /** Globs relative to `ignoreBase` (the config file's directory), e.g. from config `ignores`. */
  ignores?: readonly string[];
  ignoreBase?: string;
  /**
   * A pattern that yields no file (a glob matching nothing, a missing path, a directory without a source file
   * that is not ignored) is a usage error, as in ESLint; `false` (`--no-error-on-unmatched-pattern`) makes it a
   * notice. Default true.
   */
  errorOnUnmatchedPattern?: boolean;
  /** Globs relative to `cwd` (from `--ignore-pattern`). */
  cliIgnores?: readonly string[];
  /** Whether the config files that apply cover a path met in a walk (nested configs' `ignores`). */
  configIgnored?: (abs: string, isDir: boolean) => boolean;
  /** The run's directory listings, shared with the config lookup so each directory is read once. */
  listing?: DirListing;
}

export interface Discovery {
  /** Absolute paths, sorted, unique. */
  files: string[];
  /** Paths the user named that are not errlint's kind of file. */
  notices: string[];
  /** Directories that could not be read: what is in them was not audited. */
  errors: FileError[];
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

export function isSourceFile(name: string): boolean {
  if (name.endsWith('.d.ts') || name.endsWith('.d.mts') || name.endsWith('.d.cts')) return false;
  if (/\.min\.[cm]?js$/.test(name) || /[.-]bundle\.[cm]?js$/.test(name)) return false;
  return SOURCE_EXTENSIONS.includes(path.extname(name));
}

/** The nearest ancestor holding `.git`, or the filesystem root. */
function findRepoRoot(start: string): string | undefined {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

interface GitignoreLayer {
  dir: string;
  ig: Ignore;
}

function readGitignore(dir: string, listing?: DirListing): GitignoreLayer | undefined {
  if (listing && !listing.has(dir, '.gitignore')) return undefined;
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, '.gitignore'), 'utf8');
  } catch {
    // no .gitignore here (or unreadable): nothing to honour at this level
    return undefined;
  }
  return { dir, ig: ignore().add(text) };
}

function ignoredByLayers(layers: readonly GitignoreLayer[], abs: string, isDir: boolean): boolean {
  for (const layer of layers) {
    const rel = toPosix(path.relative(layer.dir, abs));
    if (!rel || rel.startsWith('..')) continue;
    if (layer.ig.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}

/** .gitignore files from the repository root down to `dir` (exclusive of `dir` itself). */
function ancestorLayers(dir: string): GitignoreLayer[] {
  const root = findRepoRoot(dir);
  if (!root) return [];
  const chain: string[] = [];
  for (let d = path.dirname(dir); d.length >= root.length; d = path.dirname(d)) {
    chain.unshift(d);
    if (d === root || path.dirname(d) === d) break;
  }
  if (dir === root) return [];
  const layers = chain.map((d) => readGitignore(d)).filter((l): l is GitignoreLayer => l !== undefined);
  // A directory the user names is audited even when an outer .gitignore covers it (e.g. a vendored tree).
  return ignoredByLayers(layers, dir, true) ? [] : layers;
}

/**
 * Finds the source files to audit: honours nested .gitignore files, config and CLI ignores, skips
 * node_modules/dist/build/coverage, declaration files and minified bundles, follows symlinks without
 * looping, and returns a deterministic order.
 */
export function discoverFiles(options: DiscoverOptions): Discovery {
  const { cwd } = options;
  const listing = options.listing ?? new DirListing();
  const patterns = options.patterns.length ? options.patterns : ['.'];
  const ignoreBase = options.ignoreBase ?? cwd;
  const configIgnored = options.ignores?.length ? ignoreMatcher(options.ignores) : undefined;
  const cliIgnored = options.cliIgnores?.length ? ignoreMatcher(options.cliIgnores) : undefined;
  const isIgnored = (abs: string, isDir: boolean): boolean =>
    (!!configIgnored && configIgnored(toPosix(path.relative(ignoreBase, abs)), isDir)) ||
    (!!cliIgnored && cliIgnored(toPosix(path.relative(cwd, abs)), isDir)) ||
    options.configIgnored?.(abs, isDir) === true;

  const found = new Set<string>();
  const notices: string[] = [];
  const errors: FileError[] = [];
  // two paths can name one file only through a symlink or a file named on the command line
  let aliased = false;
  /** Files the current pattern yielded (some may have come from an earlier pattern too). */
  let matched = 0;

  // `real` is the directory's real path when the caller knows it (a plain subdirectory of a known real path)
  const walk = (dir: string, layers: GitignoreLayer[], seen: Set<string>, filter?: GlobMatcher, knownReal?: string): void => {
    let real: string;
    try {
      real = knownReal ?? fs.realpathSync(dir);
    } catch {
      return;
    }
    if (seen.has(real)) return; // a symlink loop, or a directory already walked through another link
    seen.add(real);
    const own = readGitignore(dir, listing);
    const here = own ? [...layers, own] : layers;
    let entries: fs.Dirent[];
    try {
      // a copy: the listing keeps the file system's order for others
      entries = [...listing.entries(dir)];
    } catch (error) {
      errors.push({ file: toPosix(path.relative(cwd, dir)) || '.', kind: 'read', message: `Cannot read directory: ${(error as NodeJS.ErrnoException).code ?? 'error'}.` });
      return;
    }
    // links last: a directory reached both by its own path and through a link is walked by its own path
    entries.sort((a, b) => Number(a.isSymbolicLink()) - Number(b.isSymbolicLink()) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const abs = path.join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      const isLink = entry.isSymbolicLink();
      if (isLink) {
        aliased = true;
        try {
          const stat = fs.statSync(abs);
          isDir = stat.isDirectory();
          isFile = stat.isFile();
        } catch {
          continue; // dangling link
        }
      }
      if (isDir) {
        if (SKIPPED_DIRS.has(entry.name)) continue;
        if (ignoredByLayers(here, abs, true) || isIgnored(abs, true)) continue;
        walk(abs, here, seen, filter, isLink ? undefined : path.join(real, entry.name));
      } else if (isFile && isSourceFile(entry.name)) {
        if (ignoredByLayers(here, abs, false) || isIgnored(abs, false)) continue;
        if (filter && !filter(toPosix(path.relative(cwd, abs)))) continue;
        found.add(abs);
        matched++;
      }
    }
  };

  const unmatched = (pattern: string, missing: boolean): void => {
    const what = missing ? `No such file or directory: ${pattern}` : `No files matching the pattern "${pattern}" were found`;
    if (options.errorOnUnmatchedPattern === false) notices.push(`${what}.`);
    else throw new UsageError(`${what}. Check the path, or pass --no-error-on-unmatched-pattern to allow it.`);
  };
  for (const pattern of patterns) {
    matched = 0;
    const scan = picomatch.scan(pattern);
    if (isGlobPattern(cwd, pattern, scan)) {
      const base = path.resolve(cwd, scan.base || '.');
      if (fs.existsSync(base)) {
        const matcher = globMatcher(normalizeGlob(toPosix(path.relative(cwd, path.resolve(cwd, pattern)))), { dot: false });
        walk(base, ancestorLayers(base), new Set(), matcher);
      }
      if (matched === 0) unmatched(pattern, false);
      continue;
    }
    const abs = path.resolve(cwd, pattern);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch {
      unmatched(pattern, true);
      continue;
    }
    if (stat.isDirectory()) {
      walk(abs, ancestorLayers(abs), new Set());
      if (matched === 0) unmatched(pattern, false);
    } else if (!stat.isFile()) {
      // a FIFO blocks a read and a device (/dev/zero) never ends: only regular files are read
      notices.push(`Skipped ${pattern}: not a regular file.`);
    } else if (isSourceFile(abs)) {
      // A file named on the command line is audited even where an ignore would skip it in a walk.
      found.add(abs);
      aliased = true;
    } else {
      notices.push(`Skipped ${pattern}: not a JavaScript or TypeScript source file.`);
    }
  }
  const files = [...found].sort();
  return { files: aliased ? onePathPerFile(files) : files, notices, errors };
}

/**
 * One path per file: a file reached through a symlink and by its own path (or through two links) is audited
 * once, under its own path when that was found, else under the first link in sorted order.
 */
function onePathPerFile(sorted: readonly string[]): string[] {
  const byReal = new Map<string, string>();
  for (const abs of sorted) {
    let real: string;
    try {
      real = fs.realpathSync(abs);
    } catch {
      real = abs; // vanished since the walk: reading it reports that
    }
    const kept = byReal.get(real);
    if (kept === undefined || (abs === real && kept !== real)) byReal.set(real, abs);
  }
  const keep = new Set(byReal.values());
  return sorted.filter((abs) => keep.has(abs));
}

/** Ignore globs as a test of a path relative to their base (`/` separators); a path outside the base never matches. */
export function ignoreMatcher(globs: readonly string[]): (rel: string, isDir: boolean) => boolean {
  const match = globMatcher(globs.map(normalizeGlob), { dot: true });
  return (rel, isDir) => !rel.startsWith('..') && (match(rel) || (isDir && match(`${rel}/`)));
}

/**
 * Whether a path argument is a glob: it has glob syntax and names no existing path. A Next.js or SvelteKit route
 * (`app/[id]/route.ts`, `src/routes/(app)/+page.server.ts`) is a file, not a character class.
 */
function isGlobPattern(cwd: string, pattern: string, scan: ReturnType<typeof picomatch.scan>): boolean {
  return scan.isGlob && !fs.existsSync(path.resolve(cwd, pattern));
}

/**
 * The real directories the user's paths name, the only places a fix may write: a named directory, a glob's base
 * directory, a named file's directory. A file reached through a symlink whose target lies outside all of them
 * is not written.
 */
export function auditedRoots(cwd: string, patterns: readonly string[]): string[] {
  const roots = new Set<string>();
  for (const pattern of patterns.length ? patterns : ['.']) {
    const scan = picomatch.scan(pattern);
    const named = path.resolve(cwd, isGlobPattern(cwd, pattern, scan) ? scan.base || '.' : pattern);
    try {
      roots.add(fs.statSync(named).isDirectory() ? fs.realpathSync(named) : fs.realpathSync(path.dirname(named)));
    } catch {
      // a path that is not there yields no file to fix
    }
  }
  return [...roots];
}

/** `inner` is the directory `outer` or a path below it (absolute paths). */
export function isWithin(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(outer.endsWith(path.sep) ? outer : outer + path.sep);
}

/** `file` (a real path) is one of `roots` or below one. */
export function isInside(file: string, roots: readonly string[]): boolean {
  return roots.some((root) => isWithin(file, root));
}

function normalizeGlob(glob: string): string {
  const g = glob.replace(/^\.\//, '');
  return g.endsWith('/') ? `${g}**` : g;
}
