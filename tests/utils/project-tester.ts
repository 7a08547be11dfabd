/**
 * Runs a table of multi-file cases (project rules, and file rules that read other modules) through every host: the
 * `audit()` API, the real CLI (its JSON report) and a real ESLint with the plugin (for the rules it hosts, on the
 * files it would lint). All three must report exactly the expected findings, as tests/utils/rule-tester.ts holds
 * both hosts of a file rule to one table.
 */
import fs from 'node:fs';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import type { UserConfig } from '../../src/config/load-config.js';
import { applyEdits } from '../../src/engine/apply-edits.js';
import plugin from '../../src/eslint/plugin.js';
import type { Preset, TextEdit } from '../../src/types.js';
import { errlint } from './exec.js';
import { tempProject } from './temp-project.js';

export interface ExpectedProjectSuggestion {
  description: string;
  /** A fix the CLI applies by itself (`--fix`); ESLint offers it as the message's fix. */
  safe?: true;
  /** The finding's file after applying this suggestion; omitted for a suggestion with no edits (it says why none). */
  output?: string;
}

export interface ExpectedProjectFinding {
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
  /** Every suggestion of the finding, in order; omitted: not compared. */
  suggestions?: ExpectedProjectSuggestion[];
}

export interface ProjectCase {
  name: string;
  /** Relative path → content. A `.git` folder is added (the project root), unless `git: false`. */
  files: Record<string, string>;
  /** The rules to run (`--rule`). */
  rules: string[];
  /** Written to `.errlintrc.json` at the root, so every host reads it as a user would set it (ESLint: as rule options and `settings.errlint`). */
  config?: UserConfig;
  preset?: Preset;
  /** Audit only these files or folders (`errlint audit <paths>`); ESLint lints the source files under them. */
  paths?: string[];
  /** Every finding the run reports, in any order. */
  findings: ExpectedProjectFinding[];
  git?: false;
  only?: true;
  /** More tests on the case's project (an editor session that edits a module, a cache re-run), declared in its describe block. */
  more?: (project: ProjectHandle) => void;
}

export interface ProjectHandle {
  /** The project's directory; valid inside tests. */
  readonly cwd: string;
  /** ESLint's findings for `file` (relative), its text read from disk unless given. */
  eslint(file: string, text?: string): Omit<ExpectedProjectFinding, 'suggestions'>[];
}

type ActualFinding = Omit<ExpectedProjectFinding, 'suggestions'> & { suggestions: ExpectedProjectSuggestion[] };

const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const eslintRuleIds = new Set(Object.keys(plugin.rules));

function order(a: ExpectedProjectFinding, b: ExpectedProjectFinding): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message);
}

/** The findings as the case states them: suggestions only where the case states them for that finding. */
function comparable(actual: ActualFinding[], expected: readonly ExpectedProjectFinding[]): ExpectedProjectFinding[] {
  const sorted = [...actual].sort(order);
  const want = [...expected].sort(order);
  return sorted.map((f, i) => {
    const { suggestions, ...rest } = f;
    return want[i]?.suggestions ? { ...rest, suggestions } : rest;
  });
}

function suggestionOf(text: string, s: { description: string; safe: boolean; edits: readonly Pick<TextEdit, 'range' | 'text'>[] }): ExpectedProjectSuggestion {
  return {
    description: s.description,
    ...(s.safe ? { safe: true as const } : {}),
    ...(s.edits.length > 0 ? { output: applyEdits(text, [s.edits.map((e) => ({ range: [e.range[0], e.range[1]] as [number, number], text: e.text }))]).text } : {}),
  };
}

/** The ESLint flat config of a case: the hosted rules it runs, with the options and settings of its errlint config. */
function eslintConfig(c: ProjectCase, hosted: readonly string[]): Linter.Config[] {
  const options = (id: string): unknown[] => {
    const entry = c.config?.rules?.[id];
    return entry && typeof entry === 'object' && 'options' in entry && entry.options ? [entry.options] : [];
  };
  const settings = c.config?.knowledge || c.config?.files ? { errlint: { ...(c.config.knowledge ? { knowledge: c.config.knowledge } : {}), ...(c.config.files ? { files: c.config.files } : {}) } } : {};
  return [
    {
      files: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'],
      languageOptions: { parser: tsParser },
      plugins: { errlint: plugin },
      settings,
      rules: Object.fromEntries(hosted.map((id) => [`errlint/${id}`, ['error', ...options(id)]])),
    },
  ];
}

/** The files ESLint lints for a case: the source files under its `paths`, or all of them. */
function eslintFiles(c: ProjectCase): string[] {
  const under = (file: string) => !c.paths || c.paths.some((p) => file === p || file.startsWith(`${p.replace(/\/$/, '')}/`) || p === '.');
  return Object.keys(c.files).filter((f) => SOURCE.test(f) && under(f)).sort();
}

/** Declares one describe block per case, with one test per host. */
export function runProjectTests(title: string, cases: readonly ProjectCase[]): void {
  describe(title, () => {
    for (const c of cases) {
      const declare = c.only ? describe.only : describe;
      declare(c.name, () => {
        let cwd = '';
        beforeAll(() => {
          cwd = tempProject({ ...c.files, ...(c.config ? { '.errlintrc.json': JSON.stringify(c.config) } : {}) });
          if (c.git !== false) fs.mkdirSync(path.join(cwd, '.git'));
        });
        afterAll(() => fs.rmSync(cwd, { recursive: true, force: true }));
        const read = (file: string): string => fs.readFileSync(path.join(cwd, file), 'utf8');
        const hosted = c.rules.filter((r) => eslintRuleIds.has(r));
        const lint = (file: string, text = read(file)): ActualFinding[] => {
          const linter = new Linter({ cwd });
          return linter.verify(text, eslintConfig(c, hosted), path.join(cwd, file)).map((m) => {
            expect(m.ruleId, `${file}:${m.line}:${m.column} ${m.message}`).toMatch(/^errlint\//);
            const fixOutput = m.fix ? [{ description: '', safe: true as const, output: applyEdits(text, [[{ range: m.fix.range, text: m.fix.text }]]).text }] : [];
            const suggestions = (m.suggestions ?? []).map((s) => ({ description: s.desc, output: applyEdits(text, [[{ range: s.fix.range, text: s.fix.text }]]).text }));
            return { file, line: m.line, column: m.column, rule: m.ruleId!.replace(/^errlint\//, ''), message: m.message, suggestions: [...fixOutput, ...suggestions] };
          });
        };

        it('audit() reports exactly the expected findings', async () => {
          const run = await audit({ cwd, only: c.rules, ...(c.paths ? { paths: c.paths } : {}), ...(c.preset ? { preset: c.preset } : {}) });
          expect(run.errors).toEqual([]);
          expect(run.findings.filter((f) => f.dependsOn !== undefined || f.suggestions.some((s) => s.dependsOn !== undefined)), 'a reported finding and its suggestions are decided').toEqual([]);
          const got = run.findings.map((f) => ({ file: f.file, line: f.line, column: f.column, rule: f.ruleId, message: f.message, suggestions: f.suggestions.map((s) => suggestionOf(read(f.file), s)) }));
          expect(comparable(got, c.findings)).toEqual([...c.findings].sort(order));
        });

        it('the CLI reports the same in JSON', () => {
          const args = ['audit', ...(c.paths ?? []), ...c.rules.flatMap((r) => ['--rule', r]), ...(c.preset ? ['--preset', c.preset] : []), '--format', 'json', '--fail-on', 'none', '--no-timing'];
          const r = errlint(args, cwd);
          expect(r.stderr).toBe('');
          expect(r.code).toBe(0);
          const report = JSON.parse(r.stdout) as { findings: { file: string; line: number; column: number; ruleId: string; message: string; suggestions: { description: string; safe: boolean; edits: { range: [number, number]; text: string }[] }[] }[] };
          const got = report.findings.map((f) => ({ file: f.file, line: f.line, column: f.column, rule: f.ruleId, message: f.message, suggestions: f.suggestions.map((s) => suggestionOf(read(f.file), s)) }));
          expect(comparable(got, c.findings)).toEqual([...c.findings].sort(order));
        });

        if (hosted.length > 0) {
          it(`ESLint reports the same for ${hosted.join(', ')}`, () => {
            const files = eslintFiles(c);
            const got = files.flatMap((f) => lint(f));
            // ESLint shows a fix as one edit and a suggestion only when it has edits
            const want = c.findings
              .filter((f) => hosted.includes(f.rule) && files.includes(f.file))
              .map((f) => {
                if (!f.suggestions) return f;
                const shown = f.suggestions.filter((s) => s.output !== undefined);
                return { ...f, suggestions: [...shown.filter((s) => s.safe).map((s) => ({ ...s, description: '' })), ...shown.filter((s) => !s.safe)] };
              });
            expect(comparable(got, want)).toEqual(want.sort(order));
          });
        }

        c.more?.({
          get cwd() {
            return cwd;
          },
          eslint: (file, text) => lint(file, text).map(({ suggestions: _s, ...f }) => f),
        });
      });
    }
  });
}
