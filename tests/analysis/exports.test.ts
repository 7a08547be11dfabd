import { describe, expect, it } from 'vitest';
import { localExports } from '../../src/analysis/exports.js';
import { compiler as t } from '../../src/ts.js';

function exportsOf(code: string): string[] {
  const sf = t.createSourceFile('m.ts', code, t.ScriptTarget.Latest, true, t.ScriptKind.TS);
  return localExports(t, sf).map((e) => `${e.exported}<-${e.local ?? t.SyntaxKind[e.node!.kind]}`);
}

describe('localExports', () => {
  it.each([
    ['export function load() {}', ['load<-load']],
    ['export default function load() {}', ['default<-load']],
    ['export default function () {}', ['default<-FunctionDeclaration']],
    ['export class Store {}\nexport default class {}', ['Store<-Store', 'default<-ClassDeclaration']],
    ['export const a = 1, b = () => 2;', ['a<-a', 'b<-b']],
    ['export const { a } = obj;', []],
    ['const a = 1; const b = 2;\nexport { a, b as c };', ['a<-a', 'c<-b']],
    ['const api = create();\nexport default api;', ['default<-api']],
    ['export default create({ timeout: 1 });', ['default<-CallExpression']],
    ['export default (async () => 1);', ['default<-ParenthesizedExpression']],
    // not its own code, or not an ES export
    ["export { a } from './a';\nexport * from './b';", []],
    ['const a = 1;\nexport = a;', []],
    ['module.exports = { a };', []],
    ['function hidden() {}\nconst x = 1;', []],
  ])('%s', (code, want) => expect(exportsOf(code)).toEqual(want));
});
