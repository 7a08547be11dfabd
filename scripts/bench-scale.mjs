#!/usr/bin/env node
// Scale: does errlint's whole audit grow linearly with the number of files, and is its memory bounded by what
// it keeps per file (findings, summaries, project facts) rather than by the files? Builds trees of copies of a
// real tree under different folder names (copy-00/, copy-01/, …: each copy's relative imports stay inside it,
// so the module graph is real), hard-linked where the file system allows, at each size, and runs the CLI on
// each (`audit . --preset strict --threads 1`, whole process: start-up, discovery, every rule, the project
// model and the report). Prints files, CPU, CPU per file, wall time and peak RSS per size, and how CPU per file
// and RSS change from the smallest size. Needs `npm run build` (and `npm run bench` once, for the default
// source: the bench corpus).
//   node scripts/bench-scale.mjs [--source <dir>] [--sizes 5000,20000,50000] [--threads N]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i < 0 ? fallback : args[i + 1];
};
const source = path.resolve(option('--source', path.join(root, '.bench', 'corpus')));
const sizes = option('--sizes', '5000,20000,50000').split(',').map(Number);
const threads = option('--threads', '1');
const EXT = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const DECL = /\.d\.[cm]?ts$/;
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'build', 'coverage']);

if (!fs.existsSync(source)) {
  console.error(`bench-scale: ${source} does not exist (run npm run bench once for the bench corpus, or pass --source <dir>).`);
  process.exit(2);
}
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
  console.error('bench-scale: --sizes takes whole numbers, e.g. --sizes 5000,20000,50000');
  process.exit(2);
}

function list(dir, rel = '', out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (e.name.startsWith('.')) continue;
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) list(path.join(dir, e.name), r, out);
    } else if (e.isFile() && (EXT.test(e.name) || e.name === 'package.json' || e.name === 'tsconfig.json') && !DECL.test(e.name)) {
      out.push(r);
    }
  }
  return out;
}

const files = list(source);
const sourceFiles = files.filter((f) => EXT.test(f));
const scaleDir = path.join(root, '.bench', 'scale');

/** A tree of `n` source files: whole copies of the source, the last one cut short (its manifests kept). */
function buildTree(n) {
  const dir = path.join(scaleDir, String(n));
  const marker = path.join(dir, '.scale-source');
  const id = `${source}\n${files.length}\n${n}`;
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === id) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  let left = n;
  for (let copy = 0; left > 0; copy++) {
    const base = path.join(dir, `copy-${String(copy).padStart(2, '0')}`);
    for (const f of files) {
      const isSource = EXT.test(f);
      if (isSource && left === 0) continue;
      if (isSource) left--;
      const to = path.join(base, f);
      fs.mkdirSync(path.dirname(to), { recursive: true });
      try {
        fs.linkSync(path.join(source, f), to);
      } catch {
        fs.copyFileSync(path.join(source, f), to);
      }
    }
  }
  fs.writeFileSync(marker, id);
  return dir;
}

function run(dir) {
  const usage = path.join(scaleDir, 'usage.json');
  fs.rmSync(usage, { force: true });
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'bench-cli.mjs'), usage, 'audit', '.', '--preset', 'strict', '--format', 'json', '-o', path.join(scaleDir, 'report.json'), '--fail-on', 'none', '--no-timing', '--threads', threads], { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0 || !fs.existsSync(usage)) throw new Error(`audit of ${dir} failed (${r.status}): ${r.stderr}`);
  const report = JSON.parse(fs.readFileSync(path.join(scaleDir, 'report.json'), 'utf8'));
  return { ...JSON.parse(fs.readFileSync(usage, 'utf8')), files: report.summary.filesScanned, findings: report.summary.findings };
}

console.log(`scale: copies of ${path.relative(root, source) || source} (${sourceFiles.length} source files) under different folder names; errlint audit . --preset strict --threads ${threads}, whole process`);
console.log(`${'files'.padStart(7)} ${'findings'.padStart(9)} ${'CPU'.padStart(9)} ${'CPU/file'.padStart(9)} ${'wall'.padStart(9)} ${'peak RSS'.padStart(9)} ${'CPU/file vs first'.padStart(18)} ${'RSS vs first'.padStart(13)}`);
let first;
for (const n of sizes) {
  const r = run(buildTree(n));
  first ??= r;
  const perFile = r.cpuMs / r.files;
  console.log(
    `${String(r.files).padStart(7)} ${String(r.findings).padStart(9)} ${`${(r.cpuMs / 1000).toFixed(1)} s`.padStart(9)} ${`${perFile.toFixed(2)} ms`.padStart(9)} ${`${(r.wallMs / 1000).toFixed(1)} s`.padStart(9)} ${`${(r.maxRssKb / 1024).toFixed(0)} MB`.padStart(9)} ${`${(perFile / (first.cpuMs / first.files)).toFixed(2)}x`.padStart(18)} ${`${(r.maxRssKb / first.maxRssKb).toFixed(2)}x`.padStart(13)}`,
  );
}
console.log('linear time: CPU/file stays near 1.00x as the tree grows; bounded memory: peak RSS grows far slower than the files.');
