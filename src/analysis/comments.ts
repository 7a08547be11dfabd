/**
 * The one reader of comments: what is written above a node, after it on its line, at the head of a file, and a
 * function's doc comment. Comments are read as text (TypeScript's comment ranges), never as JSDoc nodes: ESLint's
 * parser builds none, and errlint parses without them. Suppression directives have their own reader
 * (`directives.ts`), which needs each comment's position.
 */
import type * as ts from 'typescript';
import type { TS } from '../ts.js';
import { isFunctionLike } from './ast.js';

/** A comment and where it is in its file. */
export interface Comment {
  pos: number;
  end: number;
  text: string;
}

/**
 * The comments at `pos`: `leading`, those between the token before `pos` and the next token (a node's `pos` starts
 * its leading comments); `trailing`, those right after `pos` up to the end of its line.
 */
export function commentsAt(t: TS, sf: ts.SourceFile, pos: number, side: 'leading' | 'trailing'): Comment[] {
  const ranges = side === 'leading' ? t.getLeadingCommentRanges(sf.text, pos) : t.getTrailingCommentRanges(sf.text, pos);
  return (ranges ?? []).map((r) => ({ pos: r.pos, end: r.end, text: sf.text.slice(r.pos, r.end) }));
}

/** The text of the comments before `pos` (see `commentsAt`). */
export function commentsBefore(t: TS, sf: ts.SourceFile, pos: number): string[] {
  return commentsAt(t, sf, pos, 'leading').map((c) => c.text);
}

/** The comments written above `node`. */
function leadingComments(t: TS, node: ts.Node): string[] {
  return commentsBefore(t, node.getSourceFile(), node.pos);
}

/** The statement, class member or property a function is written in: where its doc comment sits. */
function documentedNode(t: TS, fn: ts.Node): ts.Node {
  let holder: ts.Node = fn;
  while (holder.parent && !t.isBlock(holder.parent) && !t.isSourceFile(holder.parent) && !t.isClassLike(holder.parent) && !t.isModuleBlock(holder.parent)) holder = holder.parent;
  return holder;
}

/** A function's doc comments (`/** … *\/` and `//` alike), each as written. */
export function docComments(t: TS, fn: ts.Node): string[] {
  return leadingComments(t, documentedNode(t, fn));
}

/** A comment's text on one line: its line breaks, with the `*` that opens each JSDoc line, become one space. */
export function oneLine(comment: string): string {
  return comment.replace(/\s*\n\s*\*?\s*/g, ' ');
}

/** The comments above the statement holding `node` and above each function, member and property around it. */
export function commentsAround(t: TS, node: ts.Node): string[] {
  const sf = node.getSourceFile();
  const out: string[] = [];
  for (let n: ts.Node | undefined = node; n && !t.isSourceFile(n); n = n.parent) {
    if (t.isStatement(n) || isFunctionLike(t, n) || t.isClassElement(n) || t.isPropertyAssignment(n)) out.push(...commentsBefore(t, sf, n.pos));
  }
  return out;
}

/** The comments ahead of a file's first statement: its header (a license, a generator's notice, a file-wide directive). */
export function fileHeaderComments(t: TS, sf: ts.SourceFile): string[] {
  const first = sf.statements[0];
  return commentsBefore(t, sf, first ? first.pos : sf.endOfFileToken.pos);
}
