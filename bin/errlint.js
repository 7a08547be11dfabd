#!/usr/bin/env node
import { existsSync } from 'node:fs';

const cli = new URL('../dist/src/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('errlint: the package is not built (dist/ is missing). Run `npm run build` in the errlint folder.\n');
  process.exit(2);
}
const { main, processIo } = await import(cli.href);
process.exitCode = await main(process.argv, processIo());
