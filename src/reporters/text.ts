import { Chalk, type ChalkInstance } from 'chalk';
import { structuredPatch } from 'diff';
import { applyEdits } from '../engine/apply-edits.js';
import type { AuditResult, Reporter } from '../result.js';
import { RISK_LEVELS, type Finding, type RiskLevel, type Suggestion } from '../types.js';
import { countByRisk, countByRule, errorShapeCells, plural, rankFindings } from './shared.js';

function riskColor(c: ChalkInstance, level: RiskLevel): ChalkInstance {
  return level === 'critical' ? c.bgRed.white.bold : level === 'high' ? c.red.bold : level === 'medium' ? c.yellow : c.blue;
}

/** A short code frame: up to three lines of the finding with a caret underline on the first. */
export function codeFrame(source: string, f: Finding, c: ChalkInstance): string[] {
  const lines = source.split(/\r?\n/);
  const last = Math.min(f.endLine, f.line + 2);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = f.line; n <= last; n++) {
    const text = (lines[n - 1] ?? '').replace(/\t/g, '  ');
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

/** The suggestion as a compact diff of the lines it changes. */
export function suggestionDiff(source: string, s: Suggestion, c: ChalkInstance): string[] {
  const after = applyEdits(source, [s.edits]).text;
  const patch = structuredPatch('a', 'b', source, after, '', '', { context: 0 });
  const out: string[] = [];
  for (const hunk of patch.hunks) {
    for (const line of hunk.lines) {
      if (line.startsWith('\\')) continue;
      out.push(line.startsWith('+') ? c.green(line) : line.startsWith('-') ? c.red(line) : c.dim(line));
    }
  }
  return out.slice(0, 24);
}

function findingBlock(f: Finding, result: AuditResult, c: ChalkInstance): string[] {
  const indent = '    ';
  const out = [`  ${c.bold(`${f.file}:${f.line}:${f.column}`)}  ${riskColor(c, f.risk)(f.risk)} ${c.dim(`(${f.score})`)}  ${c.cyan(f.ruleId)}`, `${indent}${f.message}`];
  if (f.factors.length) out.push(`${indent}${c.dim(`why ${f.risk}: ${f.factors.map((x) => `${x.label} (+${x.weight})`).join(', ')}`)}`);
  const source = result.sources?.get(f.file);
  if (source) out.push(...codeFrame(source, f, c).map((l) => indent + l));
  for (const s of f.suggestions) {
    out.push(`${indent}${c.green(s.safe ? 'fix' : s.edits.length === 0 ? 'by hand' : 'suggestion')}: ${s.description}`);
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
  const cells = errorShapeCells(result).map((x) => ({ ...x, shape: `${x.dominant ? '* ' : '  '}${x.shape}` }));
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

/** The terminal report: risk-ranked findings with why, where and how to fix, then counts per rule. */
export const textReporter: Reporter = (result, options) => {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const counts = countByRisk(result.findings);
  const time = options.timing ? ` in ${(result.durationMs / 1000).toFixed(2)} s` : '';
  const out: string[] = [];
  out.push(c.bold(`errlint ${result.tool.version}: ${plural(result.filesScanned, 'file')} audited${time}`));
  const summary = RISK_LEVELS.map((l) => (counts[l] ? riskColor(c, l)(`${counts[l]} ${l}`) : `${counts[l]} ${l}`)).join(', ');
  out.push(`${plural(result.findings.length, 'finding')}: ${summary}`);
  if (result.baseline) out.push(c.dim(`baseline ${result.baseline.file}: ${result.baseline.absorbed} absorbed, ${result.baseline.stale} no longer found`));
  if (!options.quiet) {
    const ranked = rankFindings(result.findings);
    for (const level of RISK_LEVELS) {
      const group = ranked.filter((f) => f.risk === level);
      if (!group.length) continue;
      out.push('', riskColor(c, level)(` ${level.toUpperCase()} `) + c.dim(` ${plural(group.length, 'finding')}`));
      for (const f of group) out.push('', ...findingBlock(f, result, c));
    }
  }
  const table = ruleTable(result);
  if (table.length) out.push('', ...table.map((l, i) => (i === 0 ? c.dim(l) : l)));
  const shapes = errorShapeTable(result);
  if (shapes.length) out.push('', c.bold('Error response shapes'), ...shapes.map((l, i) => (i === 0 ? c.dim(l) : l)));
  if (result.errors.length) {
    out.push('', c.yellow(`${plural(result.errors.length, 'file')} not analysed:`));
    for (const e of result.errors) out.push(`  ${e.file}${e.line ? `:${e.line}:${e.column}` : ''}  ${e.kind === 'parse' ? 'parse error: ' : ''}${e.message}`);
  }
  if (result.findings.length === 0 && result.errors.length === 0) out.push('', c.green('No error-handling problems found.'));
  return `${out.join('\n')}\n`;
};
