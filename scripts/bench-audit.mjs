// errlint's programmatic audit over the corpus, every rule on, in this single thread.
import { audit } from '../dist/src/audit.js';

const started = process.hrtime.bigint();
const result = await audit({ cwd: process.argv[2], paths: ['.'], config: {} });
const ms = Number(process.hrtime.bigint() - started) / 1e6;
console.log(JSON.stringify({ files: result.filesScanned, ms, maxRssKb: process.resourceUsage().maxRSS, findings: result.findings.length, errors: result.errors.length, rules: result.rules.length }));
