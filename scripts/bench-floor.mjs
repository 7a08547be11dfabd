// The floor errlint is measured against: read and parse every file with TypeScript's createSourceFile.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const EXT = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
function list(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) list(p, out);
    else if (EXT.test(e.name) && !/\.d\.[cm]?ts$/.test(e.name)) out.push(p);
  }
  return out;
}
const files = list(process.argv[2]);
const started = process.hrtime.bigint();
const cpuBefore = process.cpuUsage();
let nodes = 0;
for (const file of files) {
  const kind = /\.tsx$/.test(file) ? ts.ScriptKind.TSX : /\.jsx$/.test(file) ? ts.ScriptKind.JSX : /\.[cm]?js$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, kind);
  nodes += sf.statements.length;
}
const ms = Number(process.hrtime.bigint() - started) / 1e6;
const cpu = process.cpuUsage(cpuBefore);
console.log(JSON.stringify({ files: files.length, ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssKb: process.resourceUsage().maxRSS, nodes }));
