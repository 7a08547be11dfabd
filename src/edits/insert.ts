/** Adding a property to an object literal or an argument to a call, keeping the layout the author chose. */
import type * as ts from 'typescript';
import type { TS } from '../ts.js';
import type { TextEdit } from '../types.js';
import { skipOuter } from '../analysis/ast.js';
import { lineIndent } from './indent.js';

function spansLines(sf: ts.SourceFile, start: number, end: number): boolean {
  return sf.text.slice(start, end).includes('\n');
}

/**
 * Adds `prop` (`timeout: 5000`) as the last property of `obj`: one line stays one line, one property per line
 * stays so (with the indentation of the last property), and a trailing comma is kept.
 */
export function addProperty(t: TS, sf: ts.SourceFile, obj: ts.ObjectLiteralExpression, prop: string): TextEdit {
  const props = obj.properties;
  if (props.length === 0) return { range: [obj.getStart(sf), obj.getEnd()], text: `{ ${prop} }` };
  const last = props[props.length - 1]!;
  const comma = props.hasTrailingComma ? sf.text.indexOf(',', last.getEnd()) + 1 : -1;
  if (spansLines(sf, obj.getStart(sf), obj.getEnd())) {
    const indent = lineIndent(sf.text, last.getStart(sf));
    return comma > 0 ? { range: [comma, comma], text: `\n${indent}${prop},` } : { range: [last.getEnd(), last.getEnd()], text: `,\n${indent}${prop}` };
  }
  return comma > 0 ? { range: [comma, comma], text: ` ${prop},` } : { range: [last.getEnd(), last.getEnd()], text: `, ${prop}` };
}

/**
 * Appends arguments (`text`, already joined with `, `) to a call or `new` expression, after the last one in the
 * same layout. `undefined` for `new X` without parentheses.
 */
export function addArguments(t: TS, sf: ts.SourceFile, call: ts.CallExpression | ts.NewExpression, text: string): TextEdit | undefined {
  const args = call.arguments;
  const close = call.getEnd() - 1;
  if (sf.text[close] !== ')') return undefined;
  if (!args || args.length === 0) return { range: [close, close], text };
  const last = args[args.length - 1]!;
  const comma = args.hasTrailingComma ? sf.text.indexOf(',', last.getEnd()) + 1 : -1;
  if (spansLines(sf, args[0]!.getStart(sf), close) && sf.text.slice(last.getEnd(), close).includes('\n')) {
    const indent = lineIndent(sf.text, last.getStart(sf));
    return comma > 0 ? { range: [comma, comma], text: `\n${indent}${text},` } : { range: [last.getEnd(), last.getEnd()], text: `,\n${indent}${text}` };
  }
  return comma > 0 ? { range: [comma, comma], text: ` ${text},` } : { range: [last.getEnd(), last.getEnd()], text: `, ${text}` };
}

/** Wraps a string in single quotes for generated code. */
export function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

/**
 * Adds `prop` (`transaction: t`) to the options object at argument `index` of a call: into an object literal,
 * over a spread of another value, or as a new argument (earlier missing ones filled with `fill`).
 */
export function addOption(t: TS, sf: ts.SourceFile, call: ts.CallExpression, index: number, prop: string, fill = '{}'): TextEdit {
  const args = call.arguments;
  if (index < args.length) {
    const arg = skipOuter(t, args[index]!);
    if (t.isObjectLiteralExpression(arg)) {
      if (arg.properties.length === 0) return { range: [arg.getStart(sf), arg.getEnd()], text: `{ ${prop} }` };
      const last = arg.properties[arg.properties.length - 1]!;
      return { range: [last.getEnd(), last.getEnd()], text: `, ${prop}` };
    }
    if (t.isIdentifier(arg) && arg.text === 'undefined') return { range: [arg.getStart(sf), arg.getEnd()], text: `{ ${prop} }` };
    return { range: [args[index]!.getStart(sf), args[index]!.getEnd()], text: `{ ...${args[index]!.getText(sf)}, ${prop} }` };
  }
  const fills = Array.from({ length: index - args.length }, () => fill);
  const text = [...fills, `{ ${prop} }`].join(', ');
  if (args.length === 0) {
    const close = call.getEnd() - 1; // the `)`
    return { range: [close, close], text };
  }
  const lastArg = args[args.length - 1]!;
  return { range: [lastArg.getEnd(), lastArg.getEnd()], text: `, ${text}` };
}
