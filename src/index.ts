/**
 * errlint's programmatic API: `import { audit, loadConfig, formatters } from 'errlint'`.
 *
 * ```ts
 * const run = await audit({ cwd: 'services/api', paths: ['src'] });
 * process.stdout.write(formatters.text(run, { cwd: run.cwd, color: false, timing: false }));
 * process.exitCode = exitCodeFor(run, 'high');
 * ```
 */
import path from 'node:path';
import { allRules } from '../rules/index.js';
import { loadConfig as loadConfigFor, type LoadedConfig } from './config/load-config.js';
import { reporters } from './reporters/index.js';
import type { FormatName } from './reporters/names.js';
import type { Reporter } from './result.js';
import { ruleInfo } from './rule-info.js';
import type { RuleInfo } from './result.js';

export { audit, type AuditOptions, type AuditRun, type Shard } from './audit.js';
export type { LoadedConfig, RuleSetting, UserConfig } from './config/load-config.js';
export { ConfigurationError, ErrlintError, UsageError } from './errors.js';
export type { KnowledgeConfig } from './knowledge/index.js';
export { mergeReports } from './merge.js';
export { FORMAT_NAMES, type FormatName } from './reporters/names.js';

export { exitCodeFor, type AuditResult, type Reporter, type ReporterOptions, type RuleInfo, type SarifOptions } from './result.js';
export { RISK_LEVELS, type FileError, type Finding, type RiskFactor, type RiskLevel, type RuleFamily, type Suggestion, type TextEdit } from './types.js';
export { VERSION as version } from './version.js';

/** Every report format `--format` takes, as functions of an audit result: `formatters.sarif(run, options)`. */
export const formatters: Readonly<Record<FormatName, Reporter>> = reporters;

/**
 * The configuration errlint would use for the files of `cwd` (default: the working directory): the config
 * files from the project root down to `cwd`, merged (`filepaths`, outermost first; `filepath` the nearest), or
 * `options.config` alone, validated. No configuration file gives `{ config: {} }`. Files in subdirectories
 * may have their own (README "Configuration"); an audit run's `configFor(file)` gives each file's.
 */
export async function loadConfig(options: { cwd?: string; config?: string } = {}): Promise<LoadedConfig> {
  return loadConfigFor(path.resolve(options.cwd ?? process.cwd()), options.config, allRules);
}

/** Every rule errlint ships, as `errlint rules --format json` lists them. */
export function listRules(): RuleInfo[] {
  return allRules.map(ruleInfo);
}
