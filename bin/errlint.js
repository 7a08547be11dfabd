#!/usr/bin/env node
import { existsSync } from 'node:fs';

// Ctrl-C and SIGTERM (a CI job cancelled, `timeout`) end the run quietly with the shell's code for them (128 +
// the signal), clearing a progress line. Files are written atomically and synchronously, so the handler runs
// between two writes: an interrupted --fix leaves each file either old or new and no temporary file behind.
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
  process.once(signal, () => {
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[2K');
    process.exit(code);
  });
}

const cli = new URL('../dist/src/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('errlint: the package is not built (dist/ is missing). Run `npm run build` in the errlint folder.\n');
  process.exit(2);
}
const { main, processIo } = await import(cli.href);
process.exitCode = await main(process.argv, processIo());
