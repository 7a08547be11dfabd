/** What the layers' transaction rewrites read from the file: the local name a package is imported under. */
import type * as ts from 'typescript';
import type { TS } from '../../ts.js';
import { fileImports } from '../scope.js';

/** The default or namespace name an ES import of a module matching `pattern` binds (`''` for none; undefined when not imported). */
export function importedModuleName(t: TS, sf: ts.SourceFile, pattern: RegExp): string | undefined {
  const { references, bindings } = fileImports(t, sf);
  const ref = references.find((r) => (r.kind === 'import' || r.kind === 'side-effect') && pattern.test(r.module));
  if (!ref) return undefined;
  const local = (imported: string): string | undefined => [...bindings.values()].find((b) => b.statement === ref.statement && b.imported === imported)?.node.text;
  return local('default') ?? local('*') ?? '';
}
