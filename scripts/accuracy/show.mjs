#!/usr/bin/env node
// Print the code around label stubs (precision.mjs --todo output or recall sites), for a reviewer to judge.
//
//   node scripts/accuracy/show.mjs <stubs.jsonl> [--from 0] [--count 10] [--before 25] [--after 12]
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkoutPath, parseArgs, readJsonl, runMain } from './lib.mjs';

async function main(argv) {
  const { options, rest } = parseArgs(argv, { from: 0, count: 10, before: 25, after: 12 });
  if (rest.length !== 1) throw new Error('usage: show.mjs <stubs.jsonl> [--from n] [--count n]');
  const stubs = readJsonl(rest[0]).slice(options.from, options.from + options.count);
  stubs.forEach((stub, i) => {
    const file = join(checkoutPath(stub), stub.path);
    const end = stub.endLine && stub.endLine - stub.line < 60 ? stub.endLine : stub.line;
    process.stdout.write(`\n#${options.from + i} ${stub.repo} ${stub.path}:${stub.line} ${stub.rule ?? stub.kind} ${stub.message ?? stub.fn ?? ''}\n`);
    if (!existsSync(file)) return void process.stdout.write('  (file missing)\n');
    const lines = readFileSync(file, 'utf8').split('\n');
    const from = Math.max(1, stub.line - options.before);
    const to = Math.min(lines.length, end + options.after);
    for (let n = from; n <= to; n++) process.stdout.write(`${n === stub.line ? '>' : ' '}${String(n).padStart(5)} ${lines[n - 1].slice(0, 160)}\n`);
  });
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) runMain(main);
