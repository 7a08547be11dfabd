#!/usr/bin/env node
// The ESLint adapter's overhead: ESLint 10 over a directory of JS/TS files with no rules, then with errlint's
// `configs.recommended` and `configs.all` (every errlint rule), same parsers, each run in a fresh process,
// single-threaded. Two parser setups, printed side by side:
//   - `tseslint-all`: @typescript-eslint/parser on every file, as `tseslint.configs.recommended` (its `base`
//     config has no `files` key) and most TypeScript projects set it up; errlint reuses the parser's tree;
//   - `espree-js`: @typescript-eslint/parser on TypeScript, ESLint's default espree on JavaScript, as the
//     README's smallest config; errlint parses each JavaScript file once more with TypeScript.
// With `--repeats N` the runs alternate N times (so a change in the machine's load hits every mode alike) and
// each figure is the median. Prints files, wall time, ms/file and the overhead; CPU time is printed next to wall
// time: it is steadier on a busy machine. The last line is JSON for `npm run bench`. Needs `npm run build` first.
//   node scripts/bench-eslint.mjs <dir> [--repeats N] [--modes 'no rules,configs.all'] [--setups tseslint-all,espree-js]
// One run, its errlint messages written to a file (scripts/compare-eslint-messages.mjs compares two builds):
//   node scripts/bench-eslint.mjs --child <mode> <dir> --setup <setup> [--plugin <errlint root>] [--messages <file>]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXT = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const SKIP = /\.d\.[cm]?ts$|\.min\.[cm]?js$/;
const ALL_MODES = ['no rules', 'configs.recommended', 'configs.all'];
const SETUPS = {
  'tseslint-all': 'typescript-eslint parser on every file',
  'espree-js': 'typescript-eslint parser on TS, espree on JS',
};
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

async function child(mode, dir, { setup, pluginRoot = root, messagesFile }) {
  const { ESLint } = await import('eslint');
  const tsParser = (await import('@typescript-eslint/parser')).default;
  const { default: errlint } = await import(pathToFileURL(path.join(pluginRoot, 'dist/src/eslint/plugin.js')).href);
  const config = [
    setup === 'tseslint-all'
      ? { languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } } }
      : { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser } },
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
  if (messagesFile) {
    const own = results.flatMap((r) => r.messages.filter((m) => m.ruleId?.startsWith('errlint/')).map((m) => ({ file: path.relative(dir, r.filePath).split(path.sep).join('/'), ...m })));
    fs.writeFileSync(messagesFile, `${own.map((m) => JSON.stringify(m)).join('\n')}\n`);
  }
  console.log(
    JSON.stringify({
      mode,
      setup,
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

function main(dir, repeats, modes, setups) {
  if (!fs.existsSync(path.join(root, 'dist/src/eslint/plugin.js'))) {
    console.error('bench-eslint: run `npm run build` first (dist/ is missing).');
    process.exit(2);
  }
  const key = (setup, mode) => `${setup}\t${mode}`;
  const samples = new Map(setups.flatMap((setup) => modes.map((mode) => [key(setup, mode), []])));
  for (let i = 0; i < repeats; i++) {
    for (const setup of setups) {
      for (const mode of modes) {
        const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', mode, dir, '--setup', setup], { encoding: 'utf8', maxBuffer: 64 << 20 });
        if (r.status !== 0) throw new Error(`bench-eslint (${setup}, ${mode}) failed (${r.status}): ${r.stderr}`);
        samples.get(key(setup, mode)).push(JSON.parse(r.stdout.trim().split('\n').pop()));
      }
    }
  }
  // each figure the median of its mode's runs; the overhead the median of the alternated pairs' ratios
  const runs = setups.flatMap((setup) => {
    const ofSetup = modes.map((mode) => {
      const s = samples.get(key(setup, mode));
      return { ...s[0], ms: median(s.map((r) => r.ms)), cpuMs: median(s.map((r) => r.cpuMs)), maxRssKb: median(s.map((r) => r.maxRssKb)) };
    });
    const baseSamples = samples.get(key(setup, modes[0]));
    for (const r of ofSetup.slice(1)) {
      const s = samples.get(key(setup, r.mode));
      r.cpuOverhead = median(s.map((x, i) => x.cpuMs / baseSamples[i].cpuMs - 1));
      r.wallOverhead = median(s.map((x, i) => x.ms / baseSamples[i].ms - 1));
    }
    return ofSetup;
  });
  const row = (r) =>
    `${`${r.setup}, ${r.mode}`.padEnd(36)} ${String(r.files).padStart(6)} ${(r.ms / 1000).toFixed(2).padStart(8)} s ${(r.ms / r.files).toFixed(2).padStart(8)} ${(r.cpuMs / 1000).toFixed(2).padStart(8)} s ${(r.maxRssKb / 1024).toFixed(0).padStart(7)} MB ${String(r.errlintMessages).padStart(9)}`;
  console.log(`\nESLint 10 adapter overhead on ${path.relative(process.cwd(), dir) || dir}, node ${process.version}, single-threaded, median of ${repeats} alternated run(s), unparsed files: ${runs.map((r) => `${r.setup} ${r.unparsed}`).filter((x, i, all) => all.indexOf(x) === i).join(', ')}`);
  for (const setup of setups) console.log(`  ${setup}: ${SETUPS[setup]}`);
  console.log(`${'run'.padEnd(36)} ${'files'.padStart(6)} ${'wall'.padStart(10)} ${'ms/file'.padStart(8)} ${'CPU'.padStart(10)} ${'peak RSS'.padStart(10)} ${'findings'.padStart(9)}`);
  for (const r of runs) console.log(row(r));
  const signed = (n, digits) => `${n >= 0 ? '+' : ''}${n.toFixed(digits)}`;
  for (const setup of setups) {
    const ofSetup = runs.filter((r) => r.setup === setup);
    const base = ofSetup[0];
    for (const r of ofSetup.slice(1)) {
      console.log(
        `${setup}, ${r.mode}: ${signed(r.wallOverhead * 100, 0)} % wall time (${signed((r.ms - base.ms) / r.files, 2)} ms/file), ${signed(r.cpuOverhead * 100, 0)} % CPU time (${signed((r.cpuMs - base.cpuMs) / r.files, 2)} ms/file) over no rules${r.mode === 'configs.all' ? ' (target <= +25 %)' : ''}`,
      );
    }
  }
  console.log(JSON.stringify({ eslint: runs }));
}

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i < 0 ? undefined : args.splice(i, 2)[1];
};
if (args[0] === '--child') {
  const setup = option('--setup') ?? 'espree-js';
  const pluginRoot = option('--plugin');
  const messagesFile = option('--messages');
  if (!SETUPS[setup] || !ALL_MODES.includes(args[1])) {
    console.error(`bench-eslint --child: a mode (${ALL_MODES.join(', ')}) and --setup ${Object.keys(SETUPS).join('|')}`);
    process.exit(2);
  }
  await child(args[1], path.resolve(args[2]), { setup, pluginRoot: pluginRoot && path.resolve(pluginRoot), messagesFile });
} else if (!args[0]) {
  console.error("usage: node scripts/bench-eslint.mjs <dir> [--repeats N] [--modes 'no rules,configs.all'] [--setups tseslint-all,espree-js]");
  process.exit(2);
} else {
  const repeats = Math.max(1, Number(option('--repeats') ?? 1));
  const modes = (option('--modes') ?? ALL_MODES.join(',')).split(',').map((m) => m.trim());
  const unknown = modes.filter((m) => !ALL_MODES.includes(m));
  if (unknown.length > 0 || modes[0] !== 'no rules') {
    console.error(`bench-eslint: --modes lists 'no rules' first, then any of ${ALL_MODES.slice(1).join(', ')}`);
    process.exit(2);
  }
  const setups = (option('--setups') ?? Object.keys(SETUPS).join(',')).split(',').map((m) => m.trim());
  if (setups.some((m) => !SETUPS[m])) {
    console.error(`bench-eslint: --setups lists any of ${Object.keys(SETUPS).join(', ')}`);
    process.exit(2);
  }
  main(path.resolve(args[0]), repeats, modes, setups);
}
