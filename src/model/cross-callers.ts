/**
 * How the other files of a package call a function a file exports, for suggestions that make that function throw
 * or reject where it answered before (swallowed-catch's rethrow, a removed `.catch`). The function's own file is
 * judged by the rule (analysis/callers.ts `contractChangeReason`); this looks at the rest of the package: every
 * reference that imports the function by name (named import, destructured `require`, `ns.name` on a namespace or
 * whole-module import), or, for a method, every `x.name` access, classified as the in-file callers are. A file is
 * parsed only when its text names the function; test files do not count. Name matches are deliberately loose (a
 * same-named export of another module counts too): a wrong match can only withhold a suggestion.
 */
import path from 'node:path';
import type * as ts from 'typescript';
import { skipOuter, walk } from '../analysis/ast.js';
import { classifyUse, type CallerUseKind } from '../analysis/callers.js';
import { fileImports } from '../analysis/scope.js';
import { readSource } from '../engine/file-runner.js';
import { parseSource } from '../engine/lint-source.js';
import { defaultFilePatterns } from '../engine/file-facts.js';
import { globMatcher } from '../glob.js';
import { compiler, type TS } from '../ts.js';
import type { ModuleResolver } from './resolve.js';

/** The exported function a throw suggestion would change, as the condition carries it. */
export interface ExportedCallee {
  /** Its name: the exported name of a function, the member name of a method. */
  name: string;
  /** A method of an exported class or object: calls are `x.name(…)` with any receiver. */
  member: boolean;
  /** Async or promise-returning: a call left as a statement is a floating promise. */
  async: boolean;
}

const isTestPath = globMatcher(defaultFilePatterns.tests, { dot: true });

/** References to `callee` in `sf` (a file other than `file`, which defines it). */
function referencesIn(t: TS, sf: ts.SourceFile, abs: string, file: string, callee: ExportedCallee, resolver: ModuleResolver): ts.Expression[] {
  const out: ts.Expression[] = [];
  const direct = new Set<string>();
  const namespaces = new Set<string>();
  for (const [local, b] of fileImports(t, sf).bindings) {
    if (b.typeOnly) continue;
    if (b.imported === callee.name) direct.add(local);
    else if ((b.imported === '*' || b.imported === 'default') && resolver.resolve(abs, b.module) !== undefined) {
      // `import utils from './utils'` / `const utils = require('./utils')`: `utils.name(…)`; a default import of
      // the defining file may be the function itself
      namespaces.add(local);
      if (b.imported === 'default' && resolver.resolve(abs, b.module) === file) direct.add(local);
    }
  }
  if (direct.size === 0 && namespaces.size === 0 && !callee.member) return out;
  walk(t, sf, (n) => {
    // a method: `x.name` on any receiver (an instance, `this.service`, an injected dependency)
    if (t.isPropertyAccessExpression(n) && n.name.text === callee.name && (callee.member || namespaces.has(skipOuter(t, n.expression).getText(sf)))) out.push(n);
    else if (t.isIdentifier(n) && direct.has(n.text) && isValueReference(t, n)) out.push(n);
  }, true);
  return out;
}

/** An identifier used as a value: not a declaration, an import, a property name or a type. */
function isValueReference(t: TS, n: ts.Identifier): boolean {
  const p = n.parent;
  if (!p) return false;
  if (t.isPropertyAccessExpression(p) && p.name === n) return false;
  if ((t.isPropertyAssignment(p) || t.isVariableDeclaration(p) || t.isParameter(p) || t.isBindingElement(p) || t.isFunctionDeclaration(p) || t.isMethodDeclaration(p)) && p.name === n) return false;
  if (t.isImportSpecifier(p) || t.isImportClause(p) || t.isNamespaceImport(p) || t.isImportEqualsDeclaration(p) || t.isExportSpecifier(p)) return false;
  if (t.isTypeReferenceNode(p) || t.isTypeQueryNode(p) || t.isQualifiedName(p)) return false;
  return true;
}

/**
 * How the other (non-test) files of `file`'s package use `callee`: one kind per reference. A file is parsed only
 * when its text names the callee; texts and trees stay in `cache` (several suggestions of a run ask about the same
 * package).
 */
export function crossFileUses(resolver: ModuleResolver, file: string, callee: ExportedCallee, cache: CallerFileCache, t: TS = compiler): CallerUseKind[] {
  const { dir, files } = resolver.packageSources(file);
  const word = new RegExp(`\\b${callee.name.replace(/\$/g, '\\$')}\\b`);
  const kinds: CallerUseKind[] = [];
  for (const abs of files) {
    if (abs === file || isTestPath(path.relative(dir, abs).split(path.sep).join('/'))) continue;
    let text = cache.texts.get(abs);
    if (text === undefined) {
      const read = readSource(abs, abs);
      text = 'text' in read ? read.text : null;
      cache.texts.set(abs, text);
    }
    if (text === null || !word.test(text)) continue;
    let sf = cache.trees.get(abs);
    if (sf === undefined) cache.trees.set(abs, (sf = parseOrNull(text, abs, t)));
    // a file errlint cannot parse (nesting deep enough to overflow the parser) names the callee: its calls are unknown
    if (sf === null) kinds.push('passed');
    else for (const ref of referencesIn(t, sf, abs, file, callee, resolver)) kinds.push(classifyUse(t, ref, callee.async));
  }
  return kinds;
}

/** The package files read and parsed to find callers, by absolute path, kept for the life of a project model. */
export interface CallerFileCache {
  texts: Map<string, string | null>;
  /** null: the file could not be parsed. */
  trees: Map<string, ts.SourceFile | null>;
}

/** The file's tree, or null when parsing it fails (the audit's per-file boundary does not cover this read). */
function parseOrNull(text: string, abs: string, t: TS): ts.SourceFile | null {
  try {
    return parseSource(text, abs, t);
  } catch {
    return null; // a stack overflow in the parser on adversarial nesting: the file's calls stay unknown
  }
}

/**
 * Whether every caller elsewhere in the package would handle the throw or rejection: none leaves the promise
 * floating or passes the function on as a callback, and — when the function answers callers a value on
 * success (`usesValue`) — none uses the value it got on failure outside a try.
 */
export function callersReadyForThrow(kinds: readonly CallerUseKind[], usesValue: boolean): boolean {
  return kinds.every((k) => k === 'guarded' || k === 'propagated' || (k === 'uses-value' && !usesValue));
}
