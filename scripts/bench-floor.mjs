// The floor errlint is measured against: read and parse every file with TypeScript's createSourceFile, as a
// plain `ts.createSourceFile(file, text, Latest)` does (JSDoc parsed into nodes), or with `--no-jsdoc` as errlint
// parses (JSDoc comments left as comments: no rule reads them).
//   node scripts/bench-floor.mjs <dir> [--no-jsdoc]
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
const noJsDoc = process.argv.includes('--no-jsdoc');
const files = list(process.argv[2]);
const options = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: noJsDoc ? ts.JSDocParsingMode.ParseNone : ts.JSDocParsingMode.ParseAll };
const started = process.hrtime.bigint();
const cpuBefore = process.cpuUsage();
let nodes = 0;
for (const file of files) {
  const kind = /\.tsx$/.test(file) ? ts.ScriptKind.TSX : /\.jsx$/.test(file) ? ts.ScriptKind.JSX : /\.[cm]?js$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), options, false, kind);
  nodes += sf.statements.length;
}
const ms = Number(process.hrtime.bigint() - started) / 1e6;
const cpu = process.cpuUsage(cpuBefore);
console.log(JSON.stringify({ files: files.length, ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssKb: process.resourceUsage().maxRSS, nodes, jsdoc: !noJsDoc }));
