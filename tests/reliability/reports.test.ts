import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../utils/exec.js';
import { tempProject } from '../utils/temp-project.js';

// issue 19: file names with escape codes were printed raw in text and GitHub output; `--rule ","` silently ran
// every rule; merged SARIF listed project rules that never ran.

const SWALLOWED = 'export async function f() {\n  try {\n    await g();\n  } catch (e) {\n    console.log("\x1b[2J", e);\n  }\n}\n';
const ESC = '\x1b';
// a failure masked as `false` in a function no other module can call: swallowed-catch offers a rethrow, so the
// fix summary names the file
const MASKED = 'async function f() {\n  try {\n    await g();\n  } catch (e) {\n    return false;\n  }\n  return true;\n}\n';
const NAME = `src/${ESC}[2J${ESC}]0;owned\x07\u202Eevil.ts`;
const SHOWN = 'src/\\x1b[2J\\x1b]0;owned\\x07\\u202eevil.ts';

const audit = (cwd: string, ...args: string[]) => run(['audit', 'src', '--no-timing', '--preset', 'strict', ...args], cwd);

describe('names and text a terminal would act on are shown escaped', () => {
  it.each([['text'], ['github'], ['markdown']])('%s output', async (format) => {
    const cwd = tempProject({ [NAME]: SWALLOWED });
    const r = await audit(cwd, '--format', format);
    expect(r.stdout).toContain(SHOWN);
    expect(r.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f\u202e]/);
  });

  it('keeps JSON exact: its consumers get the real name', async () => {
    const cwd = tempProject({ [NAME]: SWALLOWED });
    const r = await audit(cwd, '--format', 'json');
    expect(JSON.parse(r.stdout).findings[0].file).toBe(NAME);
  });

  it('escapes a name in the fix summary and in notices on standard error', async () => {
    const cwd = tempProject({ [NAME]: MASKED, 'src/a.ts': 'export const a = 1;\n' });
    const fixed = await audit(cwd, '--format', 'json', '--apply-suggestions', 'swallowed-catch');
    expect(fixed.stderr).toContain(`${SHOWN}: applied swallowed-catch`);
    fs.writeFileSync(path.join(cwd, `src/${ESC}[2Jnotes.txt`), 'x');
    const skipped = await run(['audit', `src/${ESC}[2Jnotes.txt`, 'src/a.ts', '--no-timing'], cwd);
    expect(skipped.stderr).toBe('errlint: Skipped src/\\x1b[2Jnotes.txt: not a JavaScript or TypeScript source file.\n');
    const missing = await run(['audit', `src/${ESC}[2Jgone.ts`, '--no-timing'], cwd);
    expect(missing.code).toBe(2);
    expect(missing.stderr).not.toContain(ESC);
  });
});

describe('an empty rule list is a usage error', () => {
  it.each([[['--rule', ',']], [['--rule', '']], [['--rule', ' , ']], [['--fix', '--fix-rule', ',']], [['--apply-suggestions', ',']]])('%j exits 2 with a message', async (args) => {
    const cwd = tempProject({ 'src/a.ts': SWALLOWED });
    const r = await audit(cwd, ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`errlint: ${args.at(-2)} "${args.at(-1)}" names no rule: give rule ids separated by commas (\`errlint rules\` lists them).\n`);
    expect(fs.readFileSync(path.join(cwd, 'src/a.ts'), 'utf8')).toBe(SWALLOWED);
  });
});

describe('errlint merge', () => {
  it('lists in SARIF only the rules the shards ran', async () => {
    const cwd = tempProject({ 'src/a.ts': SWALLOWED, 'src/b.ts': SWALLOWED, 'src/c.ts': 'export const c = 1;\n' });
    for (const i of [1, 2]) await audit(cwd, '--rule', 'swallowed-catch,console-logging', '--shard', `${i}/2`, '--format', `json=shard-${i}.json`);
    const whole = await audit(cwd, '--rule', 'swallowed-catch,console-logging', '--format', 'sarif');
    const merged = await run(['merge', 'shard-1.json', 'shard-2.json', '--format', 'sarif'], cwd);
    const ids = (sarif: string) => (JSON.parse(sarif).runs[0].tool.driver.rules as { id: string }[]).map((r) => r.id);
    expect(ids(merged.stdout)).toEqual(['console-logging', 'swallowed-catch']);
    expect(ids(merged.stdout)).toEqual(ids(whole.stdout));
  });

  it('falls back to the rules with findings for a report that does not list its rules', async () => {
    const cwd = tempProject({ 'src/a.ts': SWALLOWED });
    await audit(cwd, '--rule', 'swallowed-catch,generic-error', '--format', 'json=old.json');
    const old = JSON.parse(fs.readFileSync(path.join(cwd, 'old.json'), 'utf8'));
    delete old.summary.rules;
    fs.writeFileSync(path.join(cwd, 'old.json'), JSON.stringify(old));
    const merged = await run(['merge', 'old.json', '--format', 'sarif'], cwd);
    expect((JSON.parse(merged.stdout).runs[0].tool.driver.rules as { id: string }[]).map((r) => r.id)).toEqual(['swallowed-catch']);
  });
});
