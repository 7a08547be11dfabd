import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileImports } from '../../src/analysis/scope.js';
import { compiler as t } from '../../src/ts.js';

const root = path.resolve(import.meta.dirname, '../..');

// Each folder and the modules above it that it must never import (type-only imports included): knowledge
// and analysis know nothing of rules or hosts, rules see analysis and the rule contract only, the engine
// runs whatever rules it is handed.
const HOSTS = ['src/audit.ts', 'src/cli.ts', 'src/index.ts', 'src/fix.ts', 'src/fix-run.ts', 'src/lint-setup.ts', 'src/worker.ts', 'src/merge.ts', 'src/baseline.ts', 'src/eslint/', 'src/reporters/'];
const LAYERS: { folder: string; forbidden: string[] }[] = [
  { folder: 'src/knowledge/', forbidden: ['rules/', 'src/analysis/', 'src/engine/', 'src/config/', 'src/risk.ts', 'src/define-rule.ts', ...HOSTS] },
  { folder: 'src/analysis/', forbidden: ['rules/', 'src/engine/', 'src/config/', 'src/risk.ts', 'src/define-rule.ts', ...HOSTS] },
  { folder: 'rules/', forbidden: ['src/engine/', 'src/config/', ...HOSTS] },
  { folder: 'src/engine/', forbidden: ['rules/', 'src/config/', ...HOSTS] },
  { folder: 'src/config/', forbidden: ['rules/', ...HOSTS] },
];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}${e.name}`;
    if (e.isDirectory()) return sourceFiles(`${rel}/`);
    return e.name.endsWith('.ts') ? [rel] : [];
  });
}

/** The repository paths a file imports (relative specifiers only, `.js` read as `.ts`). */
function importedPaths(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const sf = t.createSourceFile(file, text, t.ScriptTarget.Latest, true, t.ScriptKind.TS);
  return fileImports(t, sf)
    .references.filter((r) => r.module.startsWith('.'))
    .map((r) => path.posix.join(path.posix.dirname(file), r.module).replace(/\.js$/, '.ts'));
}

describe('layers', () => {
  it.each(LAYERS)('$folder imports nothing from the layers above it', ({ folder, forbidden }) => {
    const files = sourceFiles(folder);
    expect(files.length).toBeGreaterThan(0);
    const upward = files.flatMap((file) => importedPaths(file).filter((p) => forbidden.some((f) => p === f || p.startsWith(f))).map((p) => `${file} -> ${p}`));
    expect(upward).toEqual([]);
  });

  it('catches an upward import', () => {
    // the check itself: rules/index.ts imports rules, which the engine may not
    expect(importedPaths('rules/index.ts').some((p) => p.startsWith('rules/'))).toBe(true);
  });
});
