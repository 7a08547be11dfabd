#!/usr/bin/env node
// What changed between two runs on the validation set, through the labels: of the labelled findings of the first
// run, how many the second still reports, per rule and verdict. A change that drops wrong findings and keeps the
// right ones is the one issue 14 asks for; right findings dropped are recall lost.
//
//   node scripts/accuracy/compare.mjs --before base-ad39b13 --after main [--format text|markdown]
import { DEFAULT_SET, joinLabels, setFiles, parseArgs, readJsonl, runMain } from './lib.mjs';
import { resolveResults } from './precision.mjs';

export function compareRuns(before, after, labels) {
  const labelled = joinLabels(before, labels);
  const kept = joinLabels(after, [...labelled.values()]);
  const keptLabels = new Set(kept.values());
  const rows = new Map();
  for (const [finding, label] of labelled) {
    const row = rows.get(finding.rule) ?? { rule: finding.rule, right: [0, 0], wrong: [0, 0], debatable: [0, 0] };
    row[label.verdict][0]++;
    if (keptLabels.has(label)) row[label.verdict][1]++;
    rows.set(finding.rule, row);
  }
  const count = (findings, rule) => findings.filter((f) => f.rule === rule).length;
  return [...rows.values()].sort((x, y) => x.rule.localeCompare(y.rule)).map((r) => ({ ...r, before: count(before, r.rule), after: count(after, r.rule) }));
}

async function main(argv) {
  const { options } = parseArgs(argv, { before: '', after: '', set: DEFAULT_SET, labels: '', format: 'text' });
  if (!options.before || !options.after) throw new Error('--before <results> and --after <results> are required');
  const before = resolveResults(options.before);
  const after = resolveResults(options.after);
  const rows = compareRuns(before.findings, after.findings, readJsonl(options.labels || setFiles(options.set).labels));
  const head = ['rule', 'findings before', 'after', 'labelled right kept', 'labelled wrong kept', 'labelled debatable kept'];
  const cells = rows.map((r) => [r.rule, r.before, r.after, `${r.right[1]}/${r.right[0]}`, `${r.wrong[1]}/${r.wrong[0]}`, `${r.debatable[1]}/${r.debatable[0]}`]);
  const intro = `labelled findings of ${before.meta.errlint.slice(0, 12)} still reported by ${after.meta.errlint.slice(0, 12)}`;
  const text =
    options.format === 'markdown'
      ? [intro, '', `| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...cells.map((c) => `| ${c.join(' | ')} |`)]
      : [intro, head.join('\t'), ...cells.map((c) => c.join('\t'))];
  process.stdout.write(`${text.join('\n')}\n`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) runMain(main);
