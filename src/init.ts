/**
 * `errlint init`: writes `.errlintrc.json` for the project in the working directory, with what errlint detects
 * from `package.json` and the sources' imports: the loggers and error monitors it uses (and its own logger
 * module, which suggestions then import), its data layers and HTTP frameworks. Never overwrites a config.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SEARCH_PLACES, type UserConfig } from './config/load-config.js';
import { discoverFiles, toPosix } from './discovery.js';
import { UsageError } from './errors.js';
import { defaultKnowledge } from './knowledge/index.js';
import type { LoggerFlavour } from './knowledge/loggers.js';

export const INIT_FILE = '.errlintrc.json';
export const SCHEMA_REF = './node_modules/errlint/schema/config.schema.json';
/** Enough files to see a project's stack; a monorepo's tail adds no new packages. */
const MAX_SCANNED_FILES = 3000;

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)['"]([^'"\n]+)['"]/g;
const LOCAL_LOGGER = /(?:^|\/)(?:logger|logging|log)(?:\/index)?(?:\.[cm]?[jt]sx?)?$/;
const FLAVOURS: Record<string, LoggerFlavour> = { pino: 'pino', winston: 'winston', bunyan: 'bunyan', '@nestjs/common': 'nest' };

export interface Detected {
  loggers: string[];
  /** Error monitors' SDKs (import = monitoring), and those whose capture calls record an error. */
  monitors: string[];
  capturingMonitors: string[];
  dataLayers: string[];
  frameworks: string[];
  /** The project's own logger module, relative to the working directory. */
  logger?: { importPath: string; binding: string; flavour: LoggerFlavour };
}

export interface InitResult {
  file: string;
  config: UserConfig & { $schema: string };
  detected: Detected;
  /** What `errlint init` prints. */
  summary: string;
}

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** A config errlint would find in `cwd` itself (a parent's config is the parent project's). */
export function existingConfig(cwd: string): string | undefined {
  for (const name of SEARCH_PLACES) {
    const file = path.join(cwd, name);
    if (!fs.existsSync(file)) continue;
    if (name !== 'package.json') return name;
    try {
      if ((JSON.parse(fs.readFileSync(file, 'utf8')) as { errlint?: unknown }).errlint !== undefined) return 'package.json#errlint';
    } catch {
      // an unreadable package.json holds no errlint config
    }
  }
  return undefined;
}

function manifestDependencies(cwd: string): string[] {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(cwd, 'package.json'), 'utf8')) as Record<string, unknown>;
    const fields = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];
    return fields.flatMap((f) => (pkg[f] && typeof pkg[f] === 'object' ? Object.keys(pkg[f] as object) : []));
  } catch {
    return [];
  }
}

/** Bare import specifiers per file, and relative ones resolved to the file they name (without extension). */
function scanImports(cwd: string): { packages: Set<string>; specifiers: Set<string>; local: Map<string, string[]> } {
  const packages = new Set<string>();
  const specifiers = new Set<string>();
  const local = new Map<string, string[]>();
  const { files } = discoverFiles({ cwd, patterns: ['.'], errorOnUnmatchedPattern: false });
  for (const file of files.slice(0, MAX_SCANNED_FILES)) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const rel = toPosix(path.relative(cwd, file));
    const found: string[] = [];
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1]!;
      if (spec.startsWith('.')) {
        found.push(spec);
      } else if (!spec.startsWith('node:')) {
        specifiers.add(spec);
        packages.add(packageOf(spec));
      }
    }
    local.set(rel, found);
  }
  return { packages, specifiers, local };
}

/** The module a relative import names, as a source file of the scan (`./log` → `src/log.ts`). */
function resolveLocal(fromFile: string, spec: string, files: ReadonlyMap<string, unknown>): string | undefined {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), spec.replace(/\.[cm]?js$/, '')));
  const stems = [base, `${base}/index`];
  for (const file of files.keys()) {
    const stem = file.replace(/\.[cm]?[jt]sx?$/, '');
    if (stems.includes(stem)) return file;
  }
  return undefined;
}

/** The binding a logger module exports: `export const logger = pino()`, `export { log }`, else its default. */
function exportedBinding(text: string): string | undefined {
  const named = /\bexport\s+(?:const|let|var)\s+(\w*(?:log|Log)\w*)\s*[=:]/.exec(text) ?? /\bexport\s*\{[^}]*?\b(\w*(?:log|Log)\w*)\b[^}]*\}/.exec(text);
  return named?.[1];
}

/** The project's logger: the local `logger`/`log` module most files import, when it wraps a logging library. */
function projectLogger(cwd: string, local: Map<string, string[]>): Detected['logger'] {
  const uses = new Map<string, number>();
  for (const [file, specs] of local) {
    for (const spec of specs) {
      if (!LOCAL_LOGGER.test(spec)) continue;
      const target = resolveLocal(file, spec, local);
      if (target) uses.set(target, (uses.get(target) ?? 0) + 1);
    }
  }
  const ranked = [...uses].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  for (const [file] of ranked) {
    const text = fs.readFileSync(path.join(cwd, file), 'utf8');
    const library = [...text.matchAll(IMPORT)].map((m) => packageOf(m[1]!)).find((p) => defaultKnowledge.loggers.modules.includes(p));
    const binding = exportedBinding(text);
    if (!library || !binding) continue;
    return { importPath: `./${file.replace(/\.[cm]?[jt]sx?$/, '').replace(/\/index$/, '')}`, binding, flavour: FLAVOURS[library] ?? 'console-compatible' };
  }
  return undefined;
}

/** What the project uses, by the names errlint's knowledge knows them under. */
export function detectStack(cwd: string): Detected {
  const scan = scanImports(cwd);
  // a subpath import (`dd-trace/init`) counts for that entry; a dependency or import of a package for its name
  const seen = new Set([...manifestDependencies(cwd), ...scan.packages, ...scan.specifiers]);
  const has = (module: string) => seen.has(module);
  const { loggers, monitoring, database, frameworks } = defaultKnowledge;
  const sorted = (list: Iterable<string>) => [...new Set(list)].sort();
  const logger = projectLogger(cwd, scan.local);
  return {
    loggers: sorted(loggers.modules.filter(has)),
    monitors: sorted(monitoring.modules.filter(has)),
    capturingMonitors: sorted(loggers.monitorModules.filter(has)),
    dataLayers: sorted(database.layers.filter((l) => l.modules.some(has)).map((l) => l.name)),
    frameworks: sorted(frameworks.apps.filter((a) => a.modules.some(has)).map((a) => a.label ?? a.framework)),
    ...(logger ? { logger } : {}),
  };
}

function describe(detected: Detected): string[] {
  const line = (label: string, items: readonly string[]) => `  ${label.padEnd(12)} ${items.length ? items.join(', ') : 'none found'}`;
  return [
    line('loggers', detected.loggers),
    line('monitors', [...new Set([...detected.monitors, ...detected.capturingMonitors])].sort()),
    line('data layers', detected.dataLayers),
    line('frameworks', detected.frameworks),
    `  ${'own logger'.padEnd(12)} ${detected.logger ? `${detected.logger.binding} from ${detected.logger.importPath} (${detected.logger.flavour})` : 'none found'}`,
  ];
}

/**
 * The config for what was detected. Built-in knowledge covers these libraries already; listing them makes the
 * config say what the audit relies on, and the project's own logger is what suggestions import. Data layers
 * and frameworks errlint knows have no list to join (their vocabularies are built in): they are named in the
 * summary init prints.
 */
export function configFor(detected: Detected): UserConfig & { $schema: string } {
  const knowledge: NonNullable<UserConfig['knowledge']> = {};
  if (detected.loggers.length || detected.logger || detected.capturingMonitors.length) {
    knowledge.loggers = {
      ...(detected.loggers.length ? { modules: detected.loggers } : {}),
      ...(detected.capturingMonitors.length ? { monitorModules: detected.capturingMonitors } : {}),
      ...(detected.logger ? { logger: detected.logger } : {}),
    };
  }
  if (detected.monitors.length) knowledge.monitoring = { modules: detected.monitors };
  return { $schema: SCHEMA_REF, ...(Object.keys(knowledge).length ? { knowledge } : {}) };
}

/** Detects the stack and writes `.errlintrc.json`; a usage error when the directory has a config already. */
export function initConfig(cwd: string): InitResult {
  const existing = existingConfig(cwd);
  if (existing) throw new UsageError(`${existing} already configures errlint here; init never overwrites a config. Edit it, or remove it and run init again.`);
  const detected = detectStack(cwd);
  const config = configFor(detected);
  const file = path.join(cwd, INIT_FILE);
  fs.writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`, { flag: 'wx' });
  const summary = [`Wrote ${INIT_FILE}. Detected:`, ...describe(detected), 'Data layers and frameworks errlint knows need no entry; run `errlint audit` next.', ''].join('\n');
  return { file, config, detected, summary };
}
