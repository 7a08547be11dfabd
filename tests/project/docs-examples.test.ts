import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import { tempProject } from '../utils/temp-project.js';

const DOCS = path.resolve(import.meta.dirname, '../../docs/rules');

interface ExampleProject {
  kind: 'incorrect' | 'correct';
  files: Record<string, string>;
}

/**
 * Project-rule docs show multi-file layouts: consecutive ```ts blocks (no prose between them) under
 * `### Incorrect` or `### Correct` are the files of one example project, each named by its `// file:` line.
 */
function exampleProjects(markdown: string): ExampleProject[] {
  const out: ExampleProject[] = [];
  let kind: ExampleProject['kind'] | undefined;
  let current: ExampleProject | undefined;
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('#')) {
      kind = line === '### Incorrect' ? 'incorrect' : line === '### Correct' ? 'correct' : undefined;
      current = undefined;
      continue;
    }
    if (!kind) continue;
    if (line === '```ts') {
      const body: string[] = [];
      for (i++; i < lines.length && lines[i] !== '```'; i++) body.push(lines[i]!);
      const header = /^\/\/ file: (\S+)$/.exec(body[0] ?? '');
      const file = header ? header[1]! : 'src/example.ts';
      if (!current) out.push((current = { kind, files: {} }));
      current.files[file] = `${body.join('\n')}\n`;
      continue;
    }
    if (line.trim() !== '') current = undefined;
  }
  return out;
}

for (const id of ['inconsistent-error-shape', 'missing-error-boundary']) {
  describe(`docs/rules/${id}.md examples`, () => {
    const projects = exampleProjects(fs.readFileSync(path.join(DOCS, `${id}.md`), 'utf8'));
    it('has incorrect and correct examples', () => {
      expect(projects.some((p) => p.kind === 'incorrect')).toBe(true);
      expect(projects.some((p) => p.kind === 'correct')).toBe(true);
    });
    projects.forEach((p, i) => {
      it(`${p.kind} example ${i + 1} ${p.kind === 'incorrect' ? 'fires' : 'does not fire'}`, async () => {
        const cwd = tempProject({ 'package.json': '{ "name": "example", "private": true }', ...p.files });
        const r = await audit({ cwd, config: {}, only: [id] });
        expect(r.errors).toEqual([]);
        if (p.kind === 'incorrect') expect(r.findings.length).toBeGreaterThan(0);
        else expect(r.findings).toEqual([]);
      });
    });
  });
}
