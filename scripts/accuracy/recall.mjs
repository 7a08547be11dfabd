#!/usr/bin/env node
// Sampled recall of one run on the validation set: of the sampled sites a reviewer judged should-flag
// (the set's recall labels, e.g. accuracy/labels/validation-recall-b.jsonl), how many the run flags with the rule the reviewer expected.
//
//   node scripts/accuracy/recall.mjs [--set c] --results <name or dir> [--sample v1-all|v2-server|v2x-server|v3-orm] [--missed] [--format text|markdown|json]
//
// A site is flagged by a rule when the run has a finding of that rule in the same file whose line lies within
// the site (a catch clause or .catch() call, a function with several writes, an outbound call expression).
import { DEFAULT_SET, parseArgs, setFiles, readJsonl, runMain } from './lib.mjs';
import { resolveResults } from './precision.mjs';

/** A site drawn by more than one sample (v1-all and v2-server overlap) is counted once, with its first label. */
export function distinctSites(sites, sampleFilter = '') {
  const seen = new Set();
  return sites.filter((s) => {
    if (sampleFilter && s.sample !== sampleFilter) return false;
    const key = `${s.repo}\u0000${s.path}\u0000${s.line}\u0000${s.kind}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function recallTable(findings, sites) {
  const byFile = new Map();
  for (const f of findings) {
    const k = `${f.repo}\u0000${f.path}`;
    if (!byFile.has(k)) byFile.set(k, []);
    byFile.get(k).push(f);
  }
  const flaggedBy = (site, rule) => (byFile.get(`${site.repo}\u0000${site.path}`) ?? []).some((f) => f.rule === rule && f.line >= site.line && f.line <= (site.endLine ?? site.line));
  const shouldFlag = sites.filter((s) => s.shouldFlag === true);
  const rules = [...new Set(shouldFlag.flatMap((s) => s.rules))].sort();
  const perRule = rules.map((rule) => {
    const expected = shouldFlag.filter((s) => s.rules.includes(rule));
    const flagged = expected.filter((s) => flaggedBy(s, rule));
    return { rule, shouldFlag: expected.length, flagged: flagged.length, recall: expected.length ? flagged.length / expected.length : null };
  });
  const kinds = [...new Set(sites.map((s) => s.kind))].sort();
  const perKind = kinds.map((kind) => {
    const ofKind = sites.filter((s) => s.kind === kind);
    const expected = shouldFlag.filter((s) => s.kind === kind);
    const flagged = expected.filter((s) => s.rules.some((rule) => flaggedBy(s, rule)));
    return { kind, sampled: ofKind.length, judged: ofKind.filter((s) => s.shouldFlag === true || s.shouldFlag === false).length, shouldFlag: expected.length, flagged: flagged.length, recall: expected.length ? flagged.length / expected.length : null };
  });
  const flaggedSites = shouldFlag.filter((s) => s.rules.some((rule) => flaggedBy(s, rule)));
  const missed = shouldFlag.filter((s) => !s.rules.some((rule) => flaggedBy(s, rule)));
  return { perRule, perKind, overall: { shouldFlag: shouldFlag.length, flagged: flaggedSites.length, recall: shouldFlag.length ? flaggedSites.length / shouldFlag.length : null }, missed };
}

const fmt = (p) => (p === null ? '–' : p.toFixed(2));

async function main(argv) {
  const { options } = parseArgs(argv, { results: '', set: DEFAULT_SET, labels: '', sample: '', format: 'text', missed: false });
  if (!options.results) throw new Error('--results <name or dir> is required (a run.mjs output)');
  const { findings, meta } = resolveResults(options.results);
  const result = recallTable(findings, distinctSites(readJsonl(options.labels || setFiles(options.set).recallLabels), options.sample));
  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify({ errlint: meta.errlint, ...result }, null, 2)}\n`);
    return 0;
  }
  const md = options.format === 'markdown';
  const table = (head, rows) =>
    md ? [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n') : [head.join('\t'), ...rows.map((r) => r.join('\t'))].join('\n');
  const out = [
    `errlint ${meta.errlint}: sampled recall on the validation set${options.sample ? ` (sample ${options.sample})` : ' (all samples, distinct sites)'}`,
    '',
    table(['kind', 'sampled', 'judged', 'should flag', 'flagged', 'recall'], result.perKind.map((k) => [k.kind, k.sampled, k.judged, k.shouldFlag, k.flagged, fmt(k.recall)])),
    '',
    table(['rule', 'should flag', 'flagged', 'recall'], result.perRule.map((r) => [r.rule, r.shouldFlag, r.flagged, fmt(r.recall)])),
    '',
    `overall: ${result.overall.flagged}/${result.overall.shouldFlag} should-flag sites flagged (${fmt(result.overall.recall)})`,
    '',
  ];
  if (options.missed) for (const s of result.missed) out.push(`missed: ${s.repo} ${s.path}:${s.line} ${s.kind} [${s.rules.join(', ')}] ${s.reason}`);
  process.stdout.write(out.join('\n') + '\n');
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) runMain(main);
