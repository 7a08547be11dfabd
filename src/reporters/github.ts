import type { Reporter } from '../result.js';
import { RISK_LEVELS, type Finding, type RiskLevel } from '../types.js';
import { countByRisk, plural, printableLines, rankFindings } from './shared.js';

/** Workflow command for a level: the annotation kinds GitHub Actions has. */
export function annotationCommand(risk: RiskLevel): 'error' | 'warning' | 'notice' {
  return risk === 'critical' || risk === 'high' ? 'error' : risk === 'medium' ? 'warning' : 'notice';
}

/** Escapes a workflow command's message (GitHub's `escapeData`). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value (GitHub's `escapeProperty`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(kind: string, props: Record<string, string | number | undefined>, message: string): string {
  const list = Object.entries(props)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${kind}${list ? ` ${list}` : ''}::${escapeData(message)}`;
}

/**
 * Annotations GitHub Actions displays per type (error, warning, notice) in one step; it drops the rest. The
 * report spends them on the riskiest findings and one notice counts what was left out.
 */
export const ANNOTATIONS_PER_KIND = 10;

/**
 * GitHub Actions annotations (`::error file=…,line=…::message`): files that could not be read first, then the
 * highest-risk findings, up to what GitHub shows of each kind, one notice counting the findings left out, and a
 * summary line.
 */
export const githubReporter: Reporter = (result) => {
  type Kind = 'error' | 'warning' | 'notice';
  const items: { kind: Kind; text: string; finding?: Finding }[] = [];
  for (const e of result.errors) {
    const kind = e.kind === 'skipped' ? 'notice' : 'error';
    const title = e.kind === 'skipped' ? 'errlint skipped file' : `errlint ${e.kind} error`;
    items.push({ kind, text: command(kind, { file: e.file, line: e.line, col: e.column, title }, e.message) });
  }
  for (const f of rankFindings(result.findings)) {
    const kind = annotationCommand(f.risk);
    const why = f.factors.length ? `; ${f.factors.map((x) => x.label).join(', ')}` : '';
    const props = { file: f.file, line: f.line, col: f.column, endLine: f.endLine, endColumn: f.endColumn, title: `errlint ${f.ruleId} (${f.risk} risk)` };
    items.push({ kind, finding: f, text: command(kind, props, `${f.message} [${f.risk} risk, score ${f.score}${why}]`) });
  }
  const total = (kind: Kind) => items.filter((i) => i.kind === kind).length;
  const overflow = (['error', 'warning', 'notice'] as const).some((k) => total(k) > ANNOTATIONS_PER_KIND);
  // the notice that counts what was left out takes one of the notices' places
  const limit = (kind: Kind) => ANNOTATIONS_PER_KIND - (overflow && kind === 'notice' ? 1 : 0);
  const used: Record<Kind, number> = { error: 0, warning: 0, notice: 0 };
  const lines: string[] = [];
  const omitted: Finding[] = [];
  let omittedFiles = 0;
  for (const item of items) {
    if (used[item.kind] < limit(item.kind)) {
      used[item.kind]++;
      lines.push(item.text);
    } else if (item.finding) omitted.push(item.finding);
    else omittedFiles++;
  }
  if (omitted.length || omittedFiles) {
    const c = countByRisk(omitted);
    const levels = RISK_LEVELS.filter((l) => c[l] > 0).map((l) => `${c[l]} ${l}`);
    const what = [omitted.length ? `${plural(omitted.length, 'more finding')} (${levels.join(', ')})` : '', omittedFiles ? `${plural(omittedFiles, 'more file')} not analysed` : ''].filter(Boolean).join(' and ');
    lines.push(command('notice', { title: 'errlint: more findings' }, `${what} not annotated: GitHub shows ${ANNOTATIONS_PER_KIND} annotations of each kind per step. The job summary (--format markdown) and code scanning (--format sarif) list every one.`));
  }
  const counts = countByRisk(result.findings);
  const baseline = result.baseline ? `; baseline absorbed ${result.baseline.absorbed}, ${result.baseline.stale} stale` : '';
  lines.push(
    `errlint: ${plural(result.findings.length, 'finding')} (${counts.critical} critical, ${counts.high} high, ${counts.medium} medium, ${counts.low} low) in ${plural(result.filesScanned, 'file')}${baseline}`,
  );
  // a line break in a name or message is already %0A; what else a log viewer would act on is shown escaped
  return `${printableLines(lines.join('\n'))}\n`;
};
