#!/usr/bin/env node
// Per-rule precision of one run on the validation set, from a seeded random sample of its findings and the
// precision labels of the validation set (--set a|b|c|d|e, default e: accuracy/labels/validation-e.jsonl; --labels to override).
//
//   node scripts/accuracy/precision.mjs [--set c] [--results <name or dir>] [--seed 20261202] [--per-rule 40]
//                                        [--todo <file.jsonl>] [--format text|markdown|json]
//
// --results: a directory written by run.mjs, or its name under $ERRLINT_ACCURACY_DIR/results.
// Sampled findings without a label are listed (and written to --todo as label stubs to fill in).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { DEFAULT_SEED, DEFAULT_SET, setFiles, findingKey, joinLabels, parseArgs, readJsonl, resultsDir, runMain, SAMPLE_PER_RULE, stableSample } from './lib.mjs';

export function resolveResults(name) {
  const dir = isAbsolute(name) || existsSync(name) ? name : join(resultsDir(), name);
  if (!existsSync(join(dir, 'findings.jsonl'))) throw new Error(`no findings.jsonl in ${dir}; run scripts/accuracy/run.mjs first`);
  return { dir, findings: readJsonl(join(dir, 'findings.jsonl')), meta: JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) };
}

/** Precision per rule over the sampled findings; debatable ones count in neither right nor wrong. */
export function precisionTable(findings, labels, rules, { seed = DEFAULT_SEED, perRule = SAMPLE_PER_RULE } = {}) {
  const rows = [];
  const unlabelled = [];
  const sampledAll = [];
  for (const { id, preset } of rules) {
    const ofRule = findings.filter((f) => f.rule === id);
    const drawn = stableSample(ofRule, perRule, { seed, stream: id, key: findingKey });
    sampledAll.push(...drawn);
    rows.push({ rule: id, preset, findings: ofRule.length, drawn });
  }
  const joined = joinLabels(sampledAll, labels);
  const table = rows.map(({ rule, preset, findings: count, drawn }) => {
    const verdicts = drawn.map((f) => joined.get(f)?.verdict);
    const right = verdicts.filter((v) => v === 'right').length;
    const wrong = verdicts.filter((v) => v === 'wrong').length;
    const debatable = verdicts.filter((v) => v === 'debatable').length;
    unlabelled.push(...drawn.filter((f) => !joined.has(f)));
    return { rule, preset, findings: count, sampled: drawn.length, labelled: right + wrong + debatable, right, wrong, debatable, precision: right + wrong === 0 ? null : right / (right + wrong) };
  });
  // The default run: the recommended rules; each rule's sampled precision weighted by its number of findings.
  const recommended = table.filter((r) => r.preset === 'recommended' && r.findings > 0);
  const measured = recommended.filter((r) => r.precision !== null);
  const weight = measured.reduce((n, r) => n + r.findings, 0);
  const overall = {
    rules: recommended.map((r) => r.rule),
    findings: recommended.reduce((n, r) => n + r.findings, 0),
    precision: weight === 0 ? null : measured.reduce((n, r) => n + r.findings * r.precision, 0) / weight,
    pooled: (() => {
      const right = recommended.reduce((n, r) => n + r.right, 0);
      const wrong = recommended.reduce((n, r) => n + r.wrong, 0);
      return right + wrong === 0 ? null : right / (right + wrong);
    })(),
  };
  return { table, overall, unlabelled };
}

const fmt = (p) => (p === null ? '–' : p.toFixed(2));

function render(format, { table, overall }, meta, seed, perRule) {
  if (format === 'json') return `${JSON.stringify({ errlint: meta.errlint, seed, perRule, table, overall }, null, 2)}\n`;
  const head = ['rule', 'preset', 'findings', 'sampled', 'labelled', 'right', 'wrong', 'debatable', 'precision'];
  const lines = table.map((r) => [r.rule, r.preset, r.findings, r.sampled, r.labelled, r.right, r.wrong, r.debatable, fmt(r.precision)]);
  const foot = `default run (recommended: ${overall.rules.length} rules, ${overall.findings} findings): precision ${fmt(overall.precision)} (per-rule precision weighted by findings; pooled over labels ${fmt(overall.pooled)})`;
  const intro = `errlint ${meta.errlint}, seed ${seed}, ${perRule} per rule`;
  if (format === 'markdown') {
    return [intro, '', `| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...lines.map((l) => `| ${l.join(' | ')} |`), '', foot, ''].join('\n');
  }
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => String(l[i]).length)));
  const row = (cells) => cells.map((c, i) => (i === 0 || i === 1 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [intro, row(head), ...lines.map(row), foot, ''].join('\n');
}

async function main(argv) {
  const { options } = parseArgs(argv, { results: '', set: DEFAULT_SET, labels: '', seed: DEFAULT_SEED, 'per-rule': SAMPLE_PER_RULE, todo: '', format: 'text' });
  if (!options.results) throw new Error('--results <name or dir> is required (a run.mjs output)');
  const { findings, meta } = resolveResults(options.results);
  const labels = readJsonl(options.labels || setFiles(options.set).labels);
  const result = precisionTable(findings, labels, meta.rules, { seed: options.seed, perRule: options['per-rule'] });
  process.stdout.write(render(options.format, result, meta, options.seed, options['per-rule']));
  if (result.unlabelled.length > 0) {
    process.stderr.write(`\n${result.unlabelled.length} sampled finding(s) have no label yet:\n`);
    for (const f of result.unlabelled) process.stderr.write(`  ${f.repo} ${f.path}:${f.line} ${f.rule}: ${f.message}\n`);
    if (options.todo) {
      const stubs = result.unlabelled.map((f) => ({ repo: f.repo, commit: f.commit, path: f.path, line: f.line, rule: f.rule, fingerprint: f.fingerprint, verdict: '', reason: '', labelledAgainst: meta.errlint, message: f.message }));
      writeFileSync(options.todo, stubs.map((s) => JSON.stringify(s)).join('\n') + '\n');
      process.stderr.write(`label stubs -> ${options.todo}\n`);
    }
  }
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) runMain(main);
