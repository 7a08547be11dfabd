/**
 * Glob matching without backtracking, for every glob errlint matches paths against (`ignores`, `--ignore-pattern`,
 * glob arguments, config `files` roles, package.json workspaces). picomatch compiles `*a*a*a*b` to a regular
 * expression that backtracks: one such pattern in a data-only config stalled a run for minutes on a long file
 * name (issue 19). Here a path is matched segment by segment: `**` segments by a set of reachable pattern
 * positions (pattern segments × path segments), a segment by the two-pointer wildcard walk (pattern length ×
 * name length at worst). Syntax is picomatch's common subset: `*`, `?`, `**`, `[abc]`, `[a-z]`, `[!a]`, `{a,b}`,
 * `\` escapes, a leading `!` that negates; `dot` as in picomatch (a leading `.` is matched only literally).
 */
import { UsageError } from './errors.js';

export type GlobMatcher = (path: string) => boolean;

/** Alternatives one glob's braces may expand to; more is refused rather than matched slowly. */
export const MAX_BRACE_EXPANSIONS = 1024;

type Token = { kind: 'char'; ch: string } | { kind: 'any' } | { kind: 'star' } | { kind: 'class'; negated: boolean; test: (ch: string) => boolean };
type Segment = { globstar: true } | { globstar: false; tokens: Token[] };

interface Alternative {
  segments: Segment[];
  /** Segments without wildcards: a path matches only if it has each of them as a segment (a cheap first test). */
  literals: string[];
}

interface Compiled {
  negated: boolean;
  alternatives: Alternative[];
}

/** `{a,b}c` → `ac`, `bc` (nested braces too); a brace without a comma stays literal, as in picomatch. */
function expandBraces(glob: string, out: string[] = []): string[] {
  let depth = 0;
  let open = -1;
  const commas: number[] = [];
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '{') {
      if (depth++ === 0) {
        open = i;
        commas.length = 0;
      }
    } else if (ch === '}' && depth > 0) {
      if (--depth === 0) {
        if (commas.length === 0) continue;
        const parts: string[] = [];
        let from = open + 1;
        for (const c of [...commas, i]) {
          parts.push(glob.slice(from, c));
          from = c + 1;
        }
        for (const part of parts) {
          expandBraces(glob.slice(0, open) + part + glob.slice(i + 1), out);
          if (out.length > MAX_BRACE_EXPANSIONS) throw new UsageError(`The glob "${glob}" expands to more than ${MAX_BRACE_EXPANSIONS} alternatives; write it with fewer braces.`);
        }
        return out;
      }
    } else if (ch === ',' && depth === 1) commas.push(i);
  }
  out.push(glob);
  return out;
}

function parseClass(segment: string, start: number): { token: Token; end: number } | undefined {
  let i = start + 1;
  const negated = segment[i] === '!' || segment[i] === '^';
  if (negated) i++;
  const ranges: [string, string][] = [];
  let first = true;
  for (; i < segment.length; i++) {
    let ch = segment[i]!;
    if (ch === ']' && !first) {
      return { token: { kind: 'class', negated, test: (c) => ranges.some(([lo, hi]) => c >= lo && c <= hi) }, end: i };
    }
    first = false;
    if (ch === '\\' && i + 1 < segment.length) ch = segment[++i]!;
    if (segment[i + 1] === '-' && i + 2 < segment.length && segment[i + 2] !== ']') {
      let hi = segment[i + 2]!;
      i += 2;
      if (hi === '\\' && i + 1 < segment.length) hi = segment[++i]!;
      ranges.push([ch, hi]);
    } else ranges.push([ch, ch]);
  }
  return undefined; // no closing bracket: a literal '['
}

function parseSegment(segment: string): Segment {
  if (segment === '**') return { globstar: true };
  const tokens: Token[] = [];
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i]!;
    if (ch === '\\' && i + 1 < segment.length) tokens.push({ kind: 'char', ch: segment[++i]! });
    else if (ch === '*') {
      // `**` inside a segment, or `***`, is one star: consecutive stars match what one does
      if (tokens.at(-1)?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (ch === '?') tokens.push({ kind: 'any' });
    else if (ch === '[') {
      const parsed = parseClass(segment, i);
      if (parsed) {
        tokens.push(parsed.token);
        i = parsed.end;
      } else tokens.push({ kind: 'char', ch });
    } else tokens.push({ kind: 'char', ch });
  }
  return { globstar: false, tokens };
}

function compile(glob: string): Compiled {
  let g = glob;
  let negated = false;
  while (g.startsWith('!')) {
    negated = !negated;
    g = g.slice(1);
  }
  g = g.replace(/^(?:\.\/)+/, '');
  const alternatives = expandBraces(g).map((alt): Alternative => {
    const parsed = alt.split('/').map(parseSegment);
    // `a/**/**/b` is `a/**/b`
    const segments = parsed.filter((s, i) => !(s.globstar && parsed[i - 1]?.globstar));
    const literals = segments.flatMap((s) => (!s.globstar && s.tokens.every((t) => t.kind === 'char') ? [s.tokens.map((t) => (t as { ch: string }).ch).join('')] : []));
    return { segments, literals };
  });
  return { negated, alternatives };
}

function tokenMatches(t: Token, ch: string): boolean {
  return t.kind === 'any' || (t.kind === 'char' ? t.ch === ch : t.kind === 'class' ? t.test(ch) !== t.negated : true);
}

/**
 * One segment against one name: the classic wildcard walk. On a mismatch it returns to the last star and lets it
 * take one more character; earlier stars are never revisited, so the work is at most tokens × characters.
 */
function segmentMatches(tokens: readonly Token[], name: string, dot: boolean): boolean {
  if (!dot && name.startsWith('.') && !(tokens[0]?.kind === 'char' && tokens[0].ch === '.')) return false;
  if (name === '') return tokens.length === 0;
  if (name === '.' || name === '..') return tokens.length === name.length && tokens.every((t) => t.kind === 'char' && t.ch === '.');
  let t = 0;
  let n = 0;
  let starAt = -1;
  let resumeAt = 0;
  while (n < name.length) {
    const token = tokens[t];
    if (token && token.kind !== 'star' && tokenMatches(token, name[n]!)) {
      t++;
      n++;
    } else if (token?.kind === 'star') {
      starAt = t++;
      resumeAt = n;
    } else if (starAt !== -1) {
      t = starAt + 1;
      n = ++resumeAt;
    } else return false;
  }
  while (tokens[t]?.kind === 'star') t++;
  return t === tokens.length;
}

/**
 * Pattern segments against path segments: the set of pattern positions reachable after each path segment, as bits
 * of a number (patterns of more than 30 segments, which no real glob has, take the set).
 */
function pathMatches(pattern: readonly Segment[], parts: readonly string[], dot: boolean): boolean {
  if (pattern.length > 30) return pathMatchesLong(pattern, parts, dot);
  const n = pattern.length;
  // a globstar may match no segment at all (ascending, so a run of globstars closes in one pass)
  const close = (mask: number): number => {
    for (let i = 0; i < n; i++) if (mask & (1 << i) && pattern[i]!.globstar) mask |= 1 << (i + 1);
    return mask;
  };
  let states = close(1);
  for (const part of parts) {
    let next = 0;
    for (let i = 0; i < n; i++) {
      if (!(states & (1 << i))) continue;
      const seg = pattern[i]!;
      if (seg.globstar) {
        if (dot || !part.startsWith('.')) next |= 1 << i;
      } else if (segmentMatches(seg.tokens, part, dot)) next |= 1 << (i + 1);
    }
    if (next === 0) return false;
    states = close(next);
  }
  return (states & (1 << n)) !== 0;
}

function pathMatchesLong(pattern: readonly Segment[], parts: readonly string[], dot: boolean): boolean {
  let states = new Set<number>([0]);
  const close = (set: Set<number>): Set<number> => {
    for (const i of [...set]) for (let j = i; pattern[j]?.globstar; j++) set.add(j + 1);
    return set;
  };
  close(states);
  for (const part of parts) {
    const next = new Set<number>();
    for (const i of states) {
      const seg = pattern[i];
      if (!seg) continue;
      if (seg.globstar) {
        if (dot || !part.startsWith('.')) next.add(i);
      } else if (segmentMatches(seg.tokens, part, dot)) next.add(i + 1);
    }
    if (next.size === 0) return false;
    states = close(next);
  }
  return states.has(pattern.length);
}

function endsInStar(pattern: readonly Segment[]): boolean {
  const last = pattern.at(-1);
  return last !== undefined && !last.globstar && last.tokens.at(-1)?.kind === 'star';
}

/** A path split for matching: its segments, and without its empty last one when it names a directory (`dir/`). */
interface SplitPath {
  parts: string[];
  dir: string[] | undefined;
}

// The role classifier asks a dozen matchers about the same path in a row: the last split is kept for the next
// matcher (splitting per matcher was a twentieth of an audit's allocations).
let lastPath: string | undefined;
let lastSplit: SplitPath = { parts: [], dir: undefined };

function splitPath(file: string): SplitPath {
  if (file === lastPath) return lastSplit;
  const parts = file.replace(/^(?:\.\/)+/, '').split('/');
  // `dir/` (a directory, as discovery probes it) keeps its empty last segment: `dir/` and `*/` match it, `dir` not
  const dir = parts.length > 1 && parts.at(-1) === '' ? parts.slice(0, -1) : undefined;
  lastPath = file;
  lastSplit = { parts, dir };
  return lastSplit;
}

function alternativeMatches({ segments, literals }: Alternative, { parts, dir }: SplitPath, dot: boolean): boolean {
  for (const l of literals) if (!parts.includes(l)) return false;
  // as in picomatch, a pattern ending in a star matches the directory with its slash too (`*` matches `src/`)
  return pathMatches(segments, parts, dot) || (dir !== undefined && endsInStar(segments) && pathMatches(segments, dir, dot));
}

/** A matcher for one glob or any of several (as `picomatch([...])`); paths use `/` and are relative. */
export function globMatcher(globs: string | readonly string[], options: { dot?: boolean } = {}): GlobMatcher {
  const dot = options.dot === true;
  const compiled = (typeof globs === 'string' ? [globs] : globs).map(compile);
  return (file) => {
    const split = splitPath(file);
    for (const c of compiled) {
      let any = false;
      for (const a of c.alternatives) {
        if (alternativeMatches(a, split, dot)) {
          any = true;
          break;
        }
      }
      if (any !== c.negated) return true;
    }
    return false;
  };
}
