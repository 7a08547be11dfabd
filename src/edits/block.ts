/** Changing the statements of a block while keeping what the author wrote around them: comments and layout. */
import type * as ts from 'typescript';
import type { TS } from '../ts.js';
import type { TextEdit } from '../types.js';
import { indentUnit, lineIndent, startsLine } from './indent.js';

export interface BlockChange {
  /** Statements of the block to remove (their comments stay). */
  drop?: ReadonlySet<ts.Node>;
  /** Add the lines before the first statement kept instead of at the end. */
  atStart?: boolean;
  /** A block with nothing inside (`{}`) becomes `{ line }` instead of one line per statement. */
  emptyInline?: boolean;
}

/**
 * Edits that remove `change.drop` from `block` and add `lines` (statements, without indentation) at its end or,
 * with `atStart`, before the first statement kept. Every comment in the block stays: a statement is removed
 * from the line break before it (or, on a one-line block, from the end of what precedes it) to its end, and the
 * lines go after the last thing in the block, comments included, in the block's own indentation; a one-line
 * block stays on one line. Only a block with nothing but whitespace inside is rewritten whole.
 */
export function editBlock(t: TS, sf: ts.SourceFile, block: ts.Block, lines: readonly string[], change: BlockChange = {}): TextEdit[] {
  const text = sf.text;
  const open = block.getStart(sf);
  const close = block.end - 1;
  const inside = text.slice(open + 1, close);
  const outer = lineIndent(text, close);
  const inner = /\n([ \t]*)\S/.exec(inside)?.[1] ?? outer + indentUnit(text);
  if (inside.trim() === '') {
    return [{ range: [open, block.end], text: change.emptyInline ? `{ ${lines.join(' ')} }` : `{\n${lines.map((l) => inner + l).join('\n')}\n${outer}}` }];
  }
  const oneLine = !inside.includes('\n');
  const drop = change.drop ?? new Set<ts.Node>();
  const edits: TextEdit[] = [];
  for (const st of block.statements) {
    if (!drop.has(st)) continue;
    const start = st.getStart(sf);
    let from = start;
    if (oneLine) {
      while (from > open + 1 && /[ \t]/.test(text[from - 1]!)) from--;
    } else if (startsLine(text, start)) {
      from = text.lastIndexOf('\n', start - 1);
      if (text[from - 1] === '\r') from--;
    }
    edits.push({ range: [from, st.end], text: '' });
  }
  const firstKept = block.statements.find((st) => !drop.has(st));
  if (change.atStart && firstKept) {
    const at = firstKept.getStart(sf);
    edits.push({ range: [at, at], text: oneLine ? `${lines.join(' ')} ` : lines.map((l) => `${l}\n${inner}`).join('') });
  } else {
    // after the last statement or comment: a comment closing the block stays where it was
    let at = close;
    while (at > open + 1 && /\s/.test(text[at - 1]!)) at--;
    edits.push({ range: [at, at], text: oneLine ? ` ${lines.join(' ')}` : lines.map((l) => `\n${inner}${l}`).join('') });
  }
  return edits;
}
