// errlint's programmatic audit over the corpus, every rule on: in this single thread, or with
// `node scripts/bench-audit.mjs <dir> <threads|auto>` in worker threads.
import { audit } from '../dist/src/audit.js';

const threadsArg = process.argv[3];
const threads = threadsArg === undefined ? 1 : threadsArg === 'auto' ? 'auto' : Number(threadsArg);
const started = process.hrtime.bigint();
const cpuBefore = process.cpuUsage();
const result = await audit({ cwd: process.argv[2], paths: ['.'], config: {}, threads });
const ms = Number(process.hrtime.bigint() - started) / 1e6;
const cpu = process.cpuUsage(cpuBefore);
console.log(JSON.stringify({ files: result.filesScanned, ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssKb: process.resourceUsage().maxRSS, findings: result.findings.length, errors: result.errors.length, rules: result.rules.length, threads }));
