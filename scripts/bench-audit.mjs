// errlint's programmatic audit over a directory, every rule on (`--preset strict`) with the project model (roles,
// summaries, the resolution step), in this single thread or in worker threads. Prints one line of JSON: files,
// wall ms, CPU ms of this process (all threads, GC included), peak RSS, findings.
//   node scripts/bench-audit.mjs <dir> [threads|auto] [--preset recommended|strict] [--json <report.json>]
import fs from 'node:fs';
import { audit } from '../dist/src/audit.js';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i < 0 ? undefined : args.splice(i, 2)[1];
};
const preset = option('--preset') ?? 'strict';
const jsonOut = option('--json');
const [dir, threadsArg] = args;
const threads = threadsArg === undefined ? 1 : threadsArg === 'auto' ? 'auto' : Number(threadsArg);
const started = process.hrtime.bigint();
const cpuBefore = process.cpuUsage();
const result = await audit({ cwd: dir, paths: ['.'], config: {}, preset, threads });
const ms = Number(process.hrtime.bigint() - started) / 1e6;
const cpu = process.cpuUsage(cpuBefore);
if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify(result.findings.map(({ file, line, column, endLine, endColumn, ruleId, messageId, message, risk, score, factors, suggestions }) => ({ file, line, column, endLine, endColumn, ruleId, messageId, message, risk, score, factors, suggestions }))));
console.log(JSON.stringify({ files: result.filesScanned, ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssKb: process.resourceUsage().maxRSS, findings: result.findings.length, errors: result.errors.length, rules: result.rules.length, threads }));
