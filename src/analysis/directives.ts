/**
 * Inline directives in comments: errlint's own (and ESLint's naming `errlint/…` rules), which the engine applies as
 * suppressions, and ESLint's directives for one of its core rules, which a rule may read as the team's choice.
 */
import type * as ts from 'typescript';
import type { TS } from '../ts.js';

/** One inline directive found in a comment. */
export interface Directive {
  kind: 'disable-next-line' | 'disable-line' | 'disable' | 'enable';
  /** Rule ids it names (without the `errlint/` prefix); empty = every rule. */
  ruleIds: string[];
  /** `eslint-…` directives name errlint rules as `errlint/<id>`; we honour them for editor parity. oxlint's
   *  (`oxlint-disable-next-line no-console`) only ever name its own rules: never a suppression of ours. */
  source: 'errlint' | 'eslint' | 'oxlint';
  line: number;
  column: number;
  range: [number, number];
  used: boolean;
}

const DIRECTIVE = /(?:\/\/|\/\*)\s*(errlint|eslint|oxlint)-(disable-next-line|disable-line|disable|enable)(?=\s|\*\/|$)([^\n]*?)(?:\*\/|$)/gm;
const LITERAL_KINDS = new Set<number>();

function insideLiteral(t: TS, sf: ts.SourceFile, pos: number): boolean {
  if (LITERAL_KINDS.size === 0) {
    const k = t.SyntaxKind;
    for (const kind of [k.StringLiteral, k.NoSubstitutionTemplateLiteral, k.TemplateHead, k.TemplateMiddle, k.TemplateTail, k.RegularExpressionLiteral, k.JsxText]) LITERAL_KINDS.add(kind);
  }
  const holds = (child: ts.Node): ts.Node | undefined => (child.pos <= pos && pos < child.end ? child : undefined);
  let node: ts.Node = sf;
  for (;;) {
    // the first child that holds the position (forEachChild stops at the first defined answer)
    const next = t.forEachChild(node, holds);
    if (!next) return LITERAL_KINDS.has(node.kind) && pos >= node.getStart(sf);
    node = next;
  }
}

/** The rule ids a directive names, before its `-- reason`. */
function parseIdList(rest: string): string[] {
  const body = rest.split(/\s--\s|\s--$/)[0] ?? '';
  return body.split(',').map((s) => s.trim()).filter(Boolean);
}

function parseIds(rest: string, source: Directive['source']): string[] | undefined {
  const ids = parseIdList(rest);
  if (source === 'errlint') return ids.map((id) => id.replace(/^errlint\//, ''));
  if (source === 'oxlint') return undefined;
  // eslint directives: only those naming errlint rules, or none (which ESLint applies to every rule).
  if (ids.length === 0) return [];
  const ours = ids.filter((id) => id.startsWith('errlint/')).map((id) => id.slice('errlint/'.length));
  return ours.length > 0 ? ours : undefined;
}

/**
 * The directives in comments (never inside strings, templates or regexes) whose rule ids `idsOf` reads from
 * the text after the directive's kind; a directive it answers undefined for is left out.
 */
function readDirectives(t: TS, sf: ts.SourceFile, idsOf: (rest: string, source: Directive['source']) => string[] | undefined): Directive[] {
  const text = sf.text;
  if (!text.includes('-disable') && !text.includes('-enable')) return [];
  const out: Directive[] = [];
  for (const m of text.matchAll(DIRECTIVE)) {
    const start = m.index;
    if (insideLiteral(t, sf, start)) continue;
    const source = m[1] as Directive['source'];
    const ruleIds = idsOf(m[3] ?? '', source);
    if (!ruleIds) continue;
    const { line, character } = sf.getLineAndCharacterOfPosition(start);
    out.push({ kind: m[2] as Directive['kind'], ruleIds, source, line: line + 1, column: character + 1, range: [start, start + m[0].length], used: false });
  }
  return out;
}

/** Finds the suppression directives of errlint's rules in comments (never inside strings, templates or regexes). */
export function findDirectives(t: TS, sf: ts.SourceFile): Directive[] {
  return readDirectives(t, sf, parseIds);
}

/**
 * ESLint's (and oxlint's, which reads the same directive names) directives that name one of ESLint's core rules
 * (`no-console`), as directives `isSuppressed` answers for that rule: where the team switched it off. They never
 * suppress an errlint finding; a rule may read them as the team's choice (console-logging: the console was chosen
 * on purpose there). An `eslint-enable` naming no rule ends a block too.
 */
export function eslintRuleDirectives(t: TS, sf: ts.SourceFile, eslintRule: string): Directive[] {
  return readDirectives(t, sf, (rest, source) => {
    if (source === 'errlint') return undefined;
    const ids = parseIdList(rest);
    if (ids.includes(eslintRule)) return [eslintRule];
    return ids.length === 0 ? [] : undefined;
  }).filter((d) => d.ruleIds.length > 0 || d.kind === 'enable');
}

function names(directive: Directive, ruleId: string): boolean {
  return directive.ruleIds.length === 0 || directive.ruleIds.includes(ruleId);
}

/**
 * Decides whether a finding of `ruleId` starting at `line` is suppressed, and marks the directive that did it.
 */
export function isSuppressed(directives: Directive[], ruleId: string, line: number): boolean {
  let suppressed = false;
  let blockDirective: Directive | undefined;
  for (const d of directives) {
    if (d.kind === 'disable-next-line' && d.line + 1 === line && names(d, ruleId)) {
      d.used = true;
      return true;
    }
    if (d.kind === 'disable-line' && d.line === line && names(d, ruleId)) {
      d.used = true;
      return true;
    }
    if (d.line > line) continue;
    if (d.kind === 'disable' && names(d, ruleId)) {
      suppressed = true;
      blockDirective = d;
    } else if (d.kind === 'enable' && (d.ruleIds.length === 0 || d.ruleIds.includes(ruleId))) {
      suppressed = false;
      blockDirective = undefined;
    }
  }
  if (suppressed && blockDirective) blockDirective.used = true;
  return suppressed;
}
