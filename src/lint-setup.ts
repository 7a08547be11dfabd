/**
 * The one lint setup: the rules a run resolves, the knowledge and the file classifier, built from a config by
 * one function and shared by every host (`audit()`, worker threads, `--fix`, the ESLint adapter).
 */
import { allRules } from '../rules/index.js';
import { resolveRules, type UserConfig } from './config/load-config.js';
import { createProjectClassifier } from './engine/file-facts.js';
import type { LintSetup, RunnerOptions } from './engine/file-runner.js';
import { resolveKnowledge } from './knowledge/index.js';

export type { LintSetup } from './engine/file-runner.js';

/** What the rules analyse with: the merged knowledge and the file classifier. */
export type AnalysisSetup = Omit<LintSetup, 'rules'>;

/** A run as plain data, from which a worker thread rebuilds its setup. */
export interface RunSetup extends RunnerOptions {
  /** The run's distinct configurations (nested config files): a file's `FileTask.config` indexes them. */
  configs: UserConfig[];
  /** `--rule`: run only these rules. */
  only?: readonly string[];
  /** Workers: return each file's content hash for the main thread's cache. */
  hashForCache?: boolean;
}

/**
 * The knowledge and file classifier of a config (hosts whose rules are configured elsewhere: ESLint). `cwd`
 * names packages in role reasons.
 */
export function createAnalysisSetup(config: Pick<UserConfig, 'knowledge' | 'files' | 'filesLayers'>, cwd = process.cwd()): AnalysisSetup {
  return { knowledge: resolveKnowledge(config.knowledge), classify: createProjectClassifier(config.files, cwd, config.filesLayers) };
}

/** Everything a run needs from its config: the rules (narrowed by `only`, as `--rule`), knowledge, classifier. */
export function createLintSetup(config: UserConfig, only?: readonly string[], cwd?: string): LintSetup {
  const rules = resolveRules(config, allRules, only);
  return { ...createAnalysisSetup(config, cwd), rules, everyRuleRan: rules.length === allRules.length };
}
