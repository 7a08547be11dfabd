import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import type { AuditRun, Shard } from './audit.js';
import { ErrlintError, ioReason, UsageError } from './errors.js';
import type { FixSelection } from './fix.js';
import { FORMAT_NAMES, isFormatName, type FormatName } from './reporters/names.js';
import { DEFAULT_BASELINE_FILE, gate, type AuditResult, type ReporterOptions, type SarifOptions } from './result.js';
import { printableLines } from './reporters/shared.js';
import { PRESETS, RISK_LEVELS, type Preset, type RiskLevel } from './types.js';
import { VERSION } from './version.js';

// Only what every command needs is imported above. The engine, the TypeScript compiler, the rules, ajv,
// cosmiconfig and the reporters are imported by the commands that use them, so `--version`, `--help`,
// `rules` and `explain` start in a fraction of the time an audit needs.

/** Where the CLI reads and writes: `processIo()` for the real process, plain functions in tests. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdoutIsTTY?: boolean;
  stderrIsTTY?: boolean;
  /** Standard input, read to its end (`--stdin`). */
  readStdin?: () => Promise<string>;
}

const PACKAGE_ROOT = (() => {
  // dist/src/cli.js in the package, src/cli.ts in development
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
})();

const FAIL_ON = [...RISK_LEVELS, 'none'] as const;

/** Decides colour the way chalk's users expect: flags, then NO_COLOR / FORCE_COLOR, then the TTY. */
export function useColor(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return isTTY;
}

/**
 * A comma-separated list of rule ids for `flag`, added to earlier ones. A value naming no rule (`--rule ","`) is
 * a usage error: an empty list would otherwise read as "no selection" and run every rule.
 */
function ruleList(flag: string): (value: string, previous?: string[]) => string[] {
  return (value, previous = []) => {
    const ids = value.split(',').map((s) => s.trim()).filter(Boolean);
    if (ids.length === 0) throw new UsageError(`${flag} "${value}" names no rule: give rule ids separated by commas (\`errlint rules\` lists them).`);
    return [...previous, ...ids];
  };
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export interface OutputTarget {
  format: FormatName;
  file?: string;
}

/** `--format text --format sarif=out.sarif`: each format once, `-o` names the file of the first without one. */
export function parseFormats(specs: readonly string[], output: string | undefined): OutputTarget[] {
  const targets: OutputTarget[] = (specs.length ? specs : ['text']).map((spec) => {
    const eq = spec.indexOf('=');
    const format = eq === -1 ? spec : spec.slice(0, eq);
    const file = eq === -1 ? undefined : spec.slice(eq + 1);
    if (!isFormatName(format)) throw new UsageError(`Unknown format "${format}". Formats: ${FORMAT_NAMES.join(', ')}.`);
    if (file === '') throw new UsageError(`--format ${format}= needs a file name after "=".`);
    return { format, file };
  });
  if (output) {
    const first = targets.find((t) => !t.file);
    if (!first) throw new UsageError('-o/--output has no format to write: every --format already names its file.');
    first.file = output;
  }
  const toStdout = targets.filter((t) => !t.file);
  if (toStdout.length > 1) throw new UsageError(`Only one format can go to standard output; give the others a file (--format ${toStdout[1]!.format}=<file>).`);
  return targets;
}

function progress(io: CliIo): { tick: (done: number, total: number) => void; stop: () => void } {
  if (io.stderrIsTTY !== true || io.env.CI) return { tick: () => {}, stop: () => {} };
  const started = Date.now();
  let shown = false;
  return {
    tick(done, total) {
      if (Date.now() - started < 1000 || (done % 25 !== 0 && done !== total)) return;
      shown = true;
      io.stderr(`\r\x1b[2Kerrlint: ${done}/${total} files`);
    },
    stop() {
      if (shown) io.stderr('\r\x1b[2K');
    },
  };
}

interface AuditFlags {
  format: string[];
  output?: string;
  failOn: RiskLevel | 'none';
  maxFindings?: string;
  minRisk?: RiskLevel;
  rule?: string[];
  preset?: Preset;
  config?: string;
  /** `--no-config-lookup` sets it false. */
  configLookup: boolean;
  ignorePattern?: string[];
  errorOnUnmatchedPattern: boolean;
  quiet?: boolean;
  summary?: boolean;
  color?: boolean;
  debug?: boolean;
  reportUnusedDisableDirectives?: boolean;
  timing: boolean;
  timingRules?: boolean;
  threads?: string;
  cache?: boolean;
  cacheLocation?: string;
  shard?: string;
  stdin?: boolean;
  stdinFilename?: string;
  printConfig?: string;
  fix?: boolean;
  fixDryRun?: boolean;
  fixRule?: string[];
  applySuggestions?: string[];
  showExempt?: boolean;
  baseline?: string;
  updateBaseline?: boolean;
}

/** `--fix`, `--fix-dry-run`, `--fix-rule`, `--apply-suggestions` as one selection, or none. */
function fixSelection(flags: AuditFlags, checkRuleIds: (ids: readonly string[]) => void): FixSelection | undefined {
  if (flags.applySuggestions?.length) {
    if (flags.fix || flags.fixDryRun || flags.fixRule?.length) throw new UsageError('--apply-suggestions cannot be combined with --fix, --fix-dry-run or --fix-rule: apply suggestions in a run of their own.');
    checkRuleIds(flags.applySuggestions);
    return { mode: 'suggestions', rules: flags.applySuggestions };
  }
  if (flags.fixRule?.length) checkRuleIds(flags.fixRule);
  if (flags.fix || flags.fixDryRun) return { mode: 'fix', rules: flags.fixRule?.length ? flags.fixRule : undefined };
  if (flags.fixRule?.length) throw new UsageError('--fix-rule limits --fix or --fix-dry-run; add one of them.');
  return undefined;
}

/** `--threads 4`, `--threads auto`. */
export function parseThreads(value: string | undefined): number | 'auto' | undefined {
  if (value === undefined) return undefined;
  if (value === 'auto') return 'auto';
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--threads takes a whole number of at least 1, or auto (got "${value}").`);
  return n;
}

/** `--shard 2/3`. */
export function parseShard(value: string | undefined): Shard | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) throw new UsageError(`--shard takes i/n with 1 <= i <= n, e.g. --shard 1/3 (got "${value}").`);
  return { index, count };
}

/** `--max-findings 40`. */
export function parseMaxFindings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < 0) throw new UsageError(`--max-findings takes a whole number of at least 0 (got "${value}").`);
  return n;
}

/**
 * The display filter: `--min-risk <level>`, or `--quiet`, which (as in ESLint, where it shows errors only) keeps
 * the findings that fail the gate. Findings below it are left out of every report, the counts and the gate.
 */
export function displayFloor(flags: Pick<AuditFlags, 'minRisk' | 'quiet' | 'failOn'>): RiskLevel | 'none' | undefined {
  if (flags.minRisk && flags.quiet) throw new UsageError('--quiet shows the findings at or above --fail-on; use it or --min-risk, not both.');
  return flags.minRisk ?? (flags.quiet ? flags.failOn : undefined);
}

/** `--stdin` flags checked together: the file name it is audited as, or undefined without `--stdin`. */
function stdinFilename(flags: AuditFlags, paths: readonly string[]): string | undefined {
  if (!flags.stdin) {
    if (flags.stdinFilename !== undefined) throw new UsageError('--stdin-filename names the text read with --stdin; add --stdin.');
    return undefined;
  }
  if (paths.length) throw new UsageError(`--stdin audits standard input: give no paths (got ${paths.join(' ')}).`);
  const clash = [flags.fix && '--fix', flags.fixDryRun && '--fix-dry-run', flags.applySuggestions?.length && '--apply-suggestions', flags.shard && '--shard', flags.updateBaseline && '--update-baseline', flags.cache && '--cache'].filter(Boolean);
  if (clash.length) throw new UsageError(`--stdin cannot be combined with ${clash.join(', ')}.`);
  return flags.stdinFilename ?? '<stdin>.ts';
}

async function runAudit(paths: string[], flags: AuditFlags, io: CliIo): Promise<number> {
  if (flags.printConfig !== undefined) return printConfig(flags.printConfig, flags, io);
  const [{ audit }, { checkRuleIds }, { formatTimings, timingFromEnv }] = await Promise.all([import('./audit.js'), import('./rule-info.js'), import('./engine/timing.js')]);
  const targets = parseFormats(flags.format, flags.output);
  const threads = parseThreads(flags.threads);
  const shard = parseShard(flags.shard);
  const cache = flags.cache || flags.cacheLocation !== undefined ? (flags.cacheLocation ?? true) : undefined;
  const maxFindings = parseMaxFindings(flags.maxFindings);
  const floor = displayFloor(flags);
  const stdinAs = stdinFilename(flags, paths);
  if (flags.rule?.length) checkRuleIds(flags.rule);
  const selection = fixSelection(flags, checkRuleIds);
  const stdinText = stdinAs !== undefined ? await readStdin(io) : undefined;
  const envTiming = timingFromEnv(io.env);
  const timeRules = flags.timingRules === true || envTiming.enabled;
  const bar = progress(io);
  const runAuditOnce = () =>
    audit({
      cwd: io.cwd,
      paths: paths.length ? paths : ['.'],
      config: flags.config,
      configLookup: flags.configLookup,
      only: flags.rule,
      preset: flags.preset,
      ignorePatterns: flags.ignorePattern,
      reportUnusedDirectives: flags.reportUnusedDisableDirectives,
      timing: timeRules,
      threads,
      cache,
      shard,
      errorOnUnmatchedPattern: flags.errorOnUnmatchedPattern,
      showExempt: flags.showExempt,
      ...(stdinAs !== undefined ? { stdin: { text: stdinText ?? '', filename: stdinAs } } : {}),
      onProgress: bar.tick,
    });
  let run: AuditRun = await runAuditOnce();
  bar.stop();
  for (const notice of run.notices) io.stderr(`errlint: ${printableLines(notice)}\n`);
  let reportToStdout = true;
  /** A fix errlint meant to write and could not (changed on disk meanwhile, unwritable): exit 2 after the report. */
  let notWritten = false;
  if (selection) {
    const dryRun = flags.fixDryRun === true && !flags.fix;
    const [{ runFixes }, { fixSummary }] = await Promise.all([import('./fix-run.js'), import('./fix.js')]);
    const fixed = await runFixes(run, { cwd: io.cwd, paths: paths.length ? paths : ['.'], selection, dryRun, only: flags.rule, reportUnusedDirectives: flags.reportUnusedDisableDirectives });
    if (fixed.files.some((f) => f.status === 'conflict' || f.status === 'failed')) notWritten = true;
    io.stderr(fixSummary(fixed, dryRun, selection.mode));
    // a dry run prints the diffs and no report on stdout; a real fix reports what remains
    if (dryRun) io.stdout(fixed.diff);
    if (!dryRun && fixed.files.some((f) => f.status === 'fixed')) {
      run = await runAuditOnce();
      bar.stop();
    }
    if (dryRun) reportToStdout = false;
  }
  let result: AuditResult = run;
  if (flags.baseline !== undefined || flags.updateBaseline) {
    const file = flags.baseline ?? DEFAULT_BASELINE_FILE;
    const { useBaseline } = await import('./baseline.js');
    const used = useBaseline(run, { cwd: io.cwd, file, update: flags.updateBaseline === true });
    if (used.written !== undefined) io.stderr(`errlint: wrote ${used.written} baseline ${used.written === 1 ? 'entry' : 'entries'} to ${file}\n`);
    result = used.result;
  }
  if (floor !== undefined) result = belowFloorHidden(result, floor);
  const gateCode = gate(result, { failOn: flags.failOn, maxFindings }).exitCode;
  const exitCode = notWritten ? 2 : gateCode;
  await writeReports(result, targets, io, { color: flags.color, timing: flags.timing, summaryOnly: flags.summary, failOn: flags.failOn, maxFindings, exitCode, toStdout: reportToStdout });
  if (run.timings) {
    const cacheLine = run.cacheStats ? `cache: ${run.cacheStats.hits} files reused, ${run.cacheStats.misses} linted\n` : '';
    io.stderr(`\n${formatTimings(run.timings, run.durationMs, envTiming.limit)}${cacheLine}`);
  }
  return exitCode;
}

/** Leaves out findings below the display floor (`--min-risk`, `--quiet`), counting them in `hidden`. */
function belowFloorHidden(result: AuditResult, floor: RiskLevel | 'none'): AuditResult {
  const shown = floor === 'none' ? [] : result.findings.filter((f) => RISK_LEVELS.indexOf(f.risk) <= RISK_LEVELS.indexOf(floor));
  return { ...result, findings: shown, hidden: { below: floor, count: result.findings.length - shown.length } };
}

interface WriteOptions {
  color: boolean | undefined;
  timing: boolean;
  summaryOnly?: boolean;
  failOn: RiskLevel | 'none';
  maxFindings?: number;
  exitCode: number;
  /** False when standard output already holds something else (`--fix-dry-run`'s diffs). */
  toStdout?: boolean;
}

/** Formats the result once per target; SARIF gets each rule's documentation. */
async function writeReports(result: AuditResult, targets: readonly OutputTarget[], io: CliIo, options: WriteOptions): Promise<void> {
  const { reporters } = await import('./reporters/index.js');
  const { loadRuleDocs } = await import('./rule-docs.js');
  const ruleHelp = targets.some((t) => t.format === 'sarif') ? loadRuleDocs(result.rules.map((r) => r.id), path.join(PACKAGE_ROOT, 'docs', 'rules')) : undefined;
  for (const target of targets) {
    if (target.file === undefined && options.toStdout === false) continue;
    const toFile = target.file !== undefined;
    const reporterOptions: ReporterOptions & SarifOptions = {
      cwd: io.cwd,
      color: !toFile && useColor(options.color, io.env, io.stdoutIsTTY === true),
      timing: options.timing,
      summaryOnly: options.summaryOnly,
      failOn: options.failOn,
      maxFindings: options.maxFindings,
      ruleHelp,
      exitCode: options.exitCode,
    };
    writeReport(io, target, reporters[target.format](result, reporterOptions));
  }
}

async function readStdin(io: CliIo): Promise<string> {
  if (!io.readStdin) throw new UsageError('--stdin: there is no standard input to read.');
  return io.readStdin();
}

/** `--print-config <file>`: the configuration errlint applies to that file, as JSON. */
async function printConfig(file: string, flags: AuditFlags, io: CliIo): Promise<number> {
  const [{ allRules }, { resolveRules }, { createConfigResolver }] = await Promise.all([import('../rules/index.js'), import('./config/load-config.js'), import('./config/lookup.js')]);
  const resolver = await createConfigResolver({ cwd: io.cwd, config: flags.config, lookup: flags.configLookup, preset: flags.preset, rules: allRules });
  const effective = resolver.forFile(path.resolve(io.cwd, file));
  const enabled = new Map(resolveRules(effective.config, allRules, flags.rule).map((r) => [r.rule.meta.id, r]));
  const rules = Object.fromEntries(allRules.map((rule) => {
    const r = enabled.get(rule.meta.id);
    return [rule.meta.id, r ? { risk: r.risk, options: r.options } : 'off'];
  }));
  const shown = (p: string) => toPosix(path.relative(io.cwd, p)) || p;
  const configFiles = effective.layers.filter((l) => l.filepath).map((l) => shown(l.filepath));
  // each config's ignores are relative to its own directory: shown relative to the working directory
  const ignores = effective.layers.flatMap((l) => {
    const prefix = toPosix(path.relative(io.cwd, l.dir));
    return (l.config.ignores ?? []).map((glob) => (prefix ? `${prefix}/${glob.replace(/^\.\//, '')}` : glob));
  });
  const printed = {
    file: toPosix(file),
    configFile: configFiles.at(-1) ?? null,
    configFiles,
    rules,
    ignores,
    files: effective.config.files ?? {},
    knowledge: effective.config.knowledge ?? {},
  };
  io.stdout(`${JSON.stringify(printed, null, 2)}\n`);
  return 0;
}

const toPosix = (p: string): string => p.split(path.sep).join('/');

/** A report goes to its file (directories made as needed) or, without one, to standard output. */
function writeReport(io: CliIo, target: OutputTarget, text: string): void {
  if (target.file === undefined) {
    io.stdout(text);
    return;
  }
  const abs = path.resolve(io.cwd, target.file);
  try {
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
  } catch (error) {
    throw new ErrlintError(`Cannot write ${target.file}: ${ioReason(error)}.`, { cause: error });
  }
}

interface MergeFlags {
  format: string[];
  output?: string;
  failOn: RiskLevel | 'none';
  maxFindings?: string;
  minRisk?: RiskLevel;
  color?: boolean;
  quiet?: boolean;
  summary?: boolean;
}

/** `errlint merge a.json b.json --format sarif -o all.sarif`: shard reports as one, in any format. */
async function runMerge(reports: string[], flags: MergeFlags, io: CliIo): Promise<number> {
  const targets = parseFormats(flags.format, flags.output);
  const maxFindings = parseMaxFindings(flags.maxFindings);
  const floor = displayFloor(flags);
  const { mergeReports } = await import('./merge.js');
  let result = mergeReports(reports, io.cwd);
  if (floor !== undefined) result = belowFloorHidden(result, floor);
  const { exitCode } = gate(result, { failOn: flags.failOn, maxFindings });
  await writeReports(result, targets, io, { color: flags.color, timing: false, summaryOnly: flags.summary, failOn: flags.failOn, maxFindings, exitCode });
  return exitCode;
}

async function listRules(format: string, io: CliIo): Promise<number> {
  const [{ allRules }, { ruleInfo }] = await Promise.all([import('../rules/index.js'), import('./rule-info.js')]);
  const infos = allRules.map(ruleInfo);
  if (format === 'json') {
    io.stdout(`${JSON.stringify(infos, null, 2)}\n`);
    return 0;
  }
  if (format !== 'text') throw new UsageError(`Unknown format "${format}" for rules: use text or json.`);
  const w = Math.max(...infos.map((r) => r.id.length), 2);
  const p = Math.max(...PRESETS.map((name) => name.length));
  io.stdout(`${'id'.padEnd(w)}  ${'preset'.padEnd(p)}  ${'family'.padEnd(9)}  ${'risk'.padEnd(8)}  ${'fix'.padEnd(10)}  ${'scope'.padEnd(7)}  description\n`);
  for (const r of infos) {
    const fix = r.fixable ? 'fix' : r.hasSuggestions ? 'suggestion' : '-';
    io.stdout(`${r.id.padEnd(w)}  ${r.preset.padEnd(p)}  ${r.family.padEnd(9)}  ${r.risk.padEnd(8)}  ${fix.padEnd(10)}  ${r.scope.padEnd(7)}  ${r.description}\n`);
  }
  io.stdout(
    '\nfix: `audit --fix` applies the rule\'s behaviour-preserving fixes (its other findings carry suggestions); it also removes unused errlint-disable directives with --report-unused-disable-directives.\n' +
      'suggestion: a rewrite shown with the finding, applied only by `audit --apply-suggestions <ids>`: it changes behaviour, review the diff.\n',
  );
  return 0;
}

async function explain(id: string, io: CliIo): Promise<number> {
  const { checkRuleIds } = await import('./rule-info.js');
  checkRuleIds([id]);
  const doc = path.join(PACKAGE_ROOT, 'docs', 'rules', `${id}.md`);
  let text: string;
  try {
    text = fs.readFileSync(doc, 'utf8');
  } catch (error) {
    throw new ErrlintError(`No documentation page for ${id} (${doc}).`, { cause: error });
  }
  io.stdout(text.endsWith('\n') ? text : `${text}\n`);
  return 0;
}

async function init(io: CliIo): Promise<number> {
  const { initConfig } = await import('./init.js');
  const written = initConfig(io.cwd);
  io.stdout(written.summary);
  return 0;
}

export function buildProgram(io: CliIo, done: (code: number) => void): Command {
  const program = new Command('errlint')
    .description('Find error-handling anti-patterns in TypeScript and JavaScript backend code, ranked by risk.')
    .version(VERSION, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();

  program
    .command('audit')
    .description('Audit files, directories or globs (default: the current directory).')
    .argument('[paths...]', 'files, directories or globs')
    .option('-f, --format <format>', `output format, repeatable, optionally with a file: text, json, or name=file (${FORMAT_NAMES.join(', ')})`, collect, [])
    .option('-o, --output <file>', 'write the (first) report to a file instead of standard output')
    .addOption(new Option('--fail-on <level>', 'exit 1 when a finding is at or above this risk').choices(FAIL_ON).default('high'))
    .option('--max-findings <n>', 'also exit 1 when there are more than n findings (at any risk shown), to ratchet debt down')
    .addOption(new Option('--min-risk <level>', 'show only findings at or above this risk; the rest are left out of reports, counts and the gate').choices(RISK_LEVELS))
    .option('-q, --quiet', 'show only the findings that fail the gate (at or above --fail-on), as ESLint shows only errors')
    .option('--summary', 'print counts only, no finding details (text and markdown)')
    .option('--rule <ids>', 'run only these rules (comma-separated, repeatable)', ruleList('--rule'))
    .addOption(new Option('--preset <name>', 'the rule set to start from, over the config\'s "preset": recommended (default; rules measured right at least 9 times in 10) or strict (every rule)').choices(PRESETS))
    .option('-c, --config <path>', 'use this config file for every file instead of looking configs up')
    .option('--no-config-lookup', 'read no config file from the tree (only --config, if given): for untrusted code, see docs/trust-model.md')
    .option('--print-config <file>', 'print the configuration errlint applies to this file, as JSON, and exit')
    .option('--ignore-pattern <glob>', 'skip files matching this glob (repeatable)', collect)
    .option('--no-error-on-unmatched-pattern', 'a path or glob that matches no file is a notice, not an error (exit 2)')
    .option('--stdin', 'audit the text on standard input (as one file; project rules are not run)')
    .option('--stdin-filename <path>', 'the path the --stdin text is audited as: its language, file role and config')
    .option('--no-color', 'never colour the output')
    .option('--no-timing', 'leave wall time out of reports')
    .option('--threads <n>', 'lint files in worker threads: a number, or auto (a thread per two CPUs, only with 1,000+ files per thread); results are the same')
    .option('--cache', 'reuse the results of unchanged files from the last run (.errlintcache)')
    .option('--cache-location <file>', 'the cache file (implies --cache)')
    .option('--shard <i/n>', 'audit only slice i of n of the files, for CI runners in parallel (project rules need an unsharded run)')
    .option('--timing-rules', 'print the time each rule and engine phase took to standard error (also ERRLINT_TIMING=1)')
    .option('--report-unused-disable-directives', 'report errlint-disable directives that suppress nothing')
    .option('--show-exempt', "also list the sites a rule matched but chose not to report, with the reason id and why (`errlint explain <rule>` lists a rule's reasons); JSON: an exemptions array")
    .option('--debug', 'print stack traces of internal errors')
    .option('--fix', "apply the behaviour-preserving fixes (the rules marked fix in `errlint rules`, unused disable directives) to the files, then report what remains")
    .option('--fix-dry-run', 'print those fixes as unified diffs; write nothing')
    .option('--fix-rule <ids>', 'limit --fix / --fix-dry-run to these rules (comma-separated, repeatable)', ruleList('--fix-rule'))
    .option('--apply-suggestions <ids>', "apply the first suggestion of these rules' findings (changes behaviour: review the diff)", ruleList('--apply-suggestions'))
    .option('--baseline <file>', 'report only findings not listed in this baseline file')
    .option('--update-baseline', `write the current findings to the baseline file (--baseline, default ${DEFAULT_BASELINE_FILE})`)
    .action(async (paths: string[], flags: AuditFlags) => done(await runAudit(paths, flags, io)));

  program
    .command('merge')
    .description('Merge the JSON reports of --shard jobs into one report, in any format.')
    .argument('<reports...>', 'JSON reports written with --format json')
    .option('-f, --format <format>', 'output format, repeatable, optionally with a file (name=file)', collect, [])
    .option('-o, --output <file>', 'write the (first) report to a file instead of standard output')
    .addOption(new Option('--fail-on <level>', 'exit 1 when a finding is at or above this risk').choices(FAIL_ON).default('high'))
    .option('--max-findings <n>', 'also exit 1 when there are more than n findings')
    .addOption(new Option('--min-risk <level>', 'show only findings at or above this risk').choices(RISK_LEVELS))
    .option('-q, --quiet', 'show only the findings that fail the gate (at or above --fail-on)')
    .option('--summary', 'print counts only, no finding details (text and markdown)')
    .option('--no-color', 'never colour the output')
    .action(async (reports: string[], flags: MergeFlags) => done(await runMerge(reports, flags, io)));

  program
    .command('rules')
    .description('List every rule: id, preset, family, default risk, fix, one line.')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (flags: { format: string }) => done(await listRules(flags.format, io)));

  program
    .command('roles')
    .description('Show where errlint thinks each file runs (server, client, test, script, generated) and why; rules skip the roles they do not judge.')
    .argument('[paths...]', 'files, directories or globs')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('-c, --config <path>', 'use this config file for every file instead of looking configs up')
    .option('--no-config-lookup', 'read no config file from the tree (only --config, if given)')
    .option('--per-file', 'one line per file instead of grouping folders whose files share a decision')
    .option('--summary', 'counts only: files per role and, per role, per reason')
    .action(async (paths: string[], flags: { format: string; config?: string; configLookup: boolean; perFile?: boolean; summary?: boolean }) => {
      const { formatRoles, formatRoleSummary, listRoles } = await import('./model/role-report.js');
      const summary = flags.summary === true;
      const entries = await listRoles({ cwd: io.cwd, paths, config: flags.config, configLookup: flags.configLookup, perFile: flags.perFile === true || summary });
      io.stdout(summary ? formatRoleSummary(entries, flags.format) : formatRoles(entries, flags.format));
      done(0);
    });

  program
    .command('explain')
    .description("Print a rule's documentation page.")
    .argument('<rule-id>', 'the rule to explain')
    .action(async (id: string) => done(await explain(id, io)));

  program
    .command('init')
    .description('Write .errlintrc.json for this project: the loggers, monitors, data layers and frameworks it uses.')
    .action(async () => done(await init(io)));

  return program;
}

/** Runs the CLI; resolves to the exit code. Expected errors print a message, unexpected ones a stack only with --debug. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (c) => (code = c));
  const debug = argv.includes('--debug');
  try {
    if (argv.length <= 2) {
      program.outputHelp();
      return 2;
    }
    await program.parseAsync([...argv]);
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and version exit 0; every usage error exits 2
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof ErrlintError) {
      io.stderr(`errlint: ${printableLines(error.message)}\n`);
      if (debug && error.cause instanceof Error) io.stderr(`${error.cause.stack}\n`);
      return error.exitCode;
    }
    io.stderr(`errlint: internal error: ${printableLines((error as Error)?.message ?? String(error))}\n`);
    io.stderr(debug ? `${(error as Error)?.stack}\n` : 'Run again with --debug for details, and please report it.\n');
    return 2;
  }
}

/**
 * The real process's streams. A reader that closes the pipe early (`errlint rules | head -1`) ends the output
 * quietly: later writes are dropped and the exit code is the run's own, never a `write EPIPE` stack.
 */
export function processIo(): CliIo {
  let closed = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
  });
  return {
    stdout: (t) => void (closed || process.stdout.write(t)),
    stderr: (t) => void process.stderr.write(t),
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}
