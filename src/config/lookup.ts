/**
 * Where each audited file's configuration comes from (README "Configuration", docs/trust-model.md).
 *
 * - Lookup: for a file, the config files of its directory and of every parent directory up to the lookup root
 *   apply, the nearer over the farther; a config with `"root": true` stops the walk. In each directory the
 *   first of SEARCH_PLACES that holds errlint config counts.
 * - Lookup root: the nearest directory, from the working directory up, that holds `.git`; without one, the
 *   nearest that holds `package.json`; without either, the working directory. The walk up never enters a
 *   directory anyone may write to (`/tmp`). Files outside the lookup root get the working directory's
 *   configuration.
 * - Trust: JavaScript configs run only from the working directory and its parents up to the lookup root (or
 *   a `"root": true` config), the directories the user chose by running errlint there, or when named with
 *   `--config`. Config files found
 *   below (or beside) the working directory are read as data (JSON, YAML, package.json); a JavaScript one is
 *   refused with a message.
 * - `--config <file>` applies that one file to every file, and `--no-config-lookup` (without `--config`)
 *   applies none: no config file of the tree is read.
 *
 * Merging, child over parent: `preset` replaces; `rules` replace per rule id; `files` lists and `knowledge`
 * lists are appended; other knowledge values replace; `ignores` stay with the config that declares them
 * (relative to its directory, covering only what is below it); `files` globs keep their directory too
 * (`filesLayers`: they match below it when it lies inside the audited directory, see file-facts.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { DirListing } from '../dir-listing.js';
import { ConfigurationError } from '../errors.js';
import { ignoreMatcher, isWithin, toPosix } from '../discovery.js';
import type { FilePatterns } from '../engine/file-facts.js';
import { mergeKnowledge } from '../knowledge/index.js';
import type { AnyRule, Preset } from '../types.js';
import { isCodeConfig, readConfigFile, readDataConfigFile, SEARCH_PLACES, type LoadedConfig, type UserConfig } from './load-config.js';

/** One config file that applies. */
export interface ConfigLayer {
  filepath: string;
  dir: string;
  config: UserConfig;
}

/** The configuration that applies to the files of a directory: its config files merged. */
export interface EffectiveConfig {
  /** The config files, outermost first; empty when none applies. */
  layers: ConfigLayer[];
  /** The merged configuration, `--preset` applied, without `root` and `ignores` (see `layers`). */
  config: UserConfig;
}

export interface ConfigLookupOptions {
  /** The working directory. */
  cwd: string;
  /** `--config <file>` (relative to `cwd`), or a config object (the API): one configuration for every file. */
  config?: string | UserConfig;
  /** `false` (`--no-config-lookup`): no config file is looked up; only `config`, if given, applies. */
  lookup?: boolean;
  /** `--preset`, over every config's `preset`. */
  preset?: Preset;
  rules: readonly AnyRule[];
  /** The run's directory listings, shared with discovery so each directory is read once. */
  listing?: DirListing;
}

export interface ConfigResolver {
  /** The lookup root, or undefined when there is no lookup (`--config`, `--no-config-lookup`). */
  root?: string;
  /** Notes for the user: a directory anyone may write to where the lookup stopped. */
  notices: string[];
  /** The working directory's configuration. */
  base: EffectiveConfig;
  /** The configuration of a file (absolute path). */
  forFile(abs: string): EffectiveConfig;
  /** Whether a config's `ignores` cover this path (a file, or a directory when `isDir`) met while walking. */
  ignored(abs: string, isDir: boolean): boolean;
  /** An effective config in the shape `loadConfig` returns. */
  loaded(effective: EffectiveConfig): LoadedConfig;
}

/** 'shared' for a directory anyone may write to with the sticky bit (/tmp), 'open' without it, else undefined. */
function writableByAnyone(dir: string): 'shared' | 'open' | undefined {
  try {
    const { mode } = fs.statSync(dir);
    return (mode & 0o002) === 0 ? undefined : (mode & 0o1000) !== 0 ? 'shared' : 'open';
  } catch {
    return 'open'; // unreadable: not a place to take configuration from
  }
}

/**
 * The directory config lookup stops at (see the module comment), and the directory anyone may write to (without
 * the sticky bit of /tmp) that stopped the walk up, when it holds something the walk would have used.
 */
export function lookupRoot(cwd: string): { root: string; unsafe?: string } {
  let firstPackage: string | undefined;
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    const writable = dir === cwd ? undefined : writableByAnyone(dir);
    if (writable) {
      // a shared /tmp is expected to stop the walk; an open one (chmod 777) that holds a repository or config may surprise
      const names = writable === 'open' ? namesIn(dir) : new Set<string>();
      return { root: firstPackage ?? cwd, ...(names.has('.git') || SEARCH_PLACES.some((p) => names.has(p)) ? { unsafe: dir } : {}) };
    }
    if (fs.existsSync(path.join(dir, '.git'))) return { root: dir };
    if (!firstPackage && fs.existsSync(path.join(dir, 'package.json'))) firstPackage = dir;
    if (path.dirname(dir) === dir) break;
  }
  return { root: firstPackage ?? cwd };
}


/** `child` over `parent` (see the module comment). */
export function mergeConfig(parent: UserConfig, child: UserConfig): UserConfig {
  const out: UserConfig = { ...parent };
  if (child.preset !== undefined) out.preset = child.preset;
  if (child.rules) out.rules = { ...parent.rules, ...child.rules };
  if (child.files) {
    const files: Partial<FilePatterns> = { ...parent.files };
    for (const [key, globs] of Object.entries(child.files) as [keyof FilePatterns, string[]][]) files[key] = [...new Set([...(files[key] ?? []), ...globs])];
    out.files = files;
  }
  const knowledge = mergeKnowledge(parent.knowledge, child.knowledge);
  if (knowledge) out.knowledge = knowledge;
  return out;
}

/** `nested`: the layers come from the lookup, so each one's `files` globs keep their directory. */
function effectiveOf(layers: ConfigLayer[], preset: Preset | undefined, nested = false): EffectiveConfig {
  let config: UserConfig = {};
  for (const layer of layers) config = mergeConfig(config, layer.config);
  if (preset) config.preset = preset;
  const withFiles = nested ? layers.filter((l) => l.config.files) : [];
  if (withFiles.length) config.filesLayers = Object.fromEntries(withFiles.map((l) => [l.dir, l.config.files!]));
  return { layers, config };
}

/** Builds the resolver of a run. Loads (and runs, for JavaScript) the working directory's configs up front. */
export async function createConfigResolver(options: ConfigLookupOptions): Promise<ConfigResolver> {
  const { cwd, rules, preset } = options;
  const listing = options.listing ?? new DirListing();
  const display = (p: string): string => toPosix(path.relative(cwd, p)) || path.basename(p);
  const ignoreTests = new Map<ConfigLayer, (rel: string, isDir: boolean) => boolean>();
  const ignoredBy = (layers: readonly ConfigLayer[], abs: string, isDir: boolean): boolean =>
    layers.some((layer) => {
      if (!layer.config.ignores?.length) return false;
      let test = ignoreTests.get(layer);
      if (!test) ignoreTests.set(layer, (test = ignoreMatcher(layer.config.ignores)));
      return test(toPosix(path.relative(layer.dir, abs)), isDir);
    });
  const fixed = (effective: EffectiveConfig): ConfigResolver => ({
    notices: [],
    base: effective,
    forFile: () => effective,
    ignored: (abs, isDir) => ignoredBy(effective.layers, abs, isDir),
    loaded: (effective) => toLoaded(effective, cwd),
  });

  if (typeof options.config === 'object') return fixed(effectiveOf([{ filepath: '', dir: cwd, config: options.config }], preset));
  if (typeof options.config === 'string') {
    const filepath = path.resolve(cwd, options.config);
    const config = (await readConfigFile(filepath, options.config, rules)) ?? {};
    return fixed(effectiveOf([{ filepath, dir: path.dirname(filepath), config }], preset));
  }
  if (options.lookup === false) return fixed(effectiveOf([], preset));

  const { root, unsafe } = lookupRoot(cwd);
  /** The config file of each directory visited (null: none). */
  const own = new Map<string, ConfigLayer | null>();
  const trusted = new Set<string>();
  /** Refusals to run a JavaScript config, raised only if a file's lookup reaches that directory. */
  const refused = new Map<string, ConfigurationError>();
  let stopped = false;
  for (let dir = cwd; isWithin(dir, root); dir = path.dirname(dir)) {
    trusted.add(dir);
    if (!stopped) {
      const layer = await findConfig(dir, true);
      own.set(dir, layer);
      stopped = layer?.config.root === true;
    } else {
      // above a "root": true config the working directory's files never look: nothing there is run
      try {
        own.set(dir, findConfig(dir, false));
      } catch (error) {
        if (!(error instanceof ConfigurationError)) throw error;
        refused.set(dir, error);
      }
    }
    if (dir === root) break;
  }

  async function findConfig(dir: string, runCode: true): Promise<ConfigLayer | null>;
  function findConfig(dir: string, runCode: false): ConfigLayer | null;
  function findConfig(dir: string, runCode: boolean): ConfigLayer | null | Promise<ConfigLayer | null> {
    const names = listing.names(dir) ?? new Set<string>();
    for (const place of SEARCH_PLACES) {
      if (!names.has(place)) continue;
      const filepath = path.join(dir, place);
      if (!isFile(filepath)) continue;
      if (isCodeConfig(filepath)) {
        if (!runCode) {
          throw new ConfigurationError(
            `Not running ${display(filepath)}: errlint runs a JavaScript config only from the working directory or its parents, not from the directories it audits (see docs/trust-model.md). Run errlint from ${display(dir)}, name the file with --config, or use .errlintrc.json there.`,
          );
        }
        return readConfigFile(filepath, display(filepath), rules).then(async (config) => (config ? { filepath, dir, config } : findAfter(dir, place)));
      }
      let config: UserConfig | undefined;
      try {
        config = readDataConfigFile(filepath, display(filepath), rules);
      } catch (error) {
        // a package.json that does not parse says nothing about errlint below the working directory; above it, it might
        if (place === 'package.json' && !runCode && !mentionsErrlint(filepath)) continue;
        throw error;
      }
      if (config) return { filepath, dir, config };
    }
    return null;
  }
  /** The search in `dir` after `place` held nothing (an empty JavaScript config). */
  async function findAfter(dir: string, place: string): Promise<ConfigLayer | null> {
    for (const next of SEARCH_PLACES.slice(SEARCH_PLACES.indexOf(place) + 1)) {
      const filepath = path.join(dir, next);
      if (!isFile(filepath)) continue;
      const config = await readConfigFile(filepath, display(filepath), rules);
      if (config) return { filepath, dir, config };
    }
    return null;
  }

  const byDir = new Map<string, EffectiveConfig>();
  /** One object per distinct list of layers, so files can be grouped by identity. */
  const byLayers = new Map<string, EffectiveConfig>();
  const forDir = (dir: string): EffectiveConfig => {
    const known = byDir.get(dir);
    if (known) return known;
    const refusal = refused.get(dir);
    if (refusal) throw refusal;
    let layer = own.get(dir);
    if (layer === undefined) {
      layer = trusted.has(dir) ? null : findConfig(dir, false);
      own.set(dir, layer);
    }
    const parent = dir === root || layer?.config.root === true ? undefined : forDir(path.dirname(dir));
    const layers = [...(parent?.layers ?? []), ...(layer ? [layer] : [])];
    const key = layers.map((l) => l.filepath).join('\0');
    let effective = byLayers.get(key);
    if (!effective) byLayers.set(key, (effective = effectiveOf(layers, preset, true)));
    byDir.set(dir, effective);
    return effective;
  };
  const base = forDir(cwd);
  return {
    root,
    notices: unsafe ? [`Config lookup stopped below ${unsafe}: anyone may write to it, so errlint reads no .git, package.json or config file there or above (see docs/trust-model.md).`] : [],
    base,
    forFile: (abs) => {
      const dir = path.dirname(abs);
      return isWithin(dir, root) ? forDir(dir) : base;
    },
    ignored: (abs, isDir) => {
      const dir = path.dirname(abs);
      return ignoredBy(isWithin(dir, root) ? forDir(dir).layers : base.layers, abs, isDir);
    },
    loaded: (effective) => toLoaded(effective, cwd),
  };
}

function mentionsErrlint(packageJson: string): boolean {
  try {
    return fs.readFileSync(packageJson, 'utf8').includes('"errlint"');
  } catch {
    return false; // unreadable: it holds nothing errlint can use
  }
}

/** The names in a directory (one read instead of a stat per search place); none when it cannot be read. */
function namesIn(dir: string): Set<string> {
  try {
    return new Set(fs.readdirSync(dir));
  } catch {
    return new Set();
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/**
 * An effective config as `loadConfig` returns it: `filepath` the nearest file, `dir` the outermost one's
 * directory, which every layer's `ignores` are rebased to.
 */
function toLoaded(effective: EffectiveConfig, cwd: string): LoadedConfig {
  const files = effective.layers.filter((l) => l.filepath);
  const dir = effective.layers[0]?.dir ?? cwd;
  const ignores = effective.layers.flatMap((l) => {
    const prefix = toPosix(path.relative(dir, l.dir));
    return (l.config.ignores ?? []).map((glob) => (prefix ? `${prefix}/${glob.replace(/^\.\//, '')}` : glob));
  });
  return {
    ...(files.length ? { filepath: files.at(-1)!.filepath, filepaths: files.map((l) => l.filepath) } : {}),
    dir,
    config: ignores.length ? { ...effective.config, ignores } : effective.config,
  };
}
