/**
 * Keeps the docs honest (typescript-eslint's docs.test.mts, ESLint's check-rule-examples.js): every rule has a
 * page with the agreed headings, one heading per option, and every "Incorrect" example fires the rule while
 * every "Correct" one does not.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.js';
import { lintCase } from '../utils/rule-tester.js';
import { REPO_ROOT } from '../utils/exec.js';

const HEADINGS = ['## What it flags', '## Why it matters', '## How to fix', '## Options', '## Examples', '### Incorrect', '### Correct', '## What it does not flag', '## Related rules'];

function section(markdown: string, heading: string, next: RegExp): string {
  const start = markdown.indexOf(`${heading}\n`);
  if (start === -1) return '';
  const rest = markdown.slice(start + heading.length + 1);
  const end = rest.search(next);
  return end === -1 ? rest : rest.slice(0, end);
}

function codeBlocks(text: string): string[] {
  return [...text.matchAll(/```(?:ts|tsx|js|typescript|javascript)\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

/** `// file: app/api/x/route.ts` on the first line sets the file name an example is linted as. */
function filenameOf(code: string): string {
  return /^\/\/ file: (\S+)/.exec(code)?.[1] ?? 'src/example.ts';
}

describe.each(allRules.map((r) => [r.meta.id, r] as const))('docs/rules/%s.md', (id, rule) => {
  const file = path.join(REPO_ROOT, 'docs', 'rules', `${id}.md`);
  const markdown = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';

  it('exists and has the agreed headings in order', () => {
    expect(markdown.startsWith(`# ${id}\n`), `${file} must start with "# ${id}"`).toBe(true);
    let at = 0;
    for (const heading of HEADINGS) {
      const found = markdown.indexOf(`\n${heading}\n`, at);
      expect(found, `missing or out of order: ${heading}`).toBeGreaterThan(-1);
      at = found;
    }
  });

  it('documents every option under its own heading', () => {
    const options = Object.keys((rule.meta.schema as { properties?: object }).properties ?? {});
    const text = section(markdown, '## Options', /\n## /);
    if (options.length === 0) expect(text).toContain('This rule has no options.');
    for (const option of options) expect(text, `option ${option}`).toContain(`### ${option}\n`);
  });

  it('lists every exemption reason the rule declares, as `errlint explain` shows them', () => {
    const reasons = Object.entries(rule.meta.exemptions ?? {});
    const text = section(markdown, '## Exemption reasons', /\n## /);
    if (reasons.length === 0) expect(text).toBe('');
    for (const [reason, meaning] of reasons) expect(text, `reason ${reason}`).toContain(`- \`${reason}\`: ${meaning}.\n`);
  });

  it('has a README rules-table row with its preset, family and default risk from meta', () => {
    expect(fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8')).toContain(`| [${id}](docs/rules/${id}.md) | ${rule.meta.preset} | ${rule.meta.family} | ${rule.meta.risk} |`);
  });

  if ((rule.meta.scope ?? 'file') === 'file') {
    const examples = section(markdown, '## Examples', /\n## /);
    const incorrect = codeBlocks(section(examples, '### Incorrect', /\n### /));
    const correct = codeBlocks(section(examples, '### Correct', /\n### /));

    it('has incorrect and correct examples', () => {
      expect(incorrect.length).toBeGreaterThan(0);
      expect(correct.length).toBeGreaterThan(0);
    });

    it.each(incorrect.map((code, i) => [i, code] as const))('incorrect example %i fires the rule', (_i, code) => {
      expect(lintCase(rule, { code, filename: filenameOf(code) }).length).toBeGreaterThan(0);
    });

    it.each(correct.map((code, i) => [i, code] as const))('correct example %i does not fire', (_i, code) => {
      expect(lintCase(rule, { code, filename: filenameOf(code) }).map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([]);
    });
  }
});

describe('README.md', () => {
  it('shows a configuration example that errlint accepts', async () => {
    const { validateConfig } = await import('../../src/config/load-config.js');
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const block = /## Configuration[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block, 'a ```json block under ## Configuration').toBeDefined();
    expect(() => validateConfig(JSON.parse(block!), 'README.md', allRules)).not.toThrow();
  });
});
