/** SQL text: what a string, template or `sql` tag handed to a query method says, and which statement it starts with. */
import type * as ts from 'typescript';
import type { TS } from '../ts.js';
import { skipOuter } from './ast.js';
import { resolveName } from './scope.js';

export type SqlKind = 'write' | 'read' | 'begin' | 'commit' | 'rollback' | 'ddl' | 'other';

/** Where the first SQL keyword starts, past whitespace, parentheses and comments (one linear pass). */
function sqlStart(text: string): number {
  let i = 0;
  for (;;) {
    const c = text[i];
    if (c === undefined) return i;
    if (c === '(' || c.trim() === '') i++;
    else if (text.startsWith('--', i)) {
      const eol = text.indexOf('\n', i);
      i = eol === -1 ? text.length : eol + 1;
    } else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      i = close === -1 ? text.length : close + 2;
    } else return i;
  }
}

/** Classifies SQL text by its leading keyword (comments, parentheses and a `WITH` prefix looked through). */
export function classifySql(text: string): SqlKind {
  const s = text.slice(sqlStart(text));
  const word = /^[A-Za-z]+/.exec(s)?.[0]?.toUpperCase();
  switch (word) {
    case 'INSERT':
    case 'UPDATE':
    case 'DELETE':
    case 'MERGE':
    case 'REPLACE':
    case 'UPSERT':
    case 'TRUNCATE':
      return 'write';
    case 'WITH':
      return /\b(INSERT\s+INTO|UPDATE\s+\S+\s+SET|DELETE\s+FROM|MERGE\s+INTO)\b/i.test(s) ? 'write' : 'read';
    case 'SELECT':
    case 'SHOW':
    case 'EXPLAIN':
    case 'VALUES':
    case 'TABLE':
      return 'read';
    case 'BEGIN':
      return 'begin';
    case 'START':
      return /^START\s+TRANSACTION/i.test(s) ? 'begin' : 'other';
    case 'COMMIT':
    case 'END':
      return 'commit';
    case 'ROLLBACK':
    case 'ABORT':
      return /^ROLLBACK\s+TO/i.test(s) ? 'other' : 'rollback';
    case 'CREATE':
    case 'ALTER':
    case 'DROP':
      return 'ddl';
    default:
      return 'other';
  }
}

export function templateText(t: TS, tpl: ts.TemplateLiteral): string {
  if (t.isNoSubstitutionTemplateLiteral(tpl)) return tpl.text;
  return tpl.head.text + tpl.templateSpans.map((s) => ' ? ' + s.literal.text).join('');
}

/** The SQL text an argument carries: a literal, a template, a `sql` tagged template, `{ text }` or a const. */
export function sqlTextOf(t: TS, expr: ts.Expression | undefined, depth = 0): string | undefined {
  if (!expr || depth > 3) return undefined;
  const e = skipOuter(t, expr);
  if (t.isStringLiteral(e) || t.isNoSubstitutionTemplateLiteral(e)) return e.text;
  if (t.isTemplateExpression(e)) return templateText(t, e);
  if (t.isTaggedTemplateExpression(e)) return templateText(t, e.template);
  if (t.isBinaryExpression(e) && e.operatorToken.kind === t.SyntaxKind.PlusToken) return sqlTextOf(t, e.left, depth + 1);
  if (t.isObjectLiteralExpression(e)) {
    for (const p of e.properties) {
      if (t.isPropertyAssignment(p) && t.isIdentifier(p.name) && (p.name.text === 'text' || p.name.text === 'sql')) return sqlTextOf(t, p.initializer, depth + 1);
    }
    return undefined;
  }
  if (t.isIdentifier(e)) {
    const decl = resolveName(t, e.text, e);
    if (decl?.kind === 'var' && decl.init && decl.isConst) return sqlTextOf(t, decl.init, depth + 1);
  }
  return undefined;
}

