#!/usr/bin/env node
// The ESLint adapter's overhead: ESLint 10 over a directory of JS/TS files with no rules, then with errlint's
// `configs.recommended` and `configs.all` (every errlint rule), same parsers (@typescript-eslint/parser for
// TypeScript, espree for JavaScript), each run in a fresh process, single-threaded. With `--repeats N` the modes
// run in turn N times (alternated, so a change in the machine's load hits every mode alike) and each figure is
// the median. Prints files, wall time, ms/file and the overhead; CPU time is printed next to wall time: it is
// steadier on a busy machine. The last line is JSON for `npm run bench`. Needs `npm run build` first.
//   node scripts/bench-eslint.mjs <dir> [--repeats N] [--modes 'no rules,configs.all']
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXT = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const SKIP = /\.d\.[cm]?ts$|\.min\.[cm]?js$/;
const ALL_MODES = ['no rules', 'configs.recommended', 'configs.all'];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

function sourceFiles(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '.git') sourceFiles(p, out);
    } else if (entry.isFile() && EXT.test(entry.name) && !SKIP.test(entry.name)) {
      out.push(p);
    }
  }
  return out.sort();
}

async function child(mode, dir) {
  const { ESLint } = await import('eslint');
  const tsParser = (await import('@typescript-eslint/parser')).default;
  const { default: errlint } = await import(pathToFileURL(path.join(root, 'dist/src/eslint/plugin.js')).href);
  const config = [
    { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser } },
    { files: ['**/*.{js,jsx,mjs}'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
    { linterOptions: { reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' } },
  ];
  if (mode === 'configs.recommended') config.push(errlint.configs.recommended);
  if (mode === 'configs.all') config.push(errlint.configs.all);
  const files = sourceFiles(dir);
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: config, ignore: false, cache: false, allowInlineConfig: false });
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  const results = await eslint.lintFiles(files);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const cpu = process.cpuUsage(cpuBefore);
  const messages = results.flatMap((r) => r.messages);
  console.log(
    JSON.stringify({
      mode,
      files: files.length,
      ms,
      cpuMs: (cpu.user + cpu.system) / 1000,
      maxRssKb: process.resourceUsage().maxRSS,
      errlintMessages: messages.filter((m) => m.ruleId?.startsWith('errlint/')).length,
      otherMessages: messages.filter((m) => m.ruleId && !m.ruleId.startsWith('errlint/')).length,
      unparsed: results.filter((r) => r.messages.some((m) => m.fatal)).length,
    }),
  );
}

function main(dir, repeats, modes) {
  if (!fs.existsSync(path.join(root, 'dist/src/eslint/plugin.js'))) {
    console.error('bench-eslint: run `npm run build` first (dist/ is missing).');
    process.exit(2);
  }
  const samples = new Map(modes.map((m) => [m, []]));
  for (let i = 0; i < repeats; i++) {
    for (const mode of modes) {
      const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', mode, dir], { encoding: 'utf8', maxBuffer: 64 << 20 });
      if (r.status !== 0) throw new Error(`bench-eslint (${mode}) failed (${r.status}): ${r.stderr}`);
      samples.get(mode).push(JSON.parse(r.stdout.trim().split('\n').pop()));
    }
  }
  // each figure the median of its mode's runs; the overhead the median of the alternated pairs' ratios
  const runs = modes.map((mode) => {
    const s = samples.get(mode);
    return { ...s[0], ms: median(s.map((r) => r.ms)), cpuMs: median(s.map((r) => r.cpuMs)), maxRssKb: median(s.map((r) => r.maxRssKb)) };
  });
  const base = runs[0];
  const baseSamples = samples.get(modes[0]);
  for (const r of runs.slice(1)) {
    const s = samples.get(r.mode);
    r.cpuOverhead = median(s.map((x, i) => x.cpuMs / baseSamples[i].cpuMs - 1));
    r.wallOverhead = median(s.map((x, i) => x.ms / baseSamples[i].ms - 1));
  }
  const row = (r) =>
    `${`ESLint 10, ${r.mode}`.padEnd(32)} ${String(r.files).padStart(6)} ${(r.ms / 1000).toFixed(2).padStart(8)} s ${(r.ms / r.files).toFixed(2).padStart(8)} ${(r.cpuMs / 1000).toFixed(2).padStart(8)} s ${(r.maxRssKb / 1024).toFixed(0).padStart(7)} MB ${String(r.errlintMessages).padStart(9)}`;
  console.log(`\nESLint adapter overhead on ${path.relative(process.cwd(), dir) || dir}, node ${process.version}, single-threaded, median of ${repeats} alternated run(s), unparsed files: ${base.unparsed}`);
  console.log(`${'run'.padEnd(32)} ${'files'.padStart(6)} ${'wall'.padStart(10)} ${'ms/file'.padStart(8)} ${'CPU'.padStart(10)} ${'peak RSS'.padStart(10)} ${'findings'.padStart(9)}`);
  for (const r of runs) console.log(row(r));
  for (const r of runs.slice(1)) {
    const signed = (n, digits) => `${n >= 0 ? '+' : ''}${n.toFixed(digits)}`;
    console.log(
      `${r.mode}: ${signed(r.wallOverhead * 100, 0)} % wall time (${signed((r.ms - base.ms) / r.files, 2)} ms/file), ${signed(r.cpuOverhead * 100, 0)} % CPU time (${signed((r.cpuMs - base.cpuMs) / r.files, 2)} ms/file) over no rules${r.mode === 'configs.all' ? ' (target <= +25 %)' : ''}`,
    );
  }
  console.log(JSON.stringify({ eslint: runs }));
}

if (process.argv[2] === '--child') {
  await child(process.argv[3], path.resolve(process.argv[4]));
} else if (!process.argv[2]) {
  console.error("usage: node scripts/bench-eslint.mjs <dir> [--repeats N] [--modes 'no rules,configs.all']");
  process.exit(2);
} else {
  const args = process.argv.slice(2);
  const option = (name) => {
    const i = args.indexOf(name);
    return i < 0 ? undefined : args.splice(i, 2)[1];
  };
  const repeats = Math.max(1, Number(option('--repeats') ?? 1));
  const modes = (option('--modes') ?? ALL_MODES.join(',')).split(',').map((m) => m.trim());
  const unknown = modes.filter((m) => !ALL_MODES.includes(m));
  if (unknown.length > 0 || modes[0] !== 'no rules') {
    console.error(`bench-eslint: --modes lists 'no rules' first, then any of ${ALL_MODES.slice(1).join(', ')}`);
    process.exit(2);
  }
  main(path.resolve(args[0]), repeats, modes);
}
