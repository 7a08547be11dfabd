import { structuredPatch } from 'diff';
import { applyEdits } from '../engine/apply-edits.js';
import { gate, type AuditResult, type Reporter } from '../result.js';
import { RISK_LEVELS, type Finding, type RiskLevel, type Suggestion } from '../types.js';
import { countByRisk, errorShapeCells, plural, printableLines, rankFindings } from './shared.js';

/** Rows in the findings table and findings explained in full; a PR comment holds 65,536 characters. */
export const MAX_TABLE_ROWS = 100;
export const MAX_DETAILED = 10;

const BADGE: Record<RiskLevel, string> = { critical: '🔴', high: '🟠', medium: '🟡', low: '⚪' };

const FAMILY: Record<string, string> = {
  catch: 'caught errors',
  integrity: 'data integrity',
  boundary: 'service boundary',
  project: 'project',
};

/** Text safe inside a table cell or a line: no pipes, no line breaks, no raw HTML. */
export function escapeCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\r?\n/g, ' ');
}

function code(text: string): string {
  const ticks = text.match(/`+/g)?.reduce((n, t) => Math.max(n, t.length), 0) ?? 0;
  const fence = '`'.repeat(ticks + 1);
  return ticks ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}

function fenced(lang: string, body: string): string[] {
  const longest = body.match(/`{3,}/g)?.reduce((n, t) => Math.max(n, t.length), 0) ?? 0;
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [`${fence}${lang}`, body, fence];
}

function level(risk: RiskLevel, score?: number): string {
  return `${BADGE[risk]} ${risk}${score === undefined ? '' : ` (${score})`}`;
}

function location(f: Finding): string {
  return `${f.file}:${f.line}`;
}

/** The finding's lines (up to 8), for a code block. */
function snippet(source: string, f: Finding): string {
  const lines = source.split(/\r?\n/);
  return lines.slice(f.line - 1, Math.min(f.endLine, f.line + 7)).join('\n');
}

/** A suggestion as a diff of the lines it changes, one line of context. */
function suggestionPatch(source: string, s: Suggestion): string | undefined {
  const after = applyEdits(source, [s.edits]).text;
  const patch = structuredPatch('a', 'b', source, after, '', '', { context: 1 });
  const lines = patch.hunks.flatMap((h) => h.lines.filter((l) => !l.startsWith('\\')));
  if (!lines.length || lines.length > 40) return undefined;
  return lines.join('\n');
}

function fixLine(f: Finding): string {
  const fix = f.suggestions.find((s) => s.safe);
  if (fix) return `**Fix** (safe, \`errlint audit --fix\`): ${escapeCell(fix.description)}`;
  const first = f.suggestions[0];
  if (first && first.edits.length === 0) return `**Fix by hand:** ${escapeCell(first.description)}`;
  if (first) return `**Suggestion** (changes behaviour; review it, or \`errlint audit --apply-suggestions ${f.ruleId}\`): ${escapeCell(first.description)}`;
  return '**Fix:** see the rule documentation.';
}

function detail(f: Finding, index: number, result: AuditResult, docsUrl: string | undefined): string[] {
  const out = [`#### ${index}. ${code(location(f))} — ${f.ruleId} · ${BADGE[f.risk]} ${f.risk}, score ${f.score}`, '', escapeCell(f.message), ''];
  if (f.factors.length) out.push(`**Why ${f.risk}:** ${f.factors.map((x) => `${escapeCell(x.label)} (+${x.weight})`).join(', ')}.`, '');
  const source = result.sources?.get(f.file);
  if (source) out.push(...fenced('ts', snippet(source, f)), '');
  out.push(fixLine(f), '');
  const shown = f.suggestions.find((s) => s.safe) ?? f.suggestions[0];
  const patch = source && shown ? suggestionPatch(source, shown) : undefined;
  if (patch) out.push(...fenced('diff', patch), '');
  if (docsUrl) out.push(`[Why it matters and how to fix it](${docsUrl})`, '');
  return out;
}

/**
 * A Markdown report for a CI job summary or a pull-request comment, shaped like an error-handling audit:
 * the totals, counts per rule and category, a table of location / risk / impact, and the riskiest findings
 * explained with their fix.
 */
export const markdownReporter: Reporter = (result, options) => {
  const counts = countByRisk(result.findings);
  const docs = new Map(result.rules.map((r) => [r.id, r]));
  const out: string[] = ['## errlint: error-handling audit', ''];
  out.push(
    `**${plural(result.findings.length, 'finding')}** in ${plural(result.filesScanned, 'file')}: ${RISK_LEVELS.map((l) => `${BADGE[l]} ${counts[l]} ${l}`).join(' · ')}`,
    '',
  );
  if ((options.failOn && options.failOn !== 'none') || options.maxFindings !== undefined) {
    const { exitCode, reasons } = gate(result, options);
    const name = [options.failOn && options.failOn !== 'none' ? `--fail-on ${options.failOn}` : '', options.maxFindings !== undefined ? `--max-findings ${options.maxFindings}` : ''].filter(Boolean).join(' ');
    out.push(`Gate \`${name}\`: ${exitCode ? `**failed** (${reasons.join(', ')})` : 'passed'}.`, '');
  }
  if (result.baseline) {
    out.push(`Baseline ${code(result.baseline.file)}: ${result.baseline.absorbed} known ${result.baseline.absorbed === 1 ? 'finding' : 'findings'} absorbed, ${result.baseline.stale} baseline ${result.baseline.stale === 1 ? 'entry' : 'entries'} no longer found.`, '');
  }

  if (result.findings.length) {
    const byRule = new Map<string, Record<RiskLevel, number>>();
    for (const f of result.findings) {
      const row = byRule.get(f.ruleId) ?? (Object.fromEntries(RISK_LEVELS.map((l) => [l, 0])) as Record<RiskLevel, number>);
      row[f.risk]++;
      byRule.set(f.ruleId, row);
    }
    const rows = [...byRule].sort((a, b) => {
      const fa = docs.get(a[0])?.family ?? '';
      const fb = docs.get(b[0])?.family ?? '';
      return fa.localeCompare(fb) || a[0].localeCompare(b[0]);
    });
    out.push('### By rule', '', '| category | rule | critical | high | medium | low | total |', '|---|---|--:|--:|--:|--:|--:|');
    for (const [id, c] of rows) {
      const info = docs.get(id);
      const total = RISK_LEVELS.reduce((n, l) => n + c[l], 0);
      const rule = info ? `[${id}](${info.docsUrl})` : id;
      out.push(`| ${FAMILY[info?.family ?? ''] ?? '—'} | ${rule} | ${RISK_LEVELS.map((l) => c[l] || '·').join(' | ')} | ${total} |`);
    }
    out.push('');

    const ranked = rankFindings(result.findings);
    out.push('### Findings', '', '| location | risk | rule | impact |', '|---|---|---|---|');
    for (const f of ranked.slice(0, MAX_TABLE_ROWS)) out.push(`| ${code(location(f))} | ${level(f.risk, f.score)} | ${f.ruleId} | ${escapeCell(f.message)} |`);
    if (ranked.length > MAX_TABLE_ROWS) out.push('', `…and ${ranked.length - MAX_TABLE_ROWS} more, lower-risk findings (the JSON and SARIF reports list every one).`);
    out.push('');

    if (!options.summaryOnly) {
      out.push(`### Top ${Math.min(MAX_DETAILED, ranked.length)} to fix first`, '');
      ranked.slice(0, MAX_DETAILED).forEach((f, i) => out.push(...detail(f, i + 1, result, docs.get(f.ruleId)?.docsUrl)));
    }
  } else {
    out.push('No error-handling problems found.', '');
  }

  const shapes = errorShapeCells(result);
  if (shapes.length) {
    const withApp = shapes.some((s) => s.app);
    out.push('### Error response shapes', '', `| ${withApp ? 'app | ' : ''}shape | count | where |`, `|${withApp ? '---|' : ''}---|--:|---|`);
    for (const s of shapes) {
      const shape = `${code(s.shape)}${s.dominant ? ' (the contract)' : ''}`;
      out.push(`| ${withApp ? `${escapeCell(s.app ?? '')} | ` : ''}${shape} | ${s.count} | ${escapeCell(s.where)} |`);
    }
    out.push('');
  }

  if (result.errors.length) {
    out.push('### Files not analysed', '');
    for (const e of result.errors) {
      const where = e.line ? `${e.file}:${e.line}:${e.column}` : e.file;
      out.push(`- ${code(where)}: ${e.kind === 'parse' ? 'parse error: ' : ''}${escapeCell(e.message)}`);
    }
    out.push('');
  }
  // names and source lines from the tree reach a terminal or a CI log viewer too
  return `${printableLines(out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd())}\n`;
};
