import type { Reporter } from '../result.js';
import type { RiskLevel } from '../types.js';
import { countByRisk, plural, rankFindings } from './shared.js';

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
 * GitHub Actions annotations (`::error file=…,line=…::message`), highest risk first because GitHub shows
 * only the first few per step, then a summary line. Files that could not be parsed are errors too.
 */
export const githubReporter: Reporter = (result) => {
  const lines: string[] = [];
  for (const f of rankFindings(result.findings)) {
    const why = f.factors.length ? `; ${f.factors.map((x) => x.label).join(', ')}` : '';
    lines.push(
      command(
        annotationCommand(f.risk),
        { file: f.file, line: f.line, col: f.column, endLine: f.endLine, endColumn: f.endColumn, title: `errlint ${f.ruleId} (${f.risk} risk)` },
        `${f.message} [${f.risk} risk, score ${f.score}${why}]`,
      ),
    );
  }
  for (const e of result.errors) {
    const kind = e.kind === 'skipped' ? 'notice' : 'error';
    const title = e.kind === 'skipped' ? 'errlint skipped file' : `errlint ${e.kind} error`;
    lines.push(command(kind, { file: e.file, line: e.line, col: e.column, title }, e.message));
  }
  const counts = countByRisk(result.findings);
  const baseline = result.baseline ? `; baseline absorbed ${result.baseline.absorbed}, ${result.baseline.stale} stale` : '';
  lines.push(
    `errlint: ${plural(result.findings.length, 'finding')} (${counts.critical} critical, ${counts.high} high, ${counts.medium} medium, ${counts.low} low) in ${plural(result.filesScanned, 'file')}${baseline}`,
  );
  return `${lines.join('\n')}\n`;
};
