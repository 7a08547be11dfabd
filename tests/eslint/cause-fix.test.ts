/**
 * lost-error-context's `{ cause }` fix through a real ESLint (issue 16): a fix where the file's tsconfig gives the
 * Error constructors their options argument (lib es2022.error), a suggestion elsewhere.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../src/eslint/plugin.js';

const source = `export async function readConfig(load: () => Promise<string>): Promise<string> {
  try {
    return await load();
  } catch (err) {
    throw new Error('config could not be read');
  }
}
`;

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

async function lintIn(target: string) {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'errlint-eslint-cause-')));
  dirs.push(dir);
  fs.mkdirSync(path.join(dir, 'src'));
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target, strict: true }, include: ['src'] }));
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    fix: true,
    overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { errlint: plugin }, rules: { 'errlint/lost-error-context': 'warn' } }],
  });
  const [result] = await eslint.lintText(source, { filePath: path.join(dir, 'src', 'config.ts') });
  return result!;
}

describe('lost-error-context { cause } fix in ESLint', () => {
  it('fixes the throw where the tsconfig targets ES2022', async () => {
    const result = await lintIn('ES2022');
    expect(result.output).toBe(source.replace("new Error('config could not be read')", "new Error('config could not be read', { cause: err })"));
    expect(result.messages).toEqual([]);
  });

  it('offers a suggestion only (Object.assign) where the tsconfig targets ES2021', async () => {
    const result = await lintIn('ES2021');
    expect(result.output).toBeUndefined();
    expect(result.messages.map((m) => [m.ruleId, m.messageId, m.line])).toEqual([['errlint/lost-error-context', 'missingCause', 5]]);
    expect(result.messages[0]!.suggestions?.map((s) => s.messageId)).toEqual(['attachCause']);
  });
});
