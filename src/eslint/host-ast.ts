/**
 * The TypeScript AST the ESLint parser already built, when errlint can use it instead of parsing the file again.
 * `@typescript-eslint/parser` maps ESTree nodes to TypeScript nodes (`parserServices.esTreeNodeToTSNodeMap`),
 * with or without type information, so the `Program` node leads to its `ts.SourceFile`. Those nodes come from
 * whatever copy of TypeScript the parser loaded; `SyntaxKind` numbers differ between TypeScript versions, so the
 * tree is used only together with the very module that made it (found among the loaded copies by the
 * constructor of its `SourceFile` objects), and rules receive that module as `context.ts`.
 */
import { createRequire } from 'node:module';
import type * as ts from 'typescript';
import type { TS } from '../ts.js';

interface ParserServicesLike {
  esTreeNodeToTSNodeMap?: { get(node: unknown): unknown };
}

export interface HostAst {
  sourceFile: ts.SourceFile;
  /** The TypeScript module that made `sourceFile`. */
  ts: TS;
}

const moduleCache = createRequire(import.meta.url).cache;
/** Loaded TypeScript copies by the constructor of the `SourceFile` objects they make. */
const byConstructor = new Map<unknown, TS>();
let scannedModules = 0;

function isTypeScriptModule(value: unknown): value is TS {
  const t = value as Partial<TS> | undefined;
  return typeof t?.createSourceFile === 'function' && typeof t.forEachChild === 'function' && typeof t.SyntaxKind === 'object';
}

/** Indexes every copy of TypeScript loaded through `require` since the last look (a parser loads its own once). */
function indexLoadedCopies(): void {
  const keys = Object.keys(moduleCache);
  if (keys.length === scannedModules) return;
  scannedModules = keys.length;
  for (const key of keys) {
    if (!/[\\/]typescript(?:\.js|[\\/]lib[\\/]typescript\.js)$/.test(key)) continue;
    const t = moduleCache[key]?.exports as unknown;
    if (!isTypeScriptModule(t)) continue;
    const probe = t.createSourceFile('errlint-probe.ts', '', t.ScriptTarget.Latest);
    if (!byConstructor.has(probe.constructor)) byConstructor.set(probe.constructor, t);
  }
}

function moduleThatMade(sourceFile: ts.SourceFile, known: readonly TS[]): TS | undefined {
  const ctor = sourceFile.constructor;
  for (const t of known) {
    if (!byConstructor.has(ctor) && t.createSourceFile('errlint-probe.ts', '', t.ScriptTarget.Latest).constructor === ctor) byConstructor.set(ctor, t);
  }
  if (!byConstructor.has(ctor)) indexLoadedCopies();
  return byConstructor.get(ctor);
}

/**
 * The parser's `ts.SourceFile` for this ESLint `SourceCode` and the module that made it, or undefined when the
 * parser is not typescript-eslint's (espree), the tree is not a source file of the same text, or the module that
 * made it cannot be found. `known` lists modules to try first (errlint's own compiler).
 */
export function hostAst(sourceCode: { ast: unknown; text: string; parserServices?: unknown }, known: readonly TS[]): HostAst | undefined {
  const map = (sourceCode.parserServices as ParserServicesLike | undefined)?.esTreeNodeToTSNodeMap;
  if (!map || typeof map.get !== 'function') return undefined;
  const node = map.get(sourceCode.ast) as ts.SourceFile | undefined;
  if (!node || typeof node !== 'object' || node.text !== sourceCode.text) return undefined;
  const t = moduleThatMade(node, known);
  if (!t || node.kind !== t.SyntaxKind.SourceFile) return undefined;
  return { sourceFile: node, ts: t };
}
