import type * as ts from 'typescript';
import { decideSuggestions, holdsWithoutProject } from '../model/conditions.js';
import type { Knowledge } from '../knowledge/index.js';
import { contextFactors, scoreRisk } from '../risk.js';
import { compiler, type TS } from '../ts.js';
import type {
  AnyRule,
  ExemptedSite,
  Exemption,
  FileError,
  FileFacts,
  Finding,
  NodeListener,
  RuleListeners,
  ReportDescriptor,
  RiskFactor,
  RiskLevel,
  RuleContext,
  Suggestion,
  TextEdit,
} from '../types.js';
import { enclosingContext } from '../analysis/ast.js';
import { DEFAULT_RULE_ROLES } from '../model/roles.js';
import { InternalError } from '../errors.js';
import { findDirectives, isSuppressed, type Directive } from '../analysis/directives.js';
import type { Timings } from './timing.js';

/** A rule with its options merged over defaults and its effective base risk. */
export interface ResolvedRule {
  rule: AnyRule;
  options: Record<string, unknown>;
  risk: RiskLevel;
}

export interface LintSourceInput {
  text: string;
  /** Relative to the working directory, `/` separators; its extension decides the dialect. */
  filePath: string;
  rules: readonly ResolvedRule[];
  knowledge: Knowledge;
  file: FileFacts;
  reportUnusedDirectives?: boolean;
  /** Every registered rule is among `rules`: only then can a directive that names no rule be called unused. */
  everyRuleRan?: boolean;
  /** When set, time per rule and per phase is added to it (listeners are wrapped only then). */
  timing?: Timings;
  /**
   * Keep findings that depend on another module (`dependsOn`) for the project model to decide; without it they
   * are decided as if no other module were known (`holdsWithoutProject`).
   */
  keepDeferred?: boolean;
  /** Analysis time allowed for the file, in ms (default `DEFAULT_FILE_BUDGET_MS`). */
  budgetMs?: number;
  /** Also return the sites rules exempted, with their reasons (`audit --show-exempt`). */
  collectExemptions?: boolean;
}

export interface LintSourceResult {
  findings: Finding[];
  error?: FileError;
  /** Set when parsing succeeded; reused by project-level checks. */
  sourceFile?: ts.SourceFile;
  /** The file's suppression directives (when it parsed), marked `used` where they suppressed a finding. */
  directives?: Directive[];
  /** With `collectExemptions`: the sites rules matched but exempted, in file order. */
  exempted?: ExemptedSite[];
}

export function scriptKindFor(t: TS, filePath: string): ts.ScriptKind {
  const ext = filePath.slice(filePath.lastIndexOf('.')).toLowerCase();
  switch (ext) {
    case '.tsx':
      return t.ScriptKind.TSX;
    case '.jsx':
      return t.ScriptKind.JSX;
    case '.js':
    case '.mjs':
    case '.cjs':
      return t.ScriptKind.JS;
    default:
      return t.ScriptKind.TS;
  }
}

/**
 * Parses with the bundled compiler; parent pointers set (rules walk upwards). JSDoc comments are not parsed
 * into nodes: no rule reads them (comments are read as text), and in JavaScript, where TypeScript parses every
 * JSDoc comment for its types, they were about a tenth of the parse.
 */
export function parseSource(text: string, filePath: string, t: TS = compiler): ts.SourceFile {
  const options: ts.CreateSourceFileOptions = { languageVersion: t.ScriptTarget.Latest, jsDocParsingMode: t.JSDocParsingMode?.ParseNone };
  const sf = t.createSourceFile(filePath, text, options, false, scriptKindFor(t, filePath));
  setParents(t, sf);
  return sf;
}

/**
 * Sets every node's `parent`, JSDoc included: what `createSourceFile(…, setParentNodes: true)` does, at about
 * half its cost (the compiler gathers each node's children into arrays first). An explicit stack, so a deeply
 * nested file cannot overflow the call stack.
 */
function setParents(t: TS, root: ts.Node): void {
  const forEachChild = t.forEachChild;
  const stack: ts.Node[] = [root];
  let parent: ts.Node = root;
  const bind = (child: ts.Node): void => {
    (child as { parent: ts.Node }).parent = parent;
    stack.push(child);
  };
  while (stack.length > 0) {
    const node = stack.pop()!;
    parent = node;
    forEachChild(node, bind);
    const docs = (node as { jsDoc?: ts.Node[] }).jsDoc;
    if (docs) {
      for (const doc of docs) {
        (doc as { parent: ts.Node }).parent = node;
        stack.push(doc);
      }
    }
  }
}

/** Sets parent pointers on a tree made elsewhere (an ESLint parser's), unless its maker already did. */
export function ensureParents(t: TS, sf: ts.SourceFile): void {
  const first = sf.statements[0] ?? sf.endOfFileToken;
  if (first.parent !== sf) setParents(t, sf);
}

/** The first syntax error of a parsed file, if any. */
export function firstParseError(sf: ts.SourceFile, t: TS = compiler): { message: string; line: number; column: number } | undefined {
  const diagnostics = (sf as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  const first = diagnostics.find((d) => d.category === t.DiagnosticCategory.Error);
  if (!first) return undefined;
  const { line, character } = sf.getLineAndCharacterOfPosition(first.start);
  return { message: t.flattenDiagnosticMessageText(first.messageText, '\n'), line: line + 1, column: character + 1 };
}

export function formatMessage(template: string, data: Record<string, string | number> | undefined): string {
  if (!data) return template;
  return template.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}

interface Dispatch {
  enter: (NodeListener[] | undefined)[];
  exit: (NodeListener[] | undefined)[];
  fileExit: (() => void)[];
  /** Kinds with a listener, to clear before the tables are reused. */
  used: number[];
}

function addListener(table: (NodeListener[] | undefined)[], kind: number, fn: NodeListener): void {
  (table[kind] ??= []).push(fn);
}

// Dispatch tables are dense (one slot per kind, so the per-node lookup is a packed-array load) and reused from
// file to file: only the slots a file's rules filled are cleared afterwards.
const tablePool: { size: number; enter: (NodeListener[] | undefined)[]; exit: (NodeListener[] | undefined)[] }[] = [];

/**
 * A rule's listeners as `[key, listener]` pairs for the dispatch tables, which call each with the node of its
 * key's kind (the pairing `RuleListeners` types).
 */
function listenerEntries(listeners: RuleListeners): [string, NodeListener][] {
  return Object.entries(listeners).filter((e): e is [string, NodeListener] => e[1] !== undefined);
}

function buildDispatch(t: TS, all: ReadonlyArray<readonly [string, NodeListener][]>): Dispatch {
  const size = (t.SyntaxKind as unknown as { Count: number }).Count + 1;
  const pooled = tablePool.pop();
  const tables = pooled?.size === size ? pooled : { size, enter: new Array<NodeListener[] | undefined>(size).fill(undefined), exit: new Array<NodeListener[] | undefined>(size).fill(undefined) };
  const dispatch: Dispatch = { enter: tables.enter, exit: tables.exit, fileExit: [], used: [] };
  const kinds = t.SyntaxKind as unknown as Record<string, number>;
  for (const listeners of all) {
    for (const [key, fn] of listeners) {
      if (key === 'SourceFile:exit') {
        dispatch.fileExit.push(() => fn(undefined as unknown as ts.Node));
        continue;
      }
      const isExit = key.endsWith(':exit');
      const name = isExit ? key.slice(0, -5) : key;
      const kind = kinds[name];
      if (kind === undefined) {
        releaseDispatch(dispatch, size);
        throw new InternalError(`Unknown node kind in rule listener: ${key}`);
      }
      const table = isExit ? dispatch.exit : dispatch.enter;
      if (table[kind] === undefined) dispatch.used.push(kind);
      addListener(table, kind, fn);
    }
  }
  return dispatch;
}

function releaseDispatch(dispatch: Dispatch, size: number): void {
  for (const kind of dispatch.used) {
    dispatch.enter[kind] = undefined;
    dispatch.exit[kind] = undefined;
  }
  tablePool.push({ size, enter: dispatch.enter, exit: dispatch.exit });
}

/** A file errlint cannot analyse: too deep for the parser, over its time budget, or a rule that failed on it. */
export class FileAnalysisError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FileAnalysisError';
  }
}

/** Default per-file analysis budget (`AuditOptions.fileBudgetMs`): a file still being analysed after it is reported and skipped. */
export const DEFAULT_FILE_BUDGET_MS = 60_000;
// nodes visited between two looks at the clock
const BUDGET_STRIDE = 2048;

/**
 * One depth-first traversal of the file, calling every rule's listeners. An explicit stack, so nesting depth
 * costs heap, not call stack; a node is pushed a second time, marked as its exit, only when some rule listens
 * to its kind's exit (functions and the like: most nodes are entered and never revisited). The children of a
 * node are gathered into a reused array by count (no `length = 0`, which is a runtime call per node).
 */
function traverse(t: TS, sf: ts.SourceFile, dispatch: Dispatch, deadline: number): void {
  const { enter, exit } = dispatch;
  try {
    if (dispatch.used.length > 0) {
      const forEachChild = t.forEachChild;
      const nodes: ts.Node[] = [sf];
      const leaving: boolean[] = [false];
      const children: ts.Node[] = [];
      let count = 0;
      const collect = (child: ts.Node): void => {
        children[count++] = child;
      };
      let visited = 0;
      while (nodes.length > 0) {
        const node = nodes.pop()!;
        const kind = node.kind;
        if (leaving.pop()) {
          const off = exit[kind]!;
          for (let i = 0; i < off.length; i++) off[i]!(node);
          continue;
        }
        const on = enter[kind];
        if (on !== undefined) for (let i = 0; i < on.length; i++) on[i]!(node);
        if (exit[kind] !== undefined) {
          nodes.push(node);
          leaving.push(true);
        }
        count = 0;
        forEachChild(node, collect);
        for (let i = count - 1; i >= 0; i--) {
          nodes.push(children[i]!);
          leaving.push(false);
        }
        if (++visited % BUDGET_STRIDE === 0) checkBudget(deadline);
      }
    }
  } finally {
    releaseDispatch(dispatch, enter.length);
  }
  for (const fn of dispatch.fileExit) fn();
}

function checkBudget(deadline: number): void {
  if (performance.now() > deadline) throw new FileAnalysisError('Not analysed: over the per-file time budget.');
}

/** Why a file could not be analysed, in words for the report. */
export function analysisFailure(error: unknown): string {
  if (error instanceof FileAnalysisError) return error.message;
  if (error instanceof RangeError && /call stack/i.test(error.message)) return 'Not analysed: nested too deeply to analyse.';
  return `Not analysed: errlint failed on this file (${error instanceof Error ? error.message : String(error)}); please report it.`;
}

/** What a rule reported, before suppressions: the finding and the descriptor it came from (message data). */
export interface RuleReport {
  finding: Finding;
  descriptor: ReportDescriptor;
}

interface RawReport {
  ruleId: string;
  descriptor: ReportDescriptor;
  resolved: ResolvedRule;
}

/** Where a finding is, as the reporters show it. */
export type FindingPlace = Pick<Finding, 'file' | 'line' | 'column' | 'endLine' | 'endColumn' | 'range' | 'context'>;

/**
 * The one way a rule's report becomes a finding (file and project rules): messages formatted, the place's
 * risk factors merged with the report's, the score, and the suggestions (safe only with edits to apply).
 */
export function toFinding(rule: ResolvedRule, d: Pick<ReportDescriptor, 'messageId' | 'data' | 'risk' | 'factors' | 'suggest'>, place: FindingPlace, placeFactors: readonly RiskFactor[]): Finding {
  const factors: RiskFactor[] = [...placeFactors];
  for (const f of d.factors ?? []) if (!factors.some((x) => x.id === f.id)) factors.push(f);
  const { score, risk } = scoreRisk(d.risk ?? rule.risk, factors);
  const messages = rule.rule.meta.messages as Record<string, string>;
  const suggestions: Suggestion[] = (d.suggest ?? []).map((s) => ({
    messageId: s.messageId,
    description: formatMessage(messages[s.messageId] ?? s.messageId, s.data),
    edits: s.edits,
    safe: s.safe === true && s.edits.length > 0,
    ...(s.dependsOn ? { dependsOn: s.dependsOn } : {}),
  }));
  const { context, ...where } = place;
  return {
    ruleId: rule.rule.meta.id,
    messageId: d.messageId,
    message: formatMessage(messages[d.messageId] ?? d.messageId, d.data),
    ...where,
    risk,
    score,
    factors: factors.sort((a, b) => b.weight - a.weight || a.id.localeCompare(b.id)),
    suggestions,
    ...(context !== undefined ? { context } : {}),
  };
}

function fileFinding(t: TS, sf: ts.SourceFile, filePath: string, raw: RawReport): Finding {
  const { descriptor: d, resolved } = raw;
  const start = d.range ? d.range[0] : (d.node?.getStart(sf) ?? 0);
  const end = d.range ? d.range[1] : (d.node?.getEnd() ?? start);
  const s = sf.getLineAndCharacterOfPosition(start);
  const e = sf.getLineAndCharacterOfPosition(end);
  const anchor = d.anchor ?? d.node;
  // the search for the innermost node around a reported range starts at the nearest node around the reported node
  // or anchor: the nodes that span a non-empty range form one chain, so it finds what a search from the file finds
  // without walking down from the file for every finding (issue 19: findings 600 blocks deep)
  let from = d.range ? (start < end ? (d.node ?? d.anchor) : undefined) : d.node;
  if (d.range) while (from && !(from.getStart(sf) <= start && end <= from.getEnd())) from = from.parent;
  const place: FindingPlace = { file: filePath, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, range: [start, end], context: enclosingContext(t, sf, [start, end], from) };
  const finding = toFinding(resolved, d, place, anchor ? contextFactors(t, anchor, filePath) : []);
  return d.dependsOn ? { ...finding, dependsOn: d.dependsOn } : finding;
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message);
}

/**
 * Whether a directive can be called unused: every rule it names ran (a directive for a rule that did not run,
 * through `--rule`, the preset or the fix pass's file rules, may well be in use), and for a directive naming no
 * rule, every rule ran.
 */
function judgeable(d: Directive, ran: ReadonlySet<string>, everyRuleRan: boolean): boolean {
  return d.ruleIds.length === 0 ? everyRuleRan : d.ruleIds.every((id) => ran.has(id));
}

/**
 * The edit that removes a directive: the whole comment when it holds only the directive; in a block comment
 * that runs on past the directive's line (`/* errlint-disable x` over commented-out code), only the directive's
 * words, so the comment keeps its opening and its code stays commented out.
 */
function removal(sf: ts.SourceFile, d: Directive): TextEdit {
  const text = sf.text.slice(d.range[0], d.range[1]);
  if (text.startsWith('/*') && !text.endsWith('*/')) return { range: [d.range[0] + 2, d.range[1]], text: '' };
  return { range: d.range, text: '' };
}

function unusedDirectiveFindings(sf: ts.SourceFile, filePath: string, directives: Directive[], ran: ReadonlySet<string>, everyRuleRan: boolean): Finding[] {
  return directives
    .filter((d) => !d.used && d.kind !== 'enable' && d.source === 'errlint' && judgeable(d, ran, everyRuleRan))
    .map((d) => {
      const e = sf.getLineAndCharacterOfPosition(d.range[1]);
      const what = d.ruleIds.length ? ` for ${d.ruleIds.join(', ')}` : '';
      return {
        ruleId: 'unused-disable-directive',
        messageId: 'unused',
        message: `Unused errlint-${d.kind} directive${what}: nothing was reported here.`,
        file: filePath,
        line: d.line,
        column: d.column,
        endLine: e.line + 1,
        endColumn: e.character + 1,
        range: d.range,
        risk: 'low',
        score: 0,
        factors: [],
        suggestions: [{ messageId: 'remove', description: 'Remove the directive.', edits: [removal(sf, d)], safe: true }],
      } satisfies Finding;
    });
}

/** A rule judges only the roles of code it declares: a server rule never runs on a test or a browser page. */
export function appliesTo(rule: AnyRule, file: FileFacts): boolean {
  return (rule.meta.roles ?? DEFAULT_RULE_ROLES).includes(file.role);
}

/**
 * Runs rules over an already-parsed file in one traversal and returns what they reported, in report order,
 * without suppressions or sorting. Both hosts use it: `lintSource` here, the ESLint adapter on its cached parse.
 */
export function runRules(
  sf: ts.SourceFile,
  input: Pick<LintSourceInput, 'filePath' | 'rules' | 'knowledge' | 'file' | 'timing' | 'budgetMs'> & { onExempt?: (site: ExemptedSite) => void },
  t: TS = compiler,
): RuleReport[] {
  const { filePath, rules, knowledge, file, timing } = input;
  const deadline = performance.now() + (input.budgetMs ?? DEFAULT_FILE_BUDGET_MS);
  const reports: RawReport[] = [];
  const listeners = rules.filter((r) => appliesTo(r.rule, file)).map((resolved) => {
    const context: RuleContext = {
      ts: t,
      sourceFile: sf,
      filePath,
      options: resolved.options,
      knowledge,
      file,
      report: (descriptor) => reports.push({ ruleId: resolved.rule.meta.id, descriptor, resolved }),
    };
    const onExempt = input.onExempt;
    if (onExempt) context.exempt = ({ range, exemption }) => onExempt(exemptedSite(sf, filePath, resolved.rule.meta.id, range, exemption));
    if (!timing) return listenerEntries(resolved.rule.create(context));
    const id = resolved.rule.meta.id;
    const start = performance.now();
    const created = resolved.rule.create(context);
    timing.rule(id, performance.now() - start);
    return listenerEntries(created).map(([key, fn]): [string, NodeListener] => [key, timing.wrap(id, fn)]);
  });
  if (!timing) {
    traverse(t, sf, buildDispatch(t, listeners), deadline);
    return toReports(t, sf, filePath, reports, deadline);
  }
  timing.measureEngine('traverse', () => traverse(t, sf, buildDispatch(t, listeners), deadline));
  return timing.measure('findings', () => toReports(t, sf, filePath, reports, deadline));
}

function toReports(t: TS, sf: ts.SourceFile, filePath: string, reports: readonly RawReport[], deadline: number): RuleReport[] {
  return reports.map((raw, i) => {
    if (i % 256 === 255) checkBudget(deadline);
    return { finding: fileFinding(t, sf, filePath, raw), descriptor: raw.descriptor };
  });
}

/**
 * Lints one file's text with the given rules: parse once, one traversal for all rules, suppressions,
 * risk scoring. Never throws for bad input: a syntax error comes back as `error`.
 */
export function lintSource(input: LintSourceInput, t: TS = compiler): LintSourceResult {
  try {
    return lintParsed(input, t);
  } catch (error) {
    // the per-file failure boundary: one file errlint cannot analyse is reported, and the run goes on
    return { findings: [], error: { file: input.filePath, kind: 'analysis', message: analysisFailure(error) } };
  }
}

function lintParsed(input: LintSourceInput, t: TS): LintSourceResult {
  const { text, filePath, rules, knowledge, file, timing, budgetMs } = input;
  const sf = timing ? timing.measure('parse', () => parseSource(text, filePath, t)) : parseSource(text, filePath, t);
  const parseError = firstParseError(sf, t);
  if (parseError) {
    return { findings: [], error: { file: filePath, kind: 'parse', message: parseError.message, line: parseError.line, column: parseError.column } };
  }
  const directives = timing ? timing.measure('directives', () => findDirectives(t, sf)) : findDirectives(t, sf);
  const findings: Finding[] = [];
  const exempted: ExemptedSite[] | undefined = input.collectExemptions ? [] : undefined;
  const onExempt = exempted ? (site: ExemptedSite): void => void exempted.push(site) : undefined;
  for (const { finding } of runRules(sf, { filePath, rules, knowledge, file, timing, budgetMs, onExempt }, t)) {
    if (directives.length > 0 && isSuppressed(directives, finding.ruleId, finding.line)) continue;
    if (finding.dependsOn && !input.keepDeferred) {
      if (!holdsWithoutProject(finding.dependsOn)) continue;
      delete finding.dependsOn;
    }
    if (!input.keepDeferred) decideSuggestions(finding, holdsWithoutProject);
    findings.push(finding);
  }
  if (input.reportUnusedDirectives) {
    const ran = new Set(rules.map((r) => r.rule.meta.id));
    findings.push(...unusedDirectiveFindings(sf, filePath, directives, ran, input.everyRuleRan === true));
  }
  findings.sort(compareFindings);
  exempted?.sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
  return { findings, sourceFile: sf, directives, ...(exempted ? { exempted } : {}) };
}

/** Where an exempted range is, as reporters show it. */
function exemptedSite(sf: ts.SourceFile, file: string, ruleId: string, range: readonly [number, number], exemption: Exemption): ExemptedSite {
  const s = sf.getLineAndCharacterOfPosition(range[0]);
  const e = sf.getLineAndCharacterOfPosition(range[1]);
  return { ruleId, file, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, reason: exemption.reason, detail: exemption.detail };
}
