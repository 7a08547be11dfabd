import { describe, expect, it } from 'vitest';
import type * as ts from 'typescript';
import { fileImports, fileScope, resolveName } from '../../src/analysis/scope.js';
import { compiler as t } from '../../src/ts.js';

function parse(code: string): ts.SourceFile {
  return t.createSourceFile('file.ts', code, t.ScriptTarget.Latest, true, t.ScriptKind.TS);
}

/** The identifier named `name` at its `nth` occurrence (0-based) in the file. */
function identifier(sf: ts.SourceFile, name: string, nth: number): ts.Identifier {
  const found: ts.Identifier[] = [];
  const visit = (n: ts.Node): void => {
    if (t.isIdentifier(n) && n.text === name) found.push(n);
    t.forEachChild(n, visit);
  };
  visit(sf);
  const id = found[nth];
  if (!id) throw new Error(`no occurrence ${nth} of ${name}`);
  return id;
}

describe('resolveName', () => {
  // code, the name, which occurrence is the use, the expected kind, and the line of the declaring identifier
  const cases: [code: string, name: string, use: number, kind: string | undefined, line?: number][] = [
    ['const x = 1;\nfunction f() {\n  return x;\n}', 'x', 1, 'var', 1],
    ['const x = 1;\nfunction f(x: number) {\n  return x;\n}', 'x', 2, 'param', 2],
    ['const x = 1;\nfunction f() {\n  {\n    const x = 2;\n  }\n  return x;\n}', 'x', 2, 'var', 1],
    ['try {} catch (err) {\n  log(err);\n}', 'err', 1, 'catch', 1],
    ['for (const item of items) {\n  use(item);\n}', 'item', 1, 'forOf', 1],
    ['for (let i = 0; i < 3; i++) use(i);', 'i', 3, 'var', 1],
    ['import { a as b } from "m";\nb();', 'b', 1, 'import', 1],
    ['import x = require("m");\nx();', 'x', 1, 'import', 1],
    ['const f = function fact(n) {\n  return fact(n - 1);\n};', 'fact', 1, 'self', 1],
    ['const f = function fact(fact) {\n  return fact;\n};', 'fact', 2, 'param', 1],
    ['enum E { A }\nuse(E.A);', 'E', 1, 'enum', 1],
    ['const { a, b: { c } } = obj;\nuse(c);', 'c', 1, 'var', 1],
    ['switch (k) {\n  case 1:\n    const y = 1;\n    use(y);\n}', 'y', 1, 'var', 3],
    ['use(globalThing);', 'globalThing', 0, undefined],
    ['function f() {\n  const x = 1;\n}\nuse(x);', 'x', 1, undefined],
  ];
  it.each(cases)('%s: %s', (code, name, use, kind, line) => {
    const sf = parse(code);
    const d = resolveName(t, name, identifier(sf, name, use));
    expect(d?.kind).toBe(kind);
    if (d) expect(sf.getLineAndCharacterOfPosition(d.id.getStart(sf)).line + 1).toBe(line);
  });

  it('keeps the declaration whole and the binding element apart for destructured names', () => {
    const sf = parse('const { a, b: { c } } = obj;\nuse(c);');
    const d = resolveName(t, 'c', identifier(sf, 'c', 1))!;
    expect(t.isVariableDeclaration(d.node)).toBe(true);
    expect(t.isBindingElement(d.declaration)).toBe(true);
    expect(d.destructured).toBe(true);
    expect(d.init).toBeUndefined();
  });

  it('gives a parameter its function and index', () => {
    const sf = parse('function f(a, { b }) {\n  return b;\n}');
    const d = resolveName(t, 'b', identifier(sf, 'b', 1))!;
    expect(d.kind).toBe('param');
    expect(d.index).toBe(1);
    expect(d.fn && t.isFunctionDeclaration(d.fn)).toBe(true);
  });

  it('marks a variable bound by a top-level require as an import', () => {
    const sf = parse("const { Pool } = require('pg');\nconst local = 1;");
    expect(fileScope(t, sf).get('Pool')?.import?.module).toBe('pg');
    expect(fileScope(t, sf).get('local')?.import).toBeUndefined();
  });
});

describe('fileImports', () => {
  it('reads every kind of import with its nodes', () => {
    const sf = parse(
      [
        "import def, { a as b, type T } from 'esm';",
        "import * as ns from 'ns';",
        "import type { U } from 'types';",
        "import 'side';",
        "import eq = require('eq');",
        "const cjs = require('cjs');",
        "const { c, d: e, ...rest } = require('destructured');",
        "const member = require('member').member;",
        "const dyn = await import('dyn');",
        "export { f as g } from 're';",
        "export * from 'star';",
        "export * as all from 'all';",
        "function inner() { return require('inner'); }",
      ].join('\n'),
    );
    const { bindings, references, reExports } = fileImports(t, sf);
    const summary = [...bindings].map(([local, b]) => `${local}=${b.kind}:${b.module}:${b.imported}${b.typeOnly ? ':type' : ''}`);
    expect(summary).toEqual([
      'def=import:esm:default',
      'b=import:esm:a',
      'T=import:esm:T:type',
      'ns=import:ns:*',
      'U=import:types:U:type',
      'eq=import-equals:eq:*',
      'cjs=require:cjs:*',
      'c=require:destructured:c',
      'e=require:destructured:d',
      'member=require:member:member',
      'dyn=dynamic-import:dyn:*',
    ]);
    for (const b of bindings.values()) expect(b.node.text).toBe([...bindings].find(([, v]) => v === b)![0]);
    expect(references.map((r) => `${r.kind}:${r.module}`)).toEqual([
      'import:esm',
      'import:ns',
      'import:types',
      'side-effect:side',
      'import-equals:eq',
      'require:cjs',
      'require:destructured',
      'require:member',
      'dynamic-import:dyn',
      're-export:re',
      're-export:star',
      're-export:all',
    ]);
    expect(reExports.map((r) => `${r.module}:${r.imported}->${r.exported}`)).toEqual(['re:f->g', 'star:*->*', 'all:*->all']);
    expect(references.every((r) => sf.text.slice(r.specifier.getStart(sf) + 1, r.specifier.getEnd() - 1) === r.module)).toBe(true);
  });
});
