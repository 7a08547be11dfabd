/** Generated adversarial sources for the reliability tests: deep nesting of each kind, and long flat files. */
export type NestingKind = 'if' | 'try' | 'function' | 'then' | 'plus' | 'elseIf' | 'paren' | 'call' | 'array';

/** A module whose one construct is nested (or chained) `n` deep. */
export function nested(kind: NestingKind, n: number): string {
  switch (kind) {
    case 'if':
      return `export function f(a: number) {\n${'if (a) {\n'.repeat(n)}a++;\n${'}\n'.repeat(n)}}\n`;
    case 'try':
      return `export function f() {\n${'try {\n'.repeat(n)}g();\n${'} catch (e) { console.log(e); }\n'.repeat(n)}}\n`;
    case 'function':
      return `export ${Array.from({ length: n }, (_, i) => `function f${i}() {\n`).join('')}return 1;\n${'}\n'.repeat(n)}`;
    case 'then':
      return `export const p = fetch('x')${'\n  .then((r) => r)\n  .catch((e) => { console.log(e); })'.repeat(n)};\n`;
    case 'plus':
      return `export const s = 'a'${'\n  + x'.repeat(n)};\n`;
    case 'elseIf':
      return `export function f(a: number) {\n  if (a === 0) { throw new Error('x'); }\n${Array.from({ length: n }, (_, i) => `  else if (a === ${i + 1}) { throw new Error('y'); }\n`).join('')}}\n`;
    case 'paren':
      return `export const x = ${'(\n'.repeat(n)}1${')\n'.repeat(n)};\n`;
    case 'call':
      return `export const x = ${'f(\n'.repeat(n)}1${')\n'.repeat(n)};\n`;
    case 'array':
      return `export const x = ${'[\n'.repeat(n)}1${']\n'.repeat(n)};\n`;
  }
}

/** `n` one-line functions, each with a try/catch that logs to the console (swallowed-catch, console-logging). */
export function flatFunctions(n: number): string {
  return Array.from({ length: n }, (_, i) => `export function f${i}() { try { g(); } catch (e) { console.log(e); } }\n`).join('');
}

/** `n` top-level try statements with empty catches: one finding each, all siblings of one list. */
export function flatTries(n: number): string {
  return Array.from({ length: n }, (_, i) => `try { g${i}(); } catch (e) {}\n`).join('');
}

/** One function holding `n` sibling try statements whose catches log or swallow (one scope, many handlers). */
export function siblingTries(n: number): string {
  const body = Array.from({ length: n }, (_, i) => (i % 2 ? `  try { await g${i}(); } catch (e) { console.error(e); }\n` : `  try { await g${i}(); } catch {}\n`)).join('');
  return `export async function f() {\n${body}}\n`;
}

