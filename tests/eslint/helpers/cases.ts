/**
 * Converts a rule's own case table (tests/rules/<id>.cases.ts) into ESLint RuleTester cases, so the ESLint host
 * is held to the same expectations as the engine. What a table leaves unsaid (suggestions on an error that
 * does not list them) is taken from the engine's result for that case: the adapter must agree with it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as espree from 'espree';
import { applyEdits } from '../../../src/engine/apply-edits.js';
import type { AnyRule } from '../../../src/types.js';
import { lintCase, type InvalidCase, type RuleCases, type ValidCase, type ValidCaseObject } from '../../utils/rule-tester.js';

export const repoRoot = path.resolve(import.meta.dirname, '../../..');

export type Dialect = 'ts' | 'js';

export interface EslintValidCase {
  code: string;
  filename: string;
  options?: [Record<string, unknown>];
  settings?: Record<string, unknown>;
}

export interface EslintSuggestion {
  messageId: string;
  data?: Record<string, string | number>;
  output: string;
}

export interface EslintError {
  messageId: string;
  data?: Record<string, string | number>;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  suggestions?: EslintSuggestion[];
}

export interface EslintInvalidCase extends EslintValidCase {
  output: string | null;
  errors: EslintError[];
}

export async function loadCases(id: string): Promise<RuleCases | undefined> {
  const file = path.join(repoRoot, 'tests/rules', `${id}.cases.ts`);
  if (!existsSync(file)) return undefined;
  const mod = (await import(pathToFileURL(file).href)) as { cases?: RuleCases };
  return mod.cases;
}

/** `src/file.ts` → `src/file.js`, `a.tsx` → `a.jsx`: the name a plain-JS copy of the case gets. */
export function jsFilename(filename: string): string {
  return filename.replace(/\.([cm]?)ts$/, '.$1js').replace(/\.tsx$/, '.jsx');
}

/** Whether ESLint's default parser accepts the code as it stands (no TypeScript syntax). */
export function isPlainJs(code: string): boolean {
  try {
    espree.parse(code, { ecmaVersion: 'latest', sourceType: 'module', ecmaFeatures: { jsx: false } });
    return true;
  } catch {
    return false;
  }
}

function common(c: ValidCaseObject, dialect: Dialect): EslintValidCase {
  const base = c.filename ?? 'src/file.ts';
  const out: EslintValidCase = { code: c.code, filename: dialect === 'js' ? jsFilename(base) : base };
  if (c.options) out.options = [c.options];
  if (c.knowledge) out.settings = { errlint: { knowledge: c.knowledge } };
  return out;
}

export function toValid(v: ValidCase, dialect: Dialect): EslintValidCase {
  return common(typeof v === 'string' ? { code: v } : v, dialect);
}

export function toInvalid(rule: AnyRule, c: InvalidCase, dialect: Dialect): EslintInvalidCase {
  const engine = lintCase(rule, c);
  const errors = c.errors.map((want, i): EslintError => {
    const got = engine[i];
    const error: EslintError = { messageId: want.messageId, line: want.line, column: want.column };
    if (want.data) error.data = want.data;
    if (want.endLine !== undefined) error.endLine = want.endLine;
    if (want.endColumn !== undefined) error.endColumn = want.endColumn;
    if (want.suggestions) {
      // text-only suggestions (why no rewrite is offered) have no ESLint counterpart
      error.suggestions = want.suggestions.filter((s) => s.output !== c.code).map((s) => ({ messageId: s.messageId, ...(s.data ? { data: s.data } : {}), output: s.output }));
    } else {
      const unsafe = got?.suggestions.filter((s) => !s.safe && s.edits.length > 0) ?? [];
      if (unsafe.length > 0) error.suggestions = unsafe.map((s) => ({ messageId: s.messageId, output: applyEdits(c.code, [s.edits]).text }));
    }
    return error;
  });
  return { ...common(c, dialect), output: c.output ?? null, errors };
}

/** ESLint's RuleTester rejects duplicate cases; tables may repeat one under a different comment. */
export function unique<T>(cases: T[]): T[] {
  const seen = new Set<string>();
  return cases.filter((c) => {
    const key = JSON.stringify(c);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
