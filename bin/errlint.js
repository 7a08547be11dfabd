#!/usr/bin/env node
import { existsSync } from 'node:fs';
import module from 'node:module';

// Node 22.1+ keeps compiled code in a disk cache (as tsc's own launcher does): compiling TypeScript's 9 MB
// compiler is most of an audit's start-up. Node 20 has no such cache and skips this.
module.enableCompileCache?.();

// Ctrl-C ends the run quietly with the shell's code for it (128 + SIGINT), clearing a progress line; files are
// written atomically and synchronously, so the handler runs between two writes and an interrupted --fix leaves
// each file either old or new. SIGTERM keeps its default (the process ends at once, even inside a long
// computation, as `timeout` and CI cancellation expect); a temporary file it cuts short is swept by the next
// write into that directory.
process.once('SIGINT', () => {
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[2K');
  process.exit(130);
});

const cli = new URL('../dist/src/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('errlint: the package is not built (dist/ is missing). Run `npm run build` in the errlint folder.\n');
  process.exit(2);
}
const { main, processIo } = await import(cli.href);
process.exitCode = await main(process.argv, processIo());
