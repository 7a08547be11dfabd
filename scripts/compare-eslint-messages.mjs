#!/usr/bin/env node
// Compares the ESLint plugin's messages of two errlint builds over the same directory: a speed change must not
// change them. Each root is a checkout with a built dist/ (the repository itself is `.`). Runs ESLint with
// `configs.all` through scripts/bench-eslint.mjs (same ESLint, parsers and config for both builds), once per
// parser setup, and prints every errlint message that one build reports and the other does not (rule, place,
// text, fix and suggestions all compared). Exit code 0 when identical, 1 when they differ, 2 on a failed run.
//
//   node scripts/compare-eslint-messages.mjs <before-root> <after-root> <dir> [--setups tseslint-all,espree-js] [--keep <dir>]
// `--keep` leaves each run's messages in that directory (`before-<setup>.jsonl`, `after-<setup>.jsonl`).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const bench = path.join(path.dirname(fileURLToPath(import.meta.url)), 'bench-eslint.mjs');
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i < 0 ? undefined : args.splice(i, 2)[1];
};
const setups = (option('--setups') ?? 'tseslint-all,espree-js').split(',');
const keep = option('--keep');
const [beforeRoot, afterRoot, dir] = args;
if (!beforeRoot || !afterRoot || !dir) {
  console.error('usage: node scripts/compare-eslint-messages.mjs <before-root> <after-root> <dir> [--setups tseslint-all,espree-js]');
  process.exit(2);
}

function messages(pluginRoot, setup, name) {
  if (keep) fs.mkdirSync(keep, { recursive: true });
  const out = path.join(keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'errlint-messages-')), `${name}-${setup}.jsonl`);
  const r = spawnSync(process.execPath, [bench, '--child', 'configs.all', dir, '--setup', setup, '--plugin', pluginRoot, '--messages', out], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) {
    console.error(`ESLint with ${pluginRoot}'s plugin (${setup}) exited ${r.status}:\n${r.stderr}`);
    process.exit(2);
  }
  const lines = fs.readFileSync(out, 'utf8').split('\n').filter(Boolean);
  if (!keep) fs.rmSync(path.dirname(out), { recursive: true, force: true });
  return lines;
}

let differ = false;
for (const setup of setups) {
  const before = messages(beforeRoot, setup, 'before');
  const after = messages(afterRoot, setup, 'after');
  const count = (lines) => lines.reduce((m, l) => m.set(l, (m.get(l) ?? 0) + 1), new Map());
  const [b, a] = [count(before), count(after)];
  const only = (x, y) => [...x].flatMap(([l, n]) => Array(Math.max(0, n - (y.get(l) ?? 0))).fill(l));
  const gone = only(b, a);
  const added = only(a, b);
  console.log(`${setup}: ${before.length} messages before, ${after.length} after, ${gone.length} only before, ${added.length} only after`);
  for (const l of gone) console.log(`  - ${l}`);
  for (const l of added) console.log(`  + ${l}`);
  if (gone.length + added.length > 0) differ = true;
}
process.exit(differ ? 1 : 0);
