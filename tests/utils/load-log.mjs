// `node --import ./tests/utils/load-log.mjs …`: appends every module URL the process resolves to the file named
// by ERRLINT_LOAD_LOG, so a test can see what a command loads (and when it has got past a given module): ES
// modules through a resolve hook, CommonJS ones loaded with `require` (errlint requires TypeScript) through
// the CommonJS resolver.
import fs from 'node:fs';
import { createRequire, register } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

register(
  `data:text/javascript,${encodeURIComponent(`
import fs from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (process.env.ERRLINT_LOAD_LOG) fs.appendFileSync(process.env.ERRLINT_LOAD_LOG, resolved.url + '\\n');
  return resolved;
}`)}`,
);

const Module = createRequire(import.meta.url)('node:module');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (...args) {
  const file = resolveFilename.apply(this, args);
  if (process.env.ERRLINT_LOAD_LOG && path.isAbsolute(file)) fs.appendFileSync(process.env.ERRLINT_LOAD_LOG, `${pathToFileURL(file).href}\n`);
  return file;
};
