import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accuracyDir } from '../../scripts/accuracy/lib.mjs';
import { halves } from '../../scripts/accuracy/recall-set.mjs';

interface Entry {
  repo: string;
  fix: string;
  rule: string;
  path: string;
  line: number;
  half?: string;
  batch?: string;
}

const key = (e: Entry) => `${e.fix.slice(0, 10)}:${e.rule}`;

// The first batch's held-out half as it was drawn (2026-12-02, before any build ran on the set). Later batches
// name their half, so these 22 never move; the other 18 first-batch entries are the tuning half.
const FIRST_BATCH_HELD_OUT = [
  '060b14db59:swallowed-catch', '268ad695bf:console-logging', '3650f18f35:swallowed-catch', '5771b6d040:swallowed-catch',
  '5b786ba143:unchecked-http-call', '6cc7caac23:swallowed-catch', '6ff9ded414:sensitive-data-exposure',
  '70c43c5532:unchecked-http-call', '7bfadb6193:unchecked-http-call', '7d88b17e4b:swallowed-catch',
  '8177d7d5d9:leaked-error-response', '8220833253:unchecked-http-call', '961418c7e0:missing-transaction',
  '9e1aacd70e:leaked-error-response', 'aaabe3e38f:missing-transaction', 'b0190ca89a:missing-transaction',
  'c24a59593e:swallowed-catch', 'cf0c8ff706:lost-error-context', 'd806ff57e4:unchecked-http-call',
  'eccaa83db7:lost-error-context', 'fb990c03be:swallowed-catch', 'fbaca33f4a:missing-transaction',
];

const entry = (fix: string, rule: string, extra: Partial<Entry> = {}): Entry => ({ repo: 'o/r', fix, rule, path: 'a.ts', line: 1, ...extra });

describe('bug-fix recall set halves', () => {
  const set: { entries: Entry[] } = JSON.parse(readFileSync(join(accuracyDir, 'recall-set.json'), 'utf8'));

  it('keeps the first batch in the halves it was drawn in, whatever later batches add', () => {
    const first = set.entries.filter((e) => e.batch === undefined);
    expect(first).toHaveLength(40);
    const split = halves(set.entries);
    const heldOut = first.filter((e) => split.get(e) === 'held-out').map(key).sort();
    expect(heldOut).toEqual(FIRST_BATCH_HELD_OUT);
    expect(first.filter((e) => split.get(e) === 'tuning')).toHaveLength(18);
  });

  it('gives every later entry the half it names; batch 2026-12-02e is held out', () => {
    const later = set.entries.filter((e) => e.batch !== undefined);
    const split = halves(set.entries);
    for (const e of later) expect(split.get(e), key(e)).toBe(e.half);
    for (const e of later.filter((x) => x.batch === '2026-12-02e')) expect(e.half, key(e)).toBe('held-out');
  });

  it('splits only the entries without a half, so adding named entries moves no other entry', () => {
    const base = ['aa', 'bb', 'cc', 'dd'].map((fix) => entry(fix, 'swallowed-catch'));
    const before = halves(base);
    const added = [entry('ee', 'swallowed-catch', { half: 'held-out' }), entry('ff', 'swallowed-catch', { half: 'held-out' })];
    const after = halves([...added, ...base]);
    for (const e of base) expect(after.get(e)).toBe(before.get(e));
    for (const e of added) expect(after.get(e)).toBe('held-out');
    expect([...before.values()].sort()).toEqual(['held-out', 'held-out', 'tuning', 'tuning']);
  });

  it('rejects a half that is neither held-out nor tuning', () => {
    expect(() => halves([entry('aa', 'swallowed-catch', { half: 'heldout' })])).toThrow(/half is held-out or tuning, not heldout/);
  });
});
