/**
 * The project-rule runner. Per file, each project rule rides the engine's single traversal as an adapter
 * file rule whose context can `collect` facts; after the last file, each rule's `check` sees every file's facts
 * in path order and reports at a file + site. Findings get the same messages, risk scoring and suppressions
 * as file findings, so every reporter and the baseline treat them alike.
 */
import fs from 'node:fs';
import path from 'node:path';
import type * as ts from 'typescript';
import type { Knowledge } from '../knowledge/index.js';
import { contextFactors } from '../risk.js';
import { compiler } from '../ts.js';
import type {
  AnyRule,
  CodeRole,
  Finding,
  ProjectFile,
  ProjectFileContext,
  ProjectManifest,
  ProjectPackage,
  ProjectReportDescriptor,
  ProjectRuleModule,
  ProjectSummary,
  RuleContext,
  Site,
} from '../types.js';
import { toFinding, type ResolvedRule } from './lint-source.js';
import { findDirectives, isSuppressed, type Directive } from '../analysis/directives.js';
import type { Timings } from './timing.js';

export function isProjectRule(rule: AnyRule): rule is ProjectRuleModule {
  return rule.meta.scope === 'project' && typeof (rule as Partial<ProjectRuleModule>).check === 'function';
}

/** Where a node sits in its file, as plain data. */
export function siteOf(t: typeof compiler, sf: ts.SourceFile, node: ts.Node, filePath: string): Site {
  const start = node.getStart(sf);
  const end = node.getEnd();
  const s = sf.getLineAndCharacterOfPosition(start);
  const e = sf.getLineAndCharacterOfPosition(end);
  return { start, end, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, factors: contextFactors(t, node, filePath) };
}

/**
 * What one file gave the project rules: plain data (no nodes), so a worker thread can send it and the cache
 * can keep it. Only files where some rule collected a fact have one.
 */
export interface ProjectFileData {
  role: CodeRole;
  isExample: boolean;
  /** Facts per project rule id, in the order they were collected. */
  facts: Record<string, unknown[]>;
  /** The file's suppression directives, to apply to project findings reported in it. */
  directives: Directive[];
}

export interface ProjectOutcome {
  findings: Finding[];
  /** Text of each file a project finding sits in (for code frames and baseline fingerprints). */
  sources: Map<string, string>;
  /** Directives that suppressed a project finding: `file:line:column`, so they are not reported as unused. */
  usedDirectives: Set<string>;
  summary: ProjectSummary;
}

/** The per-file half of project rules: adapters that ride the file traversal and collect each file's facts. */
export interface ProjectCollector {
  /** Adapters to pass to `lintSource` with the file rules: they collect this file's facts in the same traversal. */
  fileRules: ResolvedRule[];
  /**
   * Call after each linted file: returns what the file contributed (or undefined) and forgets it. Pass the
   * directives `lintSource` found, or they are read again from the parsed file.
   */
  take(filePath: string, directives?: Directive[]): ProjectFileData | undefined;
}

/** A project summary section published by a rule (`errorShapes`); rules write it through `check`'s context. */
type SummaryKey = keyof ProjectSummary;

/** The rules that run per file. */
export function fileRulesOf(resolved: readonly ResolvedRule[]): ResolvedRule[] {
  return resolved.filter((r) => (r.rule.meta.scope ?? 'file') === 'file');
}

export function projectRulesOf(resolved: readonly ResolvedRule[]): ResolvedRule[] {
  return resolved.filter((r) => isProjectRule(r.rule));
}

export function createProjectCollector(resolved: readonly ResolvedRule[], t: typeof compiler = compiler): ProjectCollector {
  const projectRules = projectRulesOf(resolved);
  let current: { filePath: string; file: RuleContext['file']; sourceFile: ts.SourceFile; facts: Record<string, unknown[]> } | undefined;

  const fileRules: ResolvedRule[] = projectRules.map((r) => {
    const rule = r.rule as ProjectRuleModule;
    const id = rule.meta.id;
    const adapter: AnyRule = {
      meta: rule.meta,
      create(context: RuleContext) {
        const { filePath, file, sourceFile } = context;
        if (current?.filePath !== filePath || current.sourceFile !== sourceFile) current = { filePath, file, sourceFile, facts: {} };
        const mine = current;
        const projectContext: ProjectFileContext = {
          ts: context.ts,
          sourceFile,
          filePath,
          options: context.options,
          knowledge: context.knowledge,
          file,
          report: context.report,
          collect(fact) {
            (mine.facts[id] ??= []).push(fact);
          },
          site: (node) => siteOf(context.ts as typeof compiler, sourceFile, node, filePath),
        };
        return rule.create(projectContext);
      },
    };
    return { rule: adapter, options: r.options, risk: r.risk };
  });

  return {
    fileRules,
    take(filePath, directives) {
      const c = current;
      current = undefined;
      if (!c || c.filePath !== filePath || Object.keys(c.facts).length === 0) return undefined;
      const { role, isExample } = c.file;
      return { role, isExample, facts: c.facts, directives: directives ?? findDirectives(t, c.sourceFile) };
    },
  };
}

export interface FinishProjectInput {
  resolved: readonly ResolvedRule[];
  knowledge: Knowledge;
  /** Every audited file, relative to the working directory. */
  files: readonly string[];
  /** What each file contributed (files without facts may be absent). */
  data: ReadonlyMap<string, ProjectFileData>;
  manifest: ProjectManifest | undefined;
  packages?: readonly ProjectPackage[];
  /** The text of a file a project finding lands in, for code frames (read again from disk by the CLI). */
  readText: (file: string) => string | undefined;
  timing?: Timings;
}

/** The project half: every rule's `check` over all files' facts in path order, suppressions applied. */
export function finishProject(input: FinishProjectInput): ProjectOutcome {
  const { knowledge, data, manifest, timing, readText } = input;
  const packages = input.packages ?? [];
  const files = [...input.files].sort();
  const findings: Finding[] = [];
  const sources = new Map<string, string>();
  const usedDirectives = new Set<string>();
  const summary: ProjectSummary = {};
  for (const r of projectRulesOf(input.resolved)) {
    const rule = r.rule as ProjectRuleModule;
    const id = rule.meta.id;
    const ruleInput: ProjectFile[] = [];
    for (const f of files) {
      const rec = data.get(f);
      const facts = rec?.facts[id];
      if (rec && facts) ruleInput.push({ file: f, facts, role: rec.role, isExample: rec.isExample });
    }
    const seen = new Set<string>();
    const checkStart = timing ? performance.now() : 0;
    rule.check(ruleInput, {
      options: r.options,
      knowledge,
      files,
      manifest,
      packages,
      publish(key: SummaryKey, value: ProjectSummary[SummaryKey]) {
        (summary as Record<string, unknown>)[key] = value;
      },
      report(d: ProjectReportDescriptor) {
        const { site } = d;
        const finding = toFinding(r, d, { file: d.file, line: site.line, column: site.column, endLine: site.endLine, endColumn: site.endColumn, range: [site.start, site.end] }, site.factors);
        const key = `${finding.file}\0${finding.range[0]}\0${finding.range[1]}\0${finding.messageId}`;
        if (seen.has(key)) return;
        seen.add(key);
        const directives = data.get(d.file)?.directives ?? [];
        if (directives.length > 0 && isSuppressed(directives, id, finding.line)) {
          for (const dir of directives) if (dir.used) usedDirectives.add(`${d.file}:${dir.line}:${dir.column}`);
          return;
        }
        findings.push(finding);
        if (!sources.has(d.file)) {
          const text = readText(d.file);
          if (text !== undefined) sources.set(d.file, text);
        }
      },
    });
    if (timing) timing.rule(id, performance.now() - checkStart);
  }
  return { findings, sources, usedDirectives, summary };
}

/** Reads `package.json` in `dir` (or the nearest ancestor up to the repository root) for project rules. */
export function readManifest(dir: string): ProjectManifest | undefined {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const file = path.join(d, 'package.json');
    if (fs.existsSync(file)) return parseManifest(file);
    if (fs.existsSync(path.join(d, '.git')) || path.dirname(d) === d) return undefined;
  }
}

function parseManifest(file: string): ProjectManifest | undefined {
  try {
    const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    const deps = new Set<string>();
    for (const key of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies']) {
      const value = pkg[key];
      if (value && typeof value === 'object') for (const name of Object.keys(value)) deps.add(name);
    }
    const scripts = pkg.scripts && typeof pkg.scripts === 'object' ? (pkg.scripts as Record<string, string>) : {};
    return {
      name: typeof pkg.name === 'string' ? pkg.name : undefined,
      dependencies: [...deps].sort(),
      scripts: Object.fromEntries(Object.entries(scripts).filter(([, v]) => typeof v === 'string')),
      isLibrary: ['main', 'exports', 'module', 'types'].some((k) => pkg[k] !== undefined),
      ...(pkg.bin !== undefined ? { isCli: true } : {}),
    };
  } catch {
    // an unreadable or malformed package.json tells us nothing; project rules then rely on code alone
    return undefined;
  }
}

/**
 * The package roots of the audited files (`files` relative to `cwd`, `/` separators): each directory from a
 * file up to `cwd` with a `package.json` that names a package or lists dependencies (a bare
 * `{ "type": "module" }` marks no package). Project rules judge the apps of a monorepo one by one from these.
 */
export function readPackages(cwd: string, files: readonly string[]): ProjectPackage[] {
  const seen = new Map<string, ProjectPackage | undefined>();
  for (const file of files) {
    if (file.startsWith('../')) continue;
    for (let dir = path.posix.dirname(file); ; dir = path.posix.dirname(dir)) {
      const key = dir === '.' ? '' : dir;
      if (seen.has(key)) break;
      const manifestPath = path.join(cwd, key, 'package.json');
      const manifest = fs.existsSync(manifestPath) ? parseManifest(manifestPath) : undefined;
      seen.set(key, manifest && (manifest.name !== undefined || manifest.dependencies.length > 0) ? { dir: key, manifest } : undefined);
      if (key === '') break;
    }
  }
  return [...seen.values()].filter((p): p is ProjectPackage => p !== undefined).sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
}
