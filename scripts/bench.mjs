#!/usr/bin/env node
// npm run bench: audits a real corpus (the sources of a pinned list of npm packages, installed into the
// ignored .bench/ folder on first run) with every rule on (`--preset strict`) and the project model, and prints,
// as ratios measured in this one run so that a regression shows in any PR:
//   - audit CPU / parse CPU: errlint's whole audit against the floor, TypeScript's createSourceFile reading and
//     parsing the same files, single-threaded (target <= 1.5x);
//   - peak memory / the parse's (target <= 2x);
//   - the ESLint plugin's CPU over ESLint with the same parsers and no rules (configs.all; target <= +25 %), with
//     typescript-eslint's parser on every file and with espree on JavaScript;
//   - start-up of each command over a bare node process;
//   - incremental: a `--cache` re-run after a one-file change, against the whole audit, and whether its findings
//     are those of a fresh run.
// The machine may be shared: CPU time (user + system, GC and all threads included) is measured rather than
// wall time, floor and audit run in alternated pairs, and each figure is the median over `--repeats` (default
// 3). Options: --repeats N, --eslint-repeats N (default: --repeats), --no-eslint, --no-threads,
// --corpus <dir> (another tree instead of the pinned corpus), --change <file> (the incremental run's edited
// file, relative to the corpus). Needs `npm run build` first.
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
const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i < 0 ? false : (args.splice(i, 1), true);
};
const option = (name) => {
  const i = args.indexOf(name);
  return i < 0 ? undefined : args.splice(i, 2)[1];
};
const REPEATS = Math.max(1, Number(option('--repeats') ?? 3));
const ESLINT_REPEATS = Math.max(1, Number(option('--eslint-repeats') ?? REPEATS));
const NO_ESLINT = flag('--no-eslint');
const NO_THREADS = flag('--no-threads');
const customCorpus = option('--corpus');
const changeArg = option('--change');
const corpus = customCorpus ? path.resolve(customCorpus) : path.join(benchDir, 'corpus');
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

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const x = (n) => `${n.toFixed(2)}x`;
const sec = (ms) => `${(ms / 1000).toFixed(2)} s`;

function runChild(script, childArgs) {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', script), ...childArgs], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${script} failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

const usageFile = path.join(benchDir, 'usage.json');
/** One errlint CLI process (or, with no arguments, a bare node process): its whole CPU time, peak RSS and wall time. */
function cliRun(cliArgs, cwd = root) {
  fs.rmSync(usageFile, { force: true });
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'bench-cli.mjs'), usageFile, ...cliArgs], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0 || !fs.existsSync(usageFile)) throw new Error(`errlint ${cliArgs.join(' ')} failed (${r.status}): ${r.stderr}`);
  return { ...JSON.parse(fs.readFileSync(usageFile, 'utf8')), stdout: r.stdout, stderr: r.stderr };
}

if (!fs.existsSync(path.join(root, 'dist', 'src', 'audit.js'))) {
  console.error('bench: run `npm run build` first (dist/ is missing).');
  process.exit(2);
}
if (customCorpus) {
  if (!fs.existsSync(corpus)) {
    console.error(`bench: ${customCorpus} does not exist.`);
    process.exit(2);
  }
} else {
  ensureCorpus();
}
fs.mkdirSync(benchDir, { recursive: true });
const figures = [];
/** A figure for the summary at the end: name, value, target and the command that reproduces it. */
const figure = (name, value, target, command) => figures.push({ name, value, target, command });
const rel = (p) => path.relative(root, p) || '.';

// 1. The whole audit against the parse floor, in alternated pairs.
// Two floors: a plain createSourceFile (JSDoc parsed into nodes, the issue's "raw parse"), and the same parse
// without JSDoc nodes, which is what errlint's own parse does (no rule reads JSDoc nodes).
const floors = [];
const leanFloors = [];
const engines = [];
const reportFile = path.join(benchDir, 'last-findings.json');
for (let i = 0; i < REPEATS; i++) {
  floors.push(runChild('bench-floor.mjs', [corpus]));
  engines.push(runChild('bench-audit.mjs', [corpus, '--preset', 'strict', ...(i === 0 ? ['--json', reportFile] : [])]));
  leanFloors.push(runChild('bench-floor.mjs', [corpus, '--no-jsdoc']));
}
const medianRun = (runs) => ({ ...runs[0], ms: median(runs.map((r) => r.ms)), cpuMs: median(runs.map((r) => r.cpuMs)), maxRssKb: median(runs.map((r) => r.maxRssKb)) });
const floor = medianRun(floors);
const leanFloor = medianRun(leanFloors);
const engine = medianRun(engines);
const cpuRatio = median(engines.map((e, i) => e.cpuMs / floors[i].cpuMs));
const leanCpuRatio = median(engines.map((e, i) => e.cpuMs / leanFloors[i].cpuMs));
const memRatio = median(engines.map((e, i) => e.maxRssKb / floors[i].maxRssKb));
const wallRatio = median(engines.map((e, i) => e.ms / floors[i].ms));
const threaded = NO_THREADS ? undefined : runChild('bench-audit.mjs', [corpus, 'auto', '--preset', 'strict']);
const cli = cliRun(['audit', '.', '--preset', 'strict', '--format', 'json', '--fail-on', 'none', '--no-timing', '--threads', '1'], corpus);
fs.writeFileSync(path.join(benchDir, 'last-report.json'), cli.stdout);

const row = (name, r) =>
  `${name.padEnd(44)} ${String(r.files).padStart(6)} ${sec(r.ms).padStart(10)} ${Math.round(r.files / (r.ms / 1000)).toString().padStart(8)} ${(r.maxRssKb / 1024).toFixed(0).padStart(8)} MB ${sec(r.cpuMs).padStart(10)}`;
console.log(`\ncorpus: ${rel(corpus)}${customCorpus ? '' : ` (${PACKAGES.length} packages)`}, node ${process.version}, ${os.availableParallelism()} CPUs, load average ${os.loadavg()[0].toFixed(1)}; single-threaded unless marked; median of ${REPEATS} alternated run(s)`);
console.log(`${'run'.padEnd(44)} ${'files'.padStart(6)} ${'wall'.padStart(10)} ${'files/s'.padStart(8)} ${'peak RSS'.padStart(11)} ${'CPU'.padStart(10)}`);
console.log(row('floor: read + ts.createSourceFile', floor));
console.log(row('floor without JSDoc nodes (as errlint parses)', leanFloor));
console.log(row(`errlint audit() --preset strict (${engine.rules} rules)`, engine));
if (threaded) console.log(row(`errlint audit() --threads auto`, threaded));
console.log(`${'errlint CLI end to end (whole process)'.padEnd(44)} ${String(engine.files).padStart(6)} ${sec(cli.wallMs).padStart(10)} ${''.padStart(8)} ${(cli.maxRssKb / 1024).toFixed(0).padStart(8)} MB ${sec(cli.cpuMs).padStart(10)}`);
console.log(`findings: ${engine.findings}, files not analysed: ${engine.errors}${threaded && threaded.findings !== engine.findings ? ` (threads auto: ${threaded.findings} findings, expected the same)` : ''}`);
const auditCmd = `node scripts/bench-floor.mjs ${rel(corpus)} vs node scripts/bench-audit.mjs ${rel(corpus)} --preset strict`;
figure('audit CPU / parse CPU', x(cpuRatio), '<= 1.5x (stretch 1.25x)', auditCmd);
figure('audit CPU / parse CPU without JSDoc nodes', x(leanCpuRatio), '', `node scripts/bench-floor.mjs ${rel(corpus)} --no-jsdoc vs node scripts/bench-audit.mjs ${rel(corpus)} --preset strict`);
figure('audit peak RSS / parse peak RSS', x(memRatio), '<= 2x', auditCmd);
figure('audit wall / parse wall (noisy when loaded)', x(wallRatio), '', auditCmd);
if (threaded) figure(`--threads auto speed-up (wall, ${os.availableParallelism()} CPUs)`, x(engine.ms / threaded.ms), '', `node scripts/bench-audit.mjs ${rel(corpus)} auto --preset strict`);
figure('CLI end to end CPU / parse CPU', x(cli.cpuMs / floor.cpuMs), '', `node bin/errlint.js audit . --preset strict --threads 1 (in ${rel(corpus)})`);

// 2. The ESLint host: ESLint with no rules vs with every errlint rule, same parsers, in both parser setups.
if (!NO_ESLINT) {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'bench-eslint.mjs'), corpus, '--repeats', String(ESLINT_REPEATS), '--modes', 'no rules,configs.all'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`bench-eslint failed (${r.status})`);
  const lines = r.stdout.trim().split('\n');
  console.log(lines.slice(0, -1).join('\n'));
  // one figure per parser setup: typescript-eslint's parser on every file (what tseslint.configs.* set up), and
  // espree on JavaScript (the README's smallest config), where errlint parses JavaScript files once more
  const runs = JSON.parse(lines.at(-1)).eslint;
  for (const setup of [...new Set(runs.map((r) => r.setup))]) {
    const [base, all] = runs.filter((r) => r.setup === setup);
    figure(`ESLint + errlint configs.all CPU over ESLint, no rules (${setup})`, `${all.cpuOverhead >= 0 ? '+' : ''}${(all.cpuOverhead * 100).toFixed(0)} %`, '<= +25 %', `node scripts/bench-eslint.mjs ${rel(corpus)} --repeats ${ESLINT_REPEATS} --modes 'no rules,configs.all' --setups ${setup}`);
    figure(`ESLint no rules CPU / parse CPU (${setup}, for scale)`, x(base.cpuMs / floor.cpuMs), '', `node scripts/bench-eslint.mjs ${rel(corpus)} --setups ${setup}`);
  }
}

// 3. Start-up: each command's whole-process CPU next to a bare node process, median of five.
const tiny = path.join(benchDir, 'startup');
fs.mkdirSync(tiny, { recursive: true });
fs.writeFileSync(path.join(tiny, 'a.ts'), 'export const a = 1;\n');
const startup = (cliArgs) => {
  const runs = Array.from({ length: 5 }, () => cliRun(cliArgs, tiny));
  return { cpuMs: median(runs.map((r) => r.cpuMs)), wallMs: median(runs.map((r) => r.wallMs)) };
};
const bare = startup([]);
console.log('\nstart-up (whole process, median of 5; a bare node process running an empty script is the floor):');
console.log(`${'command'.padEnd(44)} ${'CPU'.padStart(9)} ${'wall'.padStart(9)} ${'CPU / node'.padStart(11)}`);
for (const [name, cliArgs] of [['node (empty script)', []], ['errlint --version', ['--version']], ['errlint rules', ['rules']], ['errlint explain swallowed-catch', ['explain', 'swallowed-catch']], ['errlint audit a.ts --preset strict', ['audit', 'a.ts', '--preset', 'strict', '--no-timing']]]) {
  const t = cliArgs.length === 0 ? bare : startup(cliArgs);
  console.log(`${name.padEnd(44)} ${`${t.cpuMs.toFixed(0)} ms`.padStart(9)} ${`${t.wallMs.toFixed(0)} ms`.padStart(9)} ${x(t.cpuMs / bare.cpuMs).padStart(11)}`);
  if (name.startsWith('errlint audit')) figure('start-up: audit of one tiny file, CPU / bare node', x(t.cpuMs / bare.cpuMs), '', `node bin/errlint.js audit a.ts --preset strict (in ${rel(tiny)})`);
}

// 4. Incremental: on a copy of the corpus, a --cache run fills the cache; then one file changes (a comment is
// appended, or taken off again) and the re-run's whole-process CPU is compared with the full audit's. Its
// findings must be those of a fresh run (the CLI run above, on the same text but for a comment at the end).
const copy = path.join(benchDir, 'incremental');
const copyMarker = path.join(copy, '.corpus-source');
if (!fs.existsSync(copyMarker) || fs.readFileSync(copyMarker, 'utf8') !== `${corpus}\n${customCorpus ? '' : CORPUS_VERSION}`) {
  fs.rmSync(copy, { recursive: true, force: true });
  fs.cpSync(corpus, copy, { recursive: true, filter: (src) => !src.endsWith(`${path.sep}.errlintcache`) });
  fs.writeFileSync(copyMarker, `${corpus}\n${customCorpus ? '' : CORPUS_VERSION}`);
}
const listFiles = (dir, out = []) => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) listFiles(p, out);
    else if (EXT.test(e.name) && !DECL.test(e.name)) out.push(p);
  }
  return out;
};
const changed = changeArg ? path.join(copy, changeArg) : [path.join(copy, 'typeorm', 'error', 'TypeORMError.js')].find((p) => fs.existsSync(p)) ?? listFiles(copy)[0];
const original = fs.readFileSync(changed, 'utf8').replace(/\n\/\/ errlint bench edit\n$/, '');
fs.writeFileSync(changed, original);
const cacheFile = path.join(benchDir, 'incremental.errlintcache');
fs.rmSync(cacheFile, { force: true });
const incrementalArgs = ['audit', '.', '--preset', 'strict', '--cache-location', cacheFile, '--format', 'json', '--fail-on', 'none', '--no-timing', '--threads', '1'];
const cold = cliRun(incrementalArgs, copy);
const unchanged = [];
const edited = [];
let lastReport;
try {
  for (let i = 0; i < REPEATS; i++) {
    unchanged.push(cliRun(incrementalArgs, copy));
    fs.writeFileSync(changed, i % 2 === 0 ? `${original}\n// errlint bench edit\n` : original);
    const run = cliRun(incrementalArgs, copy);
    edited.push(run);
    lastReport = run.stdout;
  }
} finally {
  fs.writeFileSync(changed, original);
}
const comparable = (report) =>
  JSON.parse(report)
    .findings.map((f) => `${f.file}:${f.line}:${f.column}:${f.ruleId}:${f.message}`)
    .sort()
    .join('\n');
const same = comparable(lastReport) === comparable(cli.stdout);
const editedCpu = median(edited.map((r) => r.cpuMs));
console.log(`\nincremental (--cache, whole process; the changed file: ${path.relative(copy, changed)}; median of ${REPEATS}):`);
console.log(`${'cold run, fills the cache'.padEnd(44)} ${sec(cold.cpuMs).padStart(9)} CPU ${sec(cold.wallMs).padStart(9)} wall`);
console.log(`${'re-run, nothing changed'.padEnd(44)} ${sec(median(unchanged.map((r) => r.cpuMs))).padStart(9)} CPU ${sec(median(unchanged.map((r) => r.wallMs))).padStart(9)} wall`);
console.log(`${'re-run after a one-file change'.padEnd(44)} ${sec(editedCpu).padStart(9)} CPU ${sec(median(edited.map((r) => r.wallMs))).padStart(9)} wall`);
console.log(`findings after the change are those of a fresh run: ${same ? 'yes' : 'NO'}`);
figure('incremental one-file change CPU / full CLI audit CPU', x(editedCpu / cli.cpuMs), '', `node bin/errlint.js audit . --preset strict --cache (in ${rel(copy)}, after editing ${path.relative(copy, changed)})`);
figure('incremental one-file change CPU', sec(editedCpu), '< 0.5 s on typeorm', 'same');
figure('incremental findings = fresh run findings', same ? 'yes' : 'NO', 'yes', '');

console.log('\nsummary (ratios from this run):');
for (const f of figures) console.log(`  ${f.name.padEnd(58)} ${String(f.value).padStart(9)}${f.target ? `  (target ${f.target})` : ''}`);
console.log('commands:');
for (const f of figures) if (f.command && f.command !== 'same') console.log(`  ${f.name}: ${f.command}`);
if (!same) process.exitCode = 1;
