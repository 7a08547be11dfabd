/**
 * The one TypeScript compiler errlint runs: the `typescript` package it depends on (a consumer's own
 * TypeScript of the same version is shared with it). Both hosts (the CLI engine and the ESLint adapter) parse
 * with it, so `SyntaxKind` numbers never cross two copies of TypeScript. Rules never import this value: they
 * receive it as `context.ts`. Only modules that parse import this one, so `errlint --version`, `rules` and
 * `explain` never load the compiler.
 *
 * Loaded with `require`, not `import`: importing a CommonJS module from ESM makes Node scan its whole source for
 * named exports (cjs-module-lexer) and sniff its format first, which for TypeScript's 9 MB file cost more CPU
 * than compiling it (about 0.7 s of a 1.1 s start-up, in every process and worker thread). `require` also
 * returns the very instance typescript-eslint's parser loads from the same path.
 */
import { createRequire } from 'node:module';
import { isMainThread } from 'node:worker_threads';
import { codeCacheDir, loadWithCodeCache } from './code-cache.js';

export type TS = typeof import('typescript');

// compiled with a V8 code cache (src/code-cache.ts); the main thread writes it when the process ends, with
// every function the run compiled
const loaded = loadWithCodeCache(createRequire(import.meta.url).resolve('typescript'), codeCacheDir());
if (isMainThread && loaded.use === 'miss') process.once('exit', () => loaded.save());

export const compiler: TS = loaded.exports as TS;
