import type { TextEdit } from '../types.js';

export interface ApplyResult {
  text: string;
  applied: number;
  skipped: number;
}

/**
 * Applies groups of edits (each group all-or-nothing, e.g. one fix) to `text`, earliest first, skipping a group
 * that overlaps one already applied (ESLint's `source-code-fixer` does the same; a later pass can retry it).
 */
export function applyEdits(text: string, groups: readonly (readonly TextEdit[])[]): ApplyResult {
  const ordered = groups
    .filter((g) => g.length > 0)
    .map((g) => [...g].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]))
    .sort((a, b) => a[0]!.range[0] - b[0]!.range[0]);
  const accepted: TextEdit[] = [];
  let lastEnd = -1;
  let skipped = 0;
  for (const group of ordered) {
    const internallyDisjoint = group.every((e, i) => i === 0 || group[i - 1]!.range[1] <= e.range[0]);
    if (!internallyDisjoint || group[0]!.range[0] < lastEnd || (group[0]!.range[0] === lastEnd && lastEnd >= 0 && group[0]!.range[0] === group[0]!.range[1])) {
      skipped++;
      continue;
    }
    accepted.push(...group);
    lastEnd = group[group.length - 1]!.range[1];
  }
  let out = '';
  let cursor = 0;
  for (const e of accepted) {
    out += text.slice(cursor, e.range[0]) + e.text;
    cursor = e.range[1];
  }
  out += text.slice(cursor);
  return { text: out, applied: ordered.length - skipped, skipped };
}
