import { describe, expect, it } from 'vitest';
import type * as ts from 'typescript';
import { isLoggerExpression } from '../../src/analysis/loggers.js';
import { importsOf } from '../../src/analysis/scope.js';
import { defaultKnowledge } from '../../src/knowledge/index.js';
import { compiler as t } from '../../src/ts.js';

/** Whether `out` of `import out from '<module>'; out.error(e)` is a logger. */
function importedIsLogger(module: string): boolean {
  const sf = t.createSourceFile('file.ts', `import out from '${module}';\nout.error(e);`, t.ScriptTarget.Latest, true, t.ScriptKind.TS);
  const stmt = sf.statements[1] as ts.ExpressionStatement;
  const call = stmt.expression as ts.CallExpression;
  const receiver = (call.expression as ts.PropertyAccessExpression).expression;
  return isLoggerExpression(t, receiver, defaultKnowledge, importsOf(t, sf));
}

describe('a project module is a logger by the words of its path, not a substring', () => {
  it.each([
    ['./logger', true],
    ['./lib/log', true],
    ['@/logging', true],
    ['./app-logger', true],
    ['./utils/requestLogger', true],
    ['./logger/index', true],
    ['./loggers/pino', true],
    ['pino', true],
    // `blogger` only contains the letters of `logger`
    ['./blogger', false],
    ['./services/bloggerService', false],
    ['./catalog', false],
    ['lodash', false],
  ])('%s → %s', (module, expected) => {
    expect(importedIsLogger(module)).toBe(expected);
  });
});
