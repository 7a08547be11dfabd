import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import type { defaultLoaders as DefaultLoaders } from 'cosmiconfig';
import { ConfigurationError } from '../errors.js';
import type { FilePatternLayers, FilePatterns } from '../engine/file-facts.js';
import type { ResolvedRule } from '../engine/lint-source.js';
import type { KnowledgeConfig } from '../knowledge/index.js';
import { PRESETS, RISK_LEVELS, type AnyRule, type Preset, type RiskLevel } from '../types.js';
import { buildConfigSchema } from './schema.js';

export type RuleSetting = 'off' | 'on' | { risk?: RiskLevel; options?: Record<string, unknown> };

/** errlint's configuration as the user writes it. */
export interface UserConfig {
  /** Stop here: config files in parent directories do not apply (nested lookup, see README "Configuration"). */
  root?: boolean;
  /** The rule set to start from (default `recommended`); `rules` turns rules on or off on top of it. */
  preset?: Preset;
  rules?: Record<string, RuleSetting>;
  ignores?: string[];
  files?: Partial<FilePatterns>;
  knowledge?: KnowledgeConfig;
  /** Set by the config lookup, not by users: each config file's `files` by its directory (nested configs). */
  filesLayers?: FilePatternLayers;
}

export interface LoadedConfig {
  /** Absolute path of the file it came from (the nearest, when several are merged), if any. */
  filepath?: string;
  /** Every config file merged into `config`, outermost first (absolute paths). */
  filepaths?: string[];
  /** Directory that config-relative globs resolve from. */
  dir: string;
  config: UserConfig;
}

const MODULE_NAME = 'errlint';
export const SEARCH_PLACES = [
  'package.json',
  '.errlintrc',
  '.errlintrc.json',
  '.errlintrc.yaml',
  '.errlintrc.yml',
  '.errlintrc.js',
  '.errlintrc.cjs',
  '.errlintrc.mjs',
  'errlint.config.js',
  'errlint.config.cjs',
  'errlint.config.mjs',
  'errlint.config.ts',
];

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** ` Did you mean "x"?` when a known name is close. */
export function didYouMean(name: string, known: readonly string[]): string {
  const best = known.map((k) => [k, levenshtein(name, k)] as const).sort((a, b) => a[1] - b[1])[0];
  return best && best[1] <= Math.max(2, Math.floor(name.length / 3)) ? ` Did you mean "${best[0]}"?` : '';
}

function pointer(instancePath: string): string {
  const parts = instancePath.split('/').filter(Boolean).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  return parts.length ? parts.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') : '(root)';
}

function describeAjvError(e: ErrorObject): string {
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys(((e.parentSchema as { properties?: object } | undefined)?.properties ?? {}) as object);
      return `${pointer(e.instancePath)}: unknown key "${key}".${allowed.length ? ` Allowed: ${allowed.join(', ')}.` : ''}${didYouMean(key, allowed)}`;
    }
    case 'enum':
      return `${pointer(e.instancePath)}: must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}.`;
    case 'type':
      return `${pointer(e.instancePath)}: must be ${(e.params as { type: string }).type}.`;
    case 'required':
      return `${pointer(e.instancePath)}: missing required key "${(e.params as { missingProperty: string }).missingProperty}".`;
    default:
      return `${pointer(e.instancePath)}: ${e.message ?? 'is invalid'}.`;
  }
}

// Ajv and cosmiconfig (about 90 CommonJS modules between them, a tenth of a `--cache` re-run's CPU) are loaded
// on first use: a run with no config file, and no rule options to check, never needs them.
const require = createRequire(import.meta.url);
let ajv: Ajv | undefined;
let loaders: typeof DefaultLoaders | undefined;
const cosmiconfigLoaders = (): typeof DefaultLoaders => (loaders ??= (require('cosmiconfig') as typeof import('cosmiconfig')).defaultLoaders);
const compiled = new WeakMap<object, ValidateFunction>();

/** Compiles each schema object once (Ajv refuses a second schema with the same `$id`). */
function validatorFor(schema: object): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    ajv ??= new (require('ajv') as typeof import('ajv')).Ajv({ allErrors: true, strict: false, verbose: true });
    const { $id: _id, ...rest } = schema as { $id?: string };
    compiled.set(schema, (validate = ajv.compile(rest)));
  }
  return validate;
}

const outerSchemas = new WeakMap<readonly AnyRule[], object>();

/** Validates a config object; throws a ConfigurationError naming the file, the key path and what is allowed. */
export function validateConfig(config: unknown, source: string, rules: readonly AnyRule[]): UserConfig {
  const problems: string[] = [];
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw new ConfigurationError(`Invalid configuration in ${source}: (root) must be an object.`);
  }
  let outer = outerSchemas.get(rules);
  if (!outer) {
    const schema = buildConfigSchema(rules) as { properties: Record<string, unknown> };
    // Rules are checked by hand below: their messages (unknown id, did you mean) beat oneOf's.
    outerSchemas.set(rules, (outer = { ...schema, properties: { ...schema.properties, rules: { type: 'object' } } }));
  }
  const validate = validatorFor(outer);
  if (!validate(config)) for (const e of validate.errors ?? []) problems.push(describeAjvError(e));

  const ids = rules.map((r) => r.meta.id);
  const userRules = (config as UserConfig).rules;
  if (userRules && typeof userRules === 'object' && !Array.isArray(userRules)) {
    for (const [id, setting] of Object.entries(userRules)) {
      const rule = rules.find((r) => r.meta.id === id);
      if (!rule) {
        problems.push(`rules.${id}: unknown rule id.${didYouMean(id, ids)} Known rules: ${ids.join(', ')}.`);
        continue;
      }
      if (setting === 'off' || setting === 'on') continue;
      if (typeof setting !== 'object' || setting === null || Array.isArray(setting)) {
        problems.push(`rules.${id}: must be "off", "on" or an object { risk?, options? }.`);
        continue;
      }
      for (const key of Object.keys(setting)) {
        if (key !== 'risk' && key !== 'options') problems.push(`rules.${id}: unknown key "${key}". Allowed: risk, options.`);
      }
      if (setting.risk !== undefined && !(RISK_LEVELS as readonly string[]).includes(setting.risk)) {
        problems.push(`rules.${id}.risk: must be one of ${RISK_LEVELS.map((l) => `"${l}"`).join(', ')}.`);
      }
      if (setting.options !== undefined) {
        const validateOptions = validatorFor(rule.meta.schema);
        if (!validateOptions(setting.options)) {
          for (const e of validateOptions.errors ?? []) problems.push(describeAjvError({ ...e, instancePath: `/rules/${id}/options${e.instancePath}` }));
        }
      }
    }
  }
  if (problems.length) {
    throw new ConfigurationError(`Invalid configuration in ${source}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
  return config as UserConfig;
}

/** Config files that are JavaScript (or TypeScript): loading one runs it. The others are data. */
export function isCodeConfig(file: string): boolean {
  return /\.(?:js|cjs|mjs|ts)$/.test(file);
}

const firstLine = (error: unknown): string => (error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error)).split('\n')[0]!.trim();

/**
 * A loaded config as plain data: getters are read once here (one that throws is the config's error, not
 * errlint's), objects and arrays are copied; other values (RegExp, functions of a JS config) are kept.
 */
function plainData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plainData);
  if (value !== null && typeof value === 'object') {
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto === Object.prototype || proto === null) {
      return Object.fromEntries(Object.keys(value).map((k) => [k, plainData((value as Record<string, unknown>)[k])]));
    }
  }
  return value;
}

/**
 * The text of a data config (JSON, YAML, package.json) parsed, or undefined when it holds no errlint config
 * (an empty file, a package.json without an "errlint" key). Never runs code: `$import` is refused.
 */
function parseDataConfig(file: string, text: string): unknown {
  if (text.trim() === '') return undefined;
  const base = path.basename(file);
  if (base === 'package.json') return (JSON.parse(text) as Record<string, unknown> | null)?.[MODULE_NAME] ?? undefined;
  if (file.endsWith('.json')) return JSON.parse(text);
  return cosmiconfigLoaders()['.yaml'](file, text);
}

async function importCodeConfig(file: string, text: string): Promise<unknown> {
  if (text.trim() === '') return undefined;
  if (file.endsWith('.ts')) return cosmiconfigLoaders()['.ts'](file, text);
  const mod = (await import(pathToFileURL(fs.realpathSync(file)).href)) as { default?: unknown };
  return mod.default;
}

/** `$import` (cosmiconfig's) would load, and for a .js file run, another file: refused. */
function refuseImport(raw: unknown, display: string): void {
  if (raw !== null && typeof raw === 'object' && Object.prototype.hasOwnProperty.call(raw, '$import')) {
    throw new ConfigurationError(`Cannot load ${display}: "$import" is not supported: a configuration cannot load other files (see docs/trust-model.md).`);
  }
}

/** Reads one config file (running it when it is JavaScript), validated; undefined when it holds no errlint config. */
export async function readConfigFile(file: string, display: string, rules: readonly AnyRule[]): Promise<UserConfig | undefined> {
  return finishConfig(file, display, rules, async (text) => (isCodeConfig(file) ? importCodeConfig(file, text) : parseDataConfig(file, text)));
}

/** Reads one data config file (JSON, YAML, package.json), validated; never runs code. */
export function readDataConfigFile(file: string, display: string, rules: readonly AnyRule[]): UserConfig | undefined {
  const text = readText(file, display);
  let raw: unknown;
  try {
    raw = parseDataConfig(file, text);
  } catch (error) {
    throw new ConfigurationError(`Cannot load ${display}: ${firstLine(error)}.`.replace(/\.\.$/, '.'), { cause: error });
  }
  refuseImport(raw, display);
  return raw === undefined ? undefined : validateConfig(raw, display, rules);
}

function readText(file: string, display: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigurationError(`Cannot read config file ${display}: ${code === 'ENOENT' ? 'no such file' : (code ?? firstLine(error))}.`, { cause: error });
  }
}

async function finishConfig(file: string, display: string, rules: readonly AnyRule[], load: (text: string) => Promise<unknown>): Promise<UserConfig | undefined> {
  const text = readText(file, display);
  let raw: unknown;
  try {
    raw = plainData(await load(text));
  } catch (error) {
    throw new ConfigurationError(`Cannot load ${display}: ${firstLine(error)}.`.replace(/\.\.$/, '.'), { cause: error });
  }
  refuseImport(raw, display);
  return raw === undefined || raw === null ? undefined : validateConfig(raw, display, rules);
}

/**
 * The working directory's configuration (or `explicitPath`'s), validated: the config files from the lookup
 * root down to `cwd`, merged (see src/config/lookup.ts). No config is not an error.
 */
export async function loadConfig(cwd: string, explicitPath: string | undefined, rules: readonly AnyRule[]): Promise<LoadedConfig> {
  const { createConfigResolver } = await import('./lookup.js');
  const resolver = await createConfigResolver({ cwd, config: explicitPath, rules });
  return resolver.loaded(resolver.base);
}

/** Whether `rule` belongs to `preset`: each preset holds its own rules and those of the presets before it. */
export function inPreset(rule: AnyRule, preset: Preset): boolean {
  return PRESETS.indexOf(rule.meta.preset) <= PRESETS.indexOf(preset);
}

/**
 * The rules to run: the preset's rules (`preset` argument, i.e. `--preset`, over the config's, default
 * `recommended`), plus every rule the config turns on or configures, minus those it turns off; `only`
 * (`--rule`) runs exactly the rules it names. Each comes with its options merged over the defaults and its base
 * risk.
 */
export function resolveRules(config: UserConfig, rules: readonly AnyRule[], only?: readonly string[], preset?: Preset): ResolvedRule[] {
  const base = preset ?? config.preset ?? 'recommended';
  const out: ResolvedRule[] = [];
  for (const rule of rules) {
    const setting = config.rules?.[rule.meta.id];
    if (only && only.length > 0) {
      if (!only.includes(rule.meta.id)) continue;
    } else if (setting === 'off' || (setting === undefined && !inPreset(rule, base))) {
      continue;
    }
    const obj = typeof setting === 'object' ? setting : undefined;
    out.push({ rule, options: { ...(rule.meta.defaultOptions as object), ...(obj?.options ?? {}) }, risk: obj?.risk ?? rule.meta.risk });
  }
  return out;
}
