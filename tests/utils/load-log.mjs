// `node --import ./tests/utils/load-log.mjs …`: appends every module URL the process resolves to the file named
// by ERRLINT_LOAD_LOG, so a test can see what a command loads (and when it has got past a given module).
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(`
import fs from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (process.env.ERRLINT_LOAD_LOG) fs.appendFileSync(process.env.ERRLINT_LOAD_LOG, resolved.url + '\\n');
  return resolved;
}`)}`,
);
