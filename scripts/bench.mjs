#!/usr/bin/env node
// npm run bench: audits a real corpus (the sources of a pinned list of npm packages, installed into the
// ignored .bench/ folder on first run) and compares errlint with the floor: TypeScript's createSourceFile over
// the same files, single-threaded. Prints files, wall time, files/s and peak RSS, and one line for
// `--threads auto` (worker threads). Needs `npm run build` first.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.join(root, '.bench');
// Pinned: backend frameworks and libraries, TypeScript sources and compiled JavaScript.
const PACKAGES = ['typeorm@0.3.27', '@nestjs/core@11.1.6', '@nestjs/common@11.1.6', 'rxjs@7.8.2', 'effect@3.18.4', 'kysely@0.28.8', 'hono@4.10.4', '@trpc/server@11.7.1'];
const CORPUS_VERSION = PACKAGES.join(',');
const corpus = path.join(benchDir, 'corpus');
const marker = path.join(corpus, '.corpus-version');
const EXT = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const DECL = /\.d\.[cm]?ts$/;
// errlint skips these directory names by default; the corpus renames them so every file is audited.
const RENAME = new Set(['dist', 'build', 'coverage', 'node_modules']);

function ensureCorpus() {
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === CORPUS_VERSION) return;
  const install = path.join(benchDir, 'install');
  fs.rmSync(install, { recursive: true, force: true });
  fs.rmSync(corpus, { recursive: true, force: true });
  fs.mkdirSync(install, { recursive: true });
  fs.writeFileSync(path.join(install, 'package.json'), '{"name":"errlint-bench-corpus","private":true}\n');
  console.log(`installing the corpus: ${PACKAGES.join(' ')}`);
  execFileSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--no-save', '--no-package-lock', ...PACKAGES], { cwd: install, stdio: 'inherit' });
  for (const spec of PACKAGES) {
    const name = spec.slice(0, spec.lastIndexOf('@'));
    copySources(path.join(install, 'node_modules', name), path.join(corpus, name));
  }
  fs.writeFileSync(marker, CORPUS_VERSION);
}

function copySources(from, to) {
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules') continue;
      copySources(src, path.join(to, RENAME.has(entry.name) ? `${entry.name}_` : entry.name));
    } else if (entry.isFile() && EXT.test(entry.name) && !DECL.test(entry.name) && !/\.min\.[cm]?js$/.test(entry.name)) {
      fs.mkdirSync(to, { recursive: true });
      fs.copyFileSync(src, path.join(to, entry.name));
    }
  }
}

function runChild(script, args) {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', script), ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${script} failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

if (!fs.existsSync(path.join(root, 'dist', 'src', 'audit.js'))) {
  console.error('bench: run `npm run build` first (dist/ is missing).');
  process.exit(2);
}
ensureCorpus();

const floor = runChild('bench-floor.mjs', [corpus]);
const engine = runChild('bench-audit.mjs', [corpus]);
const threaded = runChild('bench-audit.mjs', [corpus, 'auto']);
const started = process.hrtime.bigint();
const cli = spawnSync(process.execPath, [path.join(root, 'bin', 'errlint.js'), 'audit', corpus, '--format', 'json', '-o', path.join(benchDir, 'last-report.json'), '--fail-on', 'none', '--no-timing', '--threads', '1'], { encoding: 'utf8' });
const cliMs = Number(process.hrtime.bigint() - started) / 1e6;
if (cli.status !== 0) throw new Error(`errlint audit failed (${cli.status}): ${cli.stderr}`);

const row = (name, r) =>
  `${name.padEnd(44)} ${String(r.files).padStart(6)} ${(r.ms / 1000).toFixed(2).padStart(8)} s ${Math.round(r.files / (r.ms / 1000)).toString().padStart(8)} ${(r.maxRssKb / 1024).toFixed(0).padStart(8)} MB ${(r.cpuMs / 1000).toFixed(2).padStart(8)} s`;
console.log(`\ncorpus: ${path.relative(root, corpus)} (${PACKAGES.length} packages), node ${process.version}, single-threaded unless marked`);
console.log(`${'run'.padEnd(44)} ${'files'.padStart(6)} ${'wall'.padStart(10)} ${'files/s'.padStart(8)} ${'peak RSS'.padStart(11)} ${'CPU'.padStart(10)}`);
console.log(row('floor: ts.createSourceFile', floor));
console.log(row(`errlint audit() (${engine.rules} rules)`, engine));
console.log(row(`errlint audit() --threads auto (${os.availableParallelism()} CPUs)`, threaded));
console.log(`${'errlint CLI end to end'.padEnd(44)} ${String(engine.files).padStart(6)} ${(cliMs / 1000).toFixed(2).padStart(8)} s`);
console.log(`\nerrlint / floor: time ${(engine.ms / floor.ms).toFixed(2)}x (target <= 1.5x), peak memory ${(engine.maxRssKb / floor.maxRssKb).toFixed(2)}x (target <= 2x)`);
// on a shared machine wall time swings with the load; CPU time (all threads, GC included) is steadier
console.log(`errlint / floor in CPU time: ${(engine.cpuMs / floor.cpuMs).toFixed(2)}x; --threads auto runs at ${(engine.ms / threaded.ms).toFixed(2)}x the speed of one thread (wall time)`);
console.log(`findings: ${engine.findings}, files not analysed: ${engine.errors}${threaded.findings === engine.findings ? '' : ` (threads auto: ${threaded.findings} findings, expected the same)`}`);

// The ESLint host on the same corpus: ESLint with no rules vs with errlint's presets (the adapter's overhead).
if (!process.argv.includes('--no-eslint')) {
  console.log('\nESLint 10 on the same corpus (skip with --no-eslint):');
  const eslint = spawnSync(process.execPath, [path.join(root, 'scripts', 'bench-eslint.mjs'), corpus], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  if (eslint.status !== 0) throw new Error(`bench-eslint failed (${eslint.status})`);
  console.log(eslint.stdout.trim().split('\n').slice(0, -1).join('\n'));
}

// Start-up: the median of five launches of each command next to a bare `node -e 0`, so a slower machine shows
// as a slower floor, not as a regression. `--version`, `rules` and `explain` load no compiler; an audit of one
// tiny file is the engine's fixed cost (TypeScript, the rules, ajv, cosmiconfig).
function startupTimes() {
  const tiny = path.join(benchDir, 'startup');
  fs.mkdirSync(tiny, { recursive: true });
  fs.writeFileSync(path.join(tiny, 'a.ts'), 'export const a = 1;\n');
  const median = (args) => {
    const times = [];
    for (let i = 0; i < 5; i++) {
      const t = process.hrtime.bigint();
      const r = spawnSync(process.execPath, args, { cwd: tiny, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr}`);
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    return times.sort((a, b) => a - b)[2];
  };
  const bin = path.join(root, 'bin', 'errlint.js');
  const node = median(['-e', '0']);
  console.log('\nstart-up (median of 5 launches; node -e 0 is the floor):');
  for (const [name, args] of [['node -e 0', ['-e', '0']], ['errlint --version', [bin, '--version']], ['errlint rules', [bin, 'rules']], ['errlint explain swallowed-catch', [bin, 'explain', 'swallowed-catch']], ['errlint audit a.ts (one tiny file)', [bin, 'audit', 'a.ts', '--no-timing']]]) {
    const ms = name === 'node -e 0' ? node : median(args);
    console.log(`${name.padEnd(44)} ${ms.toFixed(0).padStart(7)} ms ${(ms / node).toFixed(2).padStart(7)}x node`);
  }
}
startupTimes();
