/** Indentation: what a line is indented with, the file's unit, and re-indenting a range one level deeper. */
import type * as ts from 'typescript';
import type { TS } from '../ts.js';
import type { TextEdit } from '../types.js';

/** The whitespace that starts the line holding `pos`. */
export function lineIndent(text: string, pos: number): string {
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

/** One level of the file's indentation: a tab, four spaces when no line is indented by two, else two spaces. */
export function indentUnit(text: string): string {
  const m = /\n([ \t]+)\S/.exec(text);
  if (!m) return '  ';
  if (m[1]!.startsWith('\t')) return '\t';
  return /\n {4}\S/.test(text) && !/\n {2}\S/.test(text) ? '    ' : '  ';
}

/** Whether only whitespace precedes `pos` on its line (a statement starts its line). */
export function startsLine(text: string, pos: number): boolean {
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  return /^[ \t]*$/.test(text.slice(lineStart, pos));
}

/**
 * Edits indenting every line after the first of `[start, end)` by `unit`, leaving blank lines and the inside of
 * template literals alone (their text is the value).
 */
export function indentRange(t: TS, sf: ts.SourceFile, start: number, end: number, unit: string): TextEdit[] {
  const templates: [number, number][] = [];
  const visit = (n: ts.Node): void => {
    if (n.end <= start || n.pos >= end) return;
    if (t.isNoSubstitutionTemplateLiteral(n) || t.isTemplateHead(n) || t.isTemplateMiddle(n) || t.isTemplateTail(n)) templates.push([n.getStart(sf), n.getEnd()]);
    t.forEachChild(n, visit);
  };
  visit(sf);
  const edits: TextEdit[] = [];
  const text = sf.text;
  for (let p = text.indexOf('\n', start); p >= 0 && p < end; p = text.indexOf('\n', p + 1)) {
    const at = p + 1;
    if (templates.some(([a, b]) => a < at && at < b)) continue;
    if (text[at] === '\n' || text[at] === '\r') continue;
    edits.push({ range: [at, at], text: unit });
  }
  return edits;
}
