/**
 * The one TypeScript compiler errlint runs: the copy bundled with ts-morph. Both hosts (the CLI engine and the
 * ESLint adapter) parse with it, so `SyntaxKind` numbers never cross two copies of TypeScript. Rules never
 * import this value: they receive it as `context.ts`.
 */
import { ts } from 'ts-morph';

export type TS = typeof import('typescript');

export const compiler = ts as unknown as TS;
