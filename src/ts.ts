/**
 * The one TypeScript compiler errlint runs: the `typescript` package it depends on (a consumer's own
 * TypeScript of the same version is shared with it). Both hosts (the CLI engine and the ESLint adapter) parse
 * with it, so `SyntaxKind` numbers never cross two copies of TypeScript. Rules never import this value: they
 * receive it as `context.ts`. Only modules that parse import this one, so `errlint --version`, `rules` and
 * `explain` never load the compiler.
 */
import ts from 'typescript';

export type TS = typeof import('typescript');

export const compiler: TS = ts;
