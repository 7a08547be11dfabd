import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import { allRules, rulesById } from '../rules/index.js';
import { audit, checkRuleIds, ruleInfo, type AuditRun, type Shard } from './audit.js';
import { DEFAULT_BASELINE_FILE, useBaseline } from './baseline.js';
import { ErrlintError, UsageError } from './errors.js';
import { formatTimings, timingFromEnv } from './engine/timing.js';
import { fixSummary, type FixSelection } from './fix.js';
import { runFixes } from './fix-run.js';
import { reporters } from './reporters/index.js';
import type { SarifOptions } from './reporters/sarif.js';
import { exitCodeFor, type AuditResult, type ReporterOptions } from './result.js';
import { mergeReports } from './merge.js';
import { formatRoles, listRoles } from './model/role-report.js';
import { loadRuleDocs } from './rule-docs.js';
import { PRESETS, RISK_LEVELS, type Preset, type RiskLevel } from './types.js';
import { VERSION } from './version.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
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

function splitList(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export interface OutputTarget {
  format: string;
  file?: string;
}

/** `--format text --format sarif=out.sarif`: each format once, `-o` names the file of the first without one. */
export function parseFormats(specs: readonly string[], output: string | undefined): OutputTarget[] {
  const targets: OutputTarget[] = (specs.length ? specs : ['text']).map((spec) => {
    const eq = spec.indexOf('=');
    const format = eq === -1 ? spec : spec.slice(0, eq);
    const file = eq === -1 ? undefined : spec.slice(eq + 1);
    if (!reporters[format]) throw new UsageError(`Unknown format "${format}". Formats: ${Object.keys(reporters).join(', ')}.`);
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
  if (!io.stderrIsTTY || io.env.CI) return { tick: () => {}, stop: () => {} };
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
  rule?: string[];
  preset?: Preset;
  config?: string;
  ignorePattern?: string[];
  quiet?: boolean;
  color?: boolean;
  debug?: boolean;
  reportUnusedDisableDirectives?: boolean;
  timing: boolean;
  timingRules?: boolean;
  threads?: string;
  cache?: boolean;
  cacheLocation?: string;
  shard?: string;
  fix?: boolean;
  fixDryRun?: boolean;
  fixRule?: string[];
  applySuggestions?: string[];
  baseline?: string;
  updateBaseline?: boolean;
}

/** `--fix`, `--fix-dry-run`, `--fix-rule`, `--apply-suggestions` as one selection, or none. */
function fixSelection(flags: AuditFlags): FixSelection | undefined {
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

async function runAudit(paths: string[], flags: AuditFlags, io: CliIo): Promise<number> {
  const targets = parseFormats(flags.format, flags.output);
  const threads = parseThreads(flags.threads);
  const shard = parseShard(flags.shard);
  const cache = flags.cache || flags.cacheLocation !== undefined ? (flags.cacheLocation ?? true) : undefined;
  if (flags.rule?.length) checkRuleIds(flags.rule);
  const selection = fixSelection(flags);
  const envTiming = timingFromEnv(io.env);
  const timeRules = flags.timingRules === true || envTiming.enabled;
  const bar = progress(io);
  const runAuditOnce = () =>
    audit({
      cwd: io.cwd,
      paths: paths.length ? paths : ['.'],
      config: flags.config,
      only: flags.rule,
      preset: flags.preset,
      ignorePatterns: flags.ignorePattern,
      reportUnusedDirectives: flags.reportUnusedDisableDirectives,
      timing: timeRules,
      threads,
      cache,
      shard,
      onProgress: bar.tick,
    });
  let run: AuditRun = await runAuditOnce();
  bar.stop();
  for (const notice of run.notices) io.stderr(`errlint: ${notice}\n`);
  let reportToStdout = true;
  if (selection) {
    const dryRun = flags.fixDryRun === true && !flags.fix;
    const fixed = await runFixes(run, { cwd: io.cwd, selection, dryRun, only: flags.rule, reportUnusedDirectives: flags.reportUnusedDisableDirectives });
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
    const used = useBaseline(run, { cwd: io.cwd, file, update: flags.updateBaseline === true });
    if (used.written !== undefined) io.stderr(`errlint: wrote ${used.written} baseline ${used.written === 1 ? 'entry' : 'entries'} to ${file}\n`);
    result = used.result;
  }
  const exitCode = exitCodeFor(result, flags.failOn);
  const ruleHelp = targets.some((t) => t.format === 'sarif') ? loadRuleDocs(result.rules.map((r) => r.id), path.join(PACKAGE_ROOT, 'docs', 'rules')) : undefined;
  for (const target of targets) {
    if (target.file === undefined && !reportToStdout) continue;
    const reporter = reporters[target.format]!;
    const toFile = target.file !== undefined;
    const reporterOptions: ReporterOptions & SarifOptions = {
      cwd: io.cwd,
      color: !toFile && useColor(flags.color, io.env, io.stdoutIsTTY),
      timing: flags.timing,
      quiet: flags.quiet,
      failOn: flags.failOn,
      ruleHelp,
      exitCode,
    };
    writeReport(io, target, reporter(result, reporterOptions));
  }
  if (run.timings) {
    const cacheLine = run.cacheStats ? `cache: ${run.cacheStats.hits} files reused, ${run.cacheStats.misses} linted\n` : '';
    io.stderr(`\n${formatTimings(run.timings, run.durationMs, envTiming.limit)}${cacheLine}`);
  }
  return exitCode;
}

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
    throw new ErrlintError(`Cannot write ${target.file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`, { cause: error });
  }
}

interface MergeFlags {
  format: string[];
  output?: string;
  failOn: RiskLevel | 'none';
  color?: boolean;
  quiet?: boolean;
}

/** `errlint merge a.json b.json --format sarif -o all.sarif`: shard reports as one, in any format. */
function runMerge(reports: string[], flags: MergeFlags, io: CliIo): number {
  const targets = parseFormats(flags.format, flags.output);
  const result = mergeReports(reports, io.cwd);
  const exitCode = exitCodeFor(result, flags.failOn);
  const ruleHelp = targets.some((t) => t.format === 'sarif') ? loadRuleDocs(result.rules.map((r) => r.id), path.join(PACKAGE_ROOT, 'docs', 'rules')) : undefined;
  for (const target of targets) {
    const toFile = target.file !== undefined;
    const text = reporters[target.format]!(result, { cwd: io.cwd, color: !toFile && useColor(flags.color, io.env, io.stdoutIsTTY), timing: false, quiet: flags.quiet, failOn: flags.failOn, ruleHelp, exitCode } as ReporterOptions & SarifOptions);
    writeReport(io, target, text);
  }
  return exitCode;
}

function listRules(format: string, io: CliIo): number {
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
  return 0;
}

function explain(id: string, io: CliIo): number {
  if (!rulesById.has(id)) checkRuleIds([id]);
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
    .option('-f, --format <format>', `output format, repeatable, optionally with a file: text, json, or name=file (${Object.keys(reporters).join(', ')})`, collect, [])
    .option('-o, --output <file>', 'write the (first) report to a file instead of standard output')
    .addOption(new Option('--fail-on <level>', 'exit 1 when a finding is at or above this risk').choices(FAIL_ON).default('high'))
    .option('--rule <ids>', 'run only these rules (comma-separated, repeatable)', splitList)
    .addOption(new Option('--preset <name>', 'the rule set to start from, over the config\'s "preset": recommended (default; rules measured right at least 9 times in 10) or strict (every rule)').choices(PRESETS))
    .option('-c, --config <path>', 'use this config file instead of searching for one')
    .option('--ignore-pattern <glob>', 'skip files matching this glob (repeatable)', collect)
    .option('-q, --quiet', 'print the summary only')
    .option('--no-color', 'never colour the output')
    .option('--no-timing', 'leave wall time out of reports')
    .option('--threads <n>', 'lint files in worker threads: a number, or auto (a thread per two CPUs, only with 1,000+ files per thread); results are the same')
    .option('--cache', 'reuse the results of unchanged files from the last run (.errlintcache)')
    .option('--cache-location <file>', 'the cache file (implies --cache)')
    .option('--shard <i/n>', 'audit only slice i of n of the files, for CI runners in parallel (project rules need an unsharded run)')
    .option('--timing-rules', 'print the time each rule and engine phase took to standard error (also ERRLINT_TIMING=1)')
    .option('--report-unused-disable-directives', 'report errlint-disable directives that suppress nothing')
    .option('--debug', 'print stack traces of internal errors')
    .option('--fix', 'apply safe fixes (behaviour-preserving) to the files, then report what remains')
    .option('--fix-dry-run', 'print the safe fixes as unified diffs; write nothing')
    .option('--fix-rule <ids>', 'limit --fix / --fix-dry-run to these rules (comma-separated, repeatable)', splitList)
    .option('--apply-suggestions <ids>', "apply the first suggestion of these rules' findings (changes behaviour: review the diff)", splitList)
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
    .option('-q, --quiet', 'print the summary only')
    .option('--no-color', 'never colour the output')
    .action((reports: string[], flags: MergeFlags) => done(runMerge(reports, flags, io)));

  program
    .command('rules')
    .description('List every rule: id, preset, family, default risk, fix, one line.')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((flags: { format: string }) => done(listRules(flags.format, io)));

  program
    .command('roles')
    .description('Show where errlint thinks each file runs (server, client, test, script, generated) and why; rules skip the roles they do not judge.')
    .argument('[paths...]', 'files, directories or globs')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('-c, --config <path>', 'use this config file instead of searching for one')
    .option('--per-file', 'one line per file instead of grouping folders whose files share a decision')
    .action(async (paths: string[], flags: { format: string; config?: string; perFile?: boolean }) => {
      const entries = await listRoles({ cwd: io.cwd, paths, config: flags.config, perFile: flags.perFile === true });
      io.stdout(formatRoles(entries, flags.format));
      done(0);
    });

  program
    .command('explain')
    .description("Print a rule's documentation page.")
    .argument('<rule-id>', 'the rule to explain')
    .action((id: string) => done(explain(id, io)));

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
      io.stderr(`errlint: ${error.message}\n`);
      if (debug && error.cause instanceof Error) io.stderr(`${error.cause.stack}\n`);
      return error.exitCode;
    }
    io.stderr(`errlint: internal error: ${(error as Error)?.message ?? String(error)}\n`);
    io.stderr(debug ? `${(error as Error)?.stack}\n` : 'Run again with --debug for details, and please report it.\n');
    return 2;
  }
}

export function processIo(): CliIo {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
  };
}
