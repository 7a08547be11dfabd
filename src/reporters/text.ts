import { Chalk, type ChalkInstance } from 'chalk';
import { structuredPatch } from 'diff';
import { applyEdits } from '../engine/apply-edits.js';
import { gate, type AuditResult, type Reporter, type ReporterOptions } from '../result.js';
import { BASE_SCORE } from '../risk.js';
import { RISK_LEVELS, type Finding, type RiskLevel, type Suggestion } from '../types.js';
import { countByRisk, countByRule, errorShapeCells, plural, printable, rankFindings } from './shared.js';

function riskColor(c: ChalkInstance, level: RiskLevel): ChalkInstance {
  return level === 'critical' ? c.bgRed.white.bold : level === 'high' ? c.red.bold : level === 'medium' ? c.yellow : c.blue;
}

/** A short code frame: up to three lines of the finding with a caret underline on the first. */
export function codeFrame(source: string | readonly string[], f: Finding, c: ChalkInstance): string[] {
  const lines = typeof source === 'string' ? source.split(/\r?\n/) : source;
  const last = Math.min(f.endLine, f.line + 2);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = f.line; n <= last; n++) {
    const text = printable((lines[n - 1] ?? '').replace(/\t/g, '  '));
    const shown = text.length > 160 ? `${text.slice(0, 157)}...` : text;
    out.push(`${c.dim(`${n === f.line ? '>' : ' '} ${String(n).padStart(width)} |`)} ${shown}`);
    if (n === f.line) {
      const raw = lines[n - 1] ?? '';
      const pad = raw.slice(0, f.column - 1).replace(/\t/g, '  ').length;
      const end = f.endLine === f.line ? f.endColumn - 1 : raw.length;
      const len = Math.max(1, Math.min(end, raw.length) - (f.column - 1));
      out.push(`${c.dim(`  ${' '.repeat(width)} |`)} ${' '.repeat(pad)}${c.red('^'.repeat(Math.min(len, 120)))}`);
    }
  }
  return out;
}

/** Diff lines shown per suggestion; the rest is counted in a "… N more lines" line. */
export const MAX_DIFF_LINES = 24;
/** Unchanged lines shown around each change. */
export const DIFF_CONTEXT = 2;

/**
 * The suggestion as a diff with a few lines of context, each line numbered in the old and the new file
 * (`14     -` removed, `   14 +` added, `12  12` context), hunks apart by `⋮`, cut at `max` lines with an
 * explicit count of what was left out. Only the lines the edits touch (and their context) are diffed, so a
 * report of thousands of findings in one file does not diff the whole file for each.
 */
export function suggestionDiff(source: string, s: Suggestion, c: ChalkInstance, max = MAX_DIFF_LINES): string[] {
  if (s.edits.length === 0) return [];
  let lo = Math.min(...s.edits.map((e) => e.range[0]));
  let hi = Math.max(...s.edits.map((e) => e.range[1]));
  lo = source.lastIndexOf('\n', lo - 1) + 1;
  for (let i = 0; i < DIFF_CONTEXT && lo > 0; i++) lo = source.lastIndexOf('\n', lo - 2) + 1;
  for (let i = 0; i <= DIFF_CONTEXT && hi < source.length; i++) {
    const eol = source.indexOf('\n', hi);
    hi = eol === -1 ? source.length : eol + 1;
  }
  // line numbers of the window's first line in the old and the new file (edits all fall inside the window)
  let firstLine = 1;
  for (let i = source.indexOf('\n'); i !== -1 && i < lo; i = source.indexOf('\n', i + 1)) firstLine++;
  const before = source.slice(lo, hi);
  const after = applyEdits(before, [s.edits.map((e) => ({ range: [e.range[0] - lo, e.range[1] - lo] as [number, number], text: e.text }))]).text;
  const patch = structuredPatch('a', 'b', before, after, '', '', { context: DIFF_CONTEXT });
  const offset = firstLine - 1;
  const width = String(offset + Math.max(1, ...patch.hunks.map((h) => Math.max(h.oldStart + h.oldLines, h.newStart + h.newLines)))).length;
  const num = (n: number | undefined) => (n === undefined ? ' '.repeat(width) : String(n).padStart(width));
  const rows: string[] = [];
  patch.hunks.forEach((hunk, i) => {
    if (i > 0) rows.push(c.dim(`${' '.repeat(width * 2 + 1)} ⋮`));
    let oldLine = hunk.oldStart + offset;
    let newLine = hunk.newStart + offset;
    for (const line of hunk.lines) {
      if (line.startsWith('\\')) continue;
      const mark = line[0];
      const text = printable(line.slice(1));
      if (mark === '-') rows.push(c.red(`${num(oldLine++)} ${num(undefined)} - ${text}`));
      else if (mark === '+') rows.push(c.green(`${num(undefined)} ${num(newLine++)} + ${text}`));
      else rows.push(c.dim(`${num(oldLine++)} ${num(newLine++)}   ${text}`.trimEnd()));
    }
  });
  if (rows.length <= max) return rows;
  return [...rows.slice(0, max), c.dim(`… ${rows.length - max} more lines`)];
}

/**
 * How the score adds up: `88 = 65 base + 15 + 5 + 3`. A finding does not carry its base, so it is read back:
 * exact below the cap of 100; at the cap, the rule's configured base when that reaches 100 with the factors,
 * else the lowest base that does.
 */
export function scoreSum(f: Finding, ruleRisk: RiskLevel | undefined): string {
  const added = f.factors.reduce((n, x) => n + x.weight, 0);
  const terms = (base: number) => [`${base} base`, ...f.factors.map((x) => `${x.weight}`)].join(' + ');
  if (f.score < 100) return `${f.score} = ${terms(f.score - added)}`;
  const configured = ruleRisk ? BASE_SCORE[ruleRisk] : undefined;
  const reaching = Object.values(BASE_SCORE).filter((b) => b + added >= 100);
  const base = configured !== undefined && configured + added >= 100 ? configured : Math.min(...reaching, BASE_SCORE.critical);
  return `100 = ${terms(base)} (${base + added}, capped at 100)`;
}

function findingBlock(f: Finding, result: AuditResult, c: ChalkInstance, linesOf: (file: string) => readonly string[] | undefined): string[] {
  const indent = '    ';
  const out = [`  ${c.bold(`${printable(f.file)}:${f.line}:${f.column}`)}  ${riskColor(c, f.risk)(f.risk)} ${c.dim(`(${f.score})`)}  ${c.cyan(f.ruleId)}`, `${indent}${printable(f.message)}`];
  const ruleRisk = result.rules.find((r) => r.id === f.ruleId)?.risk;
  const why = f.factors.length ? `: ${f.factors.map((x) => `${x.label} (+${x.weight})`).join(', ')}` : '';
  out.push(`${indent}${c.dim(`why ${f.risk}${why}; score ${scoreSum(f, ruleRisk)}`)}`);
  const source = result.sources?.get(f.file);
  const lines = linesOf(f.file);
  if (lines) out.push(...codeFrame(lines, f, c).map((l) => indent + l));
  for (const s of f.suggestions) {
    out.push(`${indent}${c.green(s.safe ? 'fix' : s.edits.length === 0 ? 'by hand' : 'suggestion')}: ${printable(s.description)}`);
    if (source) out.push(...suggestionDiff(source, s, c).map((l) => `${indent}  ${l}`));
  }
  return out;
}

function ruleTable(result: AuditResult): string[] {
  const rows = countByRule(result);
  if (rows.size === 0) return [];
  const width = Math.max(4, ...[...rows.keys()].map((k) => k.length));
  const header = `${'rule'.padEnd(width)}  ${RISK_LEVELS.map((l) => l.padStart(8)).join('')}   total`;
  const lines = [header];
  for (const [id, counts] of rows) {
    const total = RISK_LEVELS.reduce((n, l) => n + counts[l], 0);
    lines.push(`${id.padEnd(width)}  ${RISK_LEVELS.map((l) => String(counts[l] || '-').padStart(8)).join('')}   ${String(total).padStart(5)}`);
  }
  return lines;
}

/** Shapes of error-response bodies across the API (inconsistent-error-shape), most used first; `*` marks the contract. */
function errorShapeTable(result: AuditResult): string[] {
  const cells = errorShapeCells(result).map((x) => ({ ...x, ...(x.app ? { app: printable(x.app) } : {}), shape: `${x.dominant ? '* ' : '  '}${printable(x.shape)}`, where: printable(x.where) }));
  if (!cells.length) return [];
  const withApp = cells.some((x) => x.app);
  const appWidth = withApp ? Math.max(3, ...cells.map((x) => (x.app ?? '').length)) : 0;
  const width = Math.max(7, ...cells.map((x) => x.shape.length));
  const app = (s: string) => (withApp ? `${s.padEnd(appWidth)}  ` : '');
  return [
    `${app('app')}${'  shape'.padEnd(width)}  ${'count'.padStart(5)}  where`,
    ...cells.map((x) => `${app(x.app ?? '')}${x.shape.padEnd(width)}  ${String(x.count).padStart(5)}  ${x.where}`),
  ];
}

/** Why the run exits as it does: `exit 1 (--fail-on high): 3 findings at or above high`; nothing without a gate. */
function gateLine(result: AuditResult, options: ReporterOptions): ((c: ChalkInstance) => string) | undefined {
  const failOn = options.failOn && options.failOn !== 'none' ? options.failOn : undefined;
  if (!failOn && options.maxFindings === undefined) return undefined;
  const flags = [failOn ? `--fail-on ${failOn}` : '', options.maxFindings !== undefined ? `--max-findings ${options.maxFindings}` : ''].filter(Boolean).join(' ');
  const { exitCode, reasons } = gate(result, options);
  if (exitCode) return (c) => c.red.bold(`exit 1 (${flags}): ${reasons.join(', ')}`);
  const passed = [failOn ? `nothing at or above ${failOn}` : '', options.maxFindings !== undefined ? `${plural(result.findings.length, 'finding')}, at most ${options.maxFindings}` : ''].filter(Boolean);
  return (c) => c.green(`exit 0 (${flags}): ${passed.join(', ')}`);
}

/** The terminal report: risk-ranked findings with why, where and how to fix, then counts per rule. */
export const textReporter: Reporter = (result, options) => {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const counts = countByRisk(result.findings);
  const time = options.timing ? ` in ${(result.durationMs / 1000).toFixed(2)} s` : '';
  const out: string[] = [];
  out.push(c.bold(`errlint ${result.tool.version}: ${plural(result.filesScanned, 'file')} audited${time}`));
  const summary = RISK_LEVELS.map((l) => (counts[l] ? riskColor(c, l)(`${counts[l]} ${l}`) : `${counts[l]} ${l}`)).join(', ');
  out.push(`${plural(result.findings.length, 'finding')}: ${summary}`);
  if (result.baseline) out.push(c.dim(`baseline ${printable(result.baseline.file)}: ${result.baseline.absorbed} absorbed, ${result.baseline.stale} no longer found`));
  // each file's lines are split once, not once per finding
  const split = new Map<string, readonly string[]>();
  const linesOf = (file: string): readonly string[] | undefined => {
    const source = result.sources?.get(file);
    if (source === undefined) return undefined;
    let lines = split.get(file);
    if (!lines) split.set(file, (lines = source.split(/\r?\n/)));
    return lines;
  };
  if (!options.summaryOnly) {
    const ranked = rankFindings(result.findings);
    for (const level of RISK_LEVELS) {
      const group = ranked.filter((f) => f.risk === level);
      if (!group.length) continue;
      out.push('', riskColor(c, level)(` ${level.toUpperCase()} `) + c.dim(` ${plural(group.length, 'finding')}`));
      for (const f of group) out.push('', ...findingBlock(f, result, c, linesOf));
    }
  }
  const table = ruleTable(result);
  if (table.length) out.push('', ...table.map((l, i) => (i === 0 ? c.dim(l) : l)));
  const shapes = errorShapeTable(result);
  if (shapes.length) out.push('', c.bold('Error response shapes'), ...shapes.map((l, i) => (i === 0 ? c.dim(l) : l)));
  if (result.errors.length) {
    out.push('', c.yellow(`${plural(result.errors.length, 'file')} not analysed:`));
    for (const e of result.errors) out.push(`  ${printable(e.file)}${e.line ? `:${e.line}:${e.column}` : ''}  ${e.kind === 'parse' ? 'parse error: ' : ''}${printable(e.message)}`);
  }
  if (result.exemptions) {
    // `--show-exempt`: what the rules matched and chose not to report, one line each, as a compiler's path:line:col
    out.push('', c.bold(`${plural(result.exemptions.length, 'site')} exempt (--show-exempt):`));
    for (const x of result.exemptions) out.push(`  ${printable(x.file)}:${x.line}:${x.column}  ${x.ruleId}  exempt: ${x.reason} (${printable(x.detail)})`);
  }
  if (result.findings.length === 0 && result.errors.length === 0) out.push('', c.green('No error-handling problems found.'));
  if (result.hidden?.count) out.push('', c.dim(`${plural(result.hidden.count, 'finding')} below ${result.hidden.below} not shown (--min-risk / --quiet).`));
  const verdict = gateLine(result, options);
  if (verdict) out.push('', verdict(c));
  return `${out.join('\n')}\n`;
};
