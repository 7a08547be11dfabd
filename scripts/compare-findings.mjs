#!/usr/bin/env node
// Compares the findings of two errlint builds over the same directories: a refactor must not change them.
//
//   node scripts/compare-findings.mjs <before-root> <after-root> <dir>... [-- <audit options>]
//
// Each root is a checkout with a built dist/ (the repository itself is `.`). Runs
// `bin/errlint.js audit <dir> --format json` of both on each directory (single-threaded, no cache, no
// timing) and prints every finding that appears in one report only, and every field that differs between two
// findings at the same place (message, risk, score, factors, suggestions). Exit code 0 when the reports are
// identical, 1 when they differ, 2 on a failed run.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const argv = process.argv.slice(2);
const dash = argv.indexOf('--');
const [beforeRoot, afterRoot, ...dirs] = dash < 0 ? argv : argv.slice(0, dash);
const extra = dash < 0 ? [] : argv.slice(dash + 1);
if (!beforeRoot || !afterRoot || dirs.length === 0) {
  console.error('usage: node scripts/compare-findings.mjs <before-root> <after-root> <dir>... [-- <audit options>]');
  process.exit(2);
}

function audit(root, dir) {
  const bin = path.resolve(root, 'bin', 'errlint.js');
  const r = spawnSync(process.execPath, [bin, 'audit', dir, '--format', 'json', '--fail-on', 'none', '--no-timing', '--threads', '1', ...extra], {
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
  });
  if (r.status !== 0) {
    console.error(`${bin} audit ${dir} exited ${r.status}:\n${r.stderr}`);
    process.exit(2);
  }
  return JSON.parse(r.stdout);
}

const place = (f) => `${f.file}:${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId}/${f.messageId}`;

function keyed(findings) {
  const out = new Map();
  for (const f of findings) {
    let k = place(f);
    for (let i = 2; out.has(k); i++) k = `${place(f)} #${i}`;
    out.set(k, f);
  }
  return out;
}

const FIELDS = ['message', 'risk', 'score', 'factors', 'suggestions', 'fingerprint'];
let differences = 0;
const byRule = new Map();
const note = (rule, kind) => {
  const counts = byRule.get(rule) ?? { removed: 0, added: 0, changed: 0 };
  counts[kind]++;
  byRule.set(rule, counts);
  differences++;
};

for (const dir of dirs) {
  const before = audit(beforeRoot, dir);
  const after = audit(afterRoot, dir);
  const a = keyed(before.findings);
  const b = keyed(after.findings);
  console.log(`${dir}: ${before.findings.length} findings before, ${after.findings.length} after`);
  for (const [k, f] of a) {
    const g = b.get(k);
    if (!g) {
      note(f.ruleId, 'removed');
      console.log(`  - ${k}: ${f.message}`);
      continue;
    }
    for (const field of FIELDS) {
      const x = JSON.stringify(f[field]);
      const y = JSON.stringify(g[field]);
      if (x === y) continue;
      note(f.ruleId, 'changed');
      console.log(`  ~ ${k} ${field}:\n      before ${x.slice(0, 400)}\n      after  ${y.slice(0, 400)}`);
    }
  }
  for (const [k, g] of b) {
    if (a.has(k)) continue;
    note(g.ruleId, 'added');
    console.log(`  + ${k}: ${g.message}`);
  }
  const ea = JSON.stringify(before.errors ?? []);
  const eb = JSON.stringify(after.errors ?? []);
  if (ea !== eb) {
    differences++;
    console.log(`  errors differ:\n      before ${ea.slice(0, 400)}\n      after  ${eb.slice(0, 400)}`);
  }
}

for (const [rule, c] of [...byRule].sort()) console.log(`${rule}: ${c.removed} removed, ${c.added} added, ${c.changed} changed`);
console.log(differences === 0 ? 'identical' : `${differences} differences`);
process.exit(differences === 0 ? 0 : 1);
