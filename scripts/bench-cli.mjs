// Runs the errlint CLI in this process exactly as bin/errlint.js does, and when the process exits writes what
// the whole process cost (start-up included) to <usage.json>: CPU ms (user + system, all threads), peak RSS and
// wall ms since the process started. With no errlint arguments it runs nothing: the cost of a bare node
// process loading a script, the floor start-up figures are measured against.
//   node scripts/bench-cli.mjs <usage.json> [errlint arguments...]
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const [out, ...args] = process.argv.slice(2);
process.on('exit', () => {
  const cpu = process.cpuUsage();
  fs.writeFileSync(out, JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, maxRssKb: process.resourceUsage().maxRSS, wallMs: performance.now(), exitCode: process.exitCode ?? 0 }));
});
if (args.length > 0) {
  const bin = new URL('../bin/errlint.js', import.meta.url);
  process.argv = [process.argv[0], fileURLToPath(bin), ...args];
  await import(bin.href);
}
