import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accuracyDir, DEFAULT_SET, DEFAULT_SUGGESTION_SET, joinLabels, readSet, sample, setFiles, stableSample, SUGGESTION_SETS } from '../../scripts/accuracy/lib.mjs';

const finding = (path: string, line: number, rule = 'swallowed-catch', fingerprint?: string) => ({ repo: 'o/r', path, rule, line, fingerprint });

describe('accuracy sampling', () => {
  const items = Array.from({ length: 100 }, (_, i) => `item-${String(i).padStart(3, '0')}`);

  it('draws the same sample whatever order the findings arrive in', () => {
    const drawn = sample(items, 10, { seed: 7, stream: 'swallowed-catch' });
    expect(sample([...items].reverse(), 10, { seed: 7, stream: 'swallowed-catch' })).toEqual(drawn);
    expect(new Set(drawn).size).toBe(10);
    expect(drawn.every((x) => items.includes(x))).toBe(true);
  });

  it('draws differently for another seed or another stream, and everything when asked for more than there is', () => {
    const drawn = sample(items, 10, { seed: 7, stream: 'a' });
    expect(sample(items, 10, { seed: 8, stream: 'a' })).not.toEqual(drawn);
    expect(sample(items, 10, { seed: 7, stream: 'b' })).not.toEqual(drawn);
    expect([...sample(items.slice(0, 5), 40, { seed: 7 })].sort()).toEqual(items.slice(0, 5));
  });
});

describe('joining findings with labels', () => {
  it('matches the same file and rule within the line drift, nearest first, one label per finding', () => {
    const near = finding('a.ts', 10);
    const far = finding('a.ts', 30);
    const otherRule = finding('a.ts', 10, 'console-logging');
    const labels = [{ ...finding('a.ts', 12), verdict: 'right' }, { ...finding('a.ts', 11), verdict: 'wrong' }];
    const joined = joinLabels([near, far, otherRule], labels);
    expect(joined.get(near)?.verdict).toBe('wrong');
    expect(joined.has(far)).toBe(false);
    expect(joined.has(otherRule)).toBe(false);
  });

  it('prefers an exact line or fingerprint over a drifted one, so neighbouring findings keep their own labels', () => {
    const first = finding('a.ts', 10);
    const second = finding('a.ts', 11, 'swallowed-catch', 'fp-2');
    const labels = [{ ...finding('a.ts', 10), verdict: 'right' }, { ...finding('a.ts', 40, 'swallowed-catch', 'fp-2'), verdict: 'wrong' }];
    const joined = joinLabels([second, first], labels);
    expect(joined.get(first)?.verdict).toBe('right');
    expect(joined.get(second)?.verdict).toBe('wrong');
  });
});

describe('stable sampling of findings', () => {
  const items = Array.from({ length: 200 }, (_, i) => `finding-${i}`);

  it('keeps the surviving part of a sample when other findings go away or arrive', () => {
    const drawn = stableSample(items, 40, { seed: 7, stream: 'generic-error' });
    const removed = new Set(drawn.slice(0, 10));
    const next = stableSample([...items.filter((x) => !removed.has(x)), 'new-1', 'new-2'].reverse(), 40, { seed: 7, stream: 'generic-error' });
    expect(next.filter((x) => drawn.includes(x))).toEqual(drawn.slice(10));
    expect(next).toHaveLength(40);
  });

  it('draws differently per stream and seed', () => {
    const drawn = stableSample(items, 40, { seed: 7, stream: 'a' });
    expect(stableSample(items, 40, { seed: 7, stream: 'b' })).not.toEqual(drawn);
    expect(stableSample(items, 40, { seed: 8, stream: 'a' })).not.toEqual(drawn);
  });
});

describe('validation sets', () => {
  it('names each set with its own label files, the newest by default', () => {
    expect(DEFAULT_SET).toBe('f');
    expect(setFiles()).toEqual(setFiles('f'));
    expect(setFiles('f').file.endsWith('accuracy/validation-set-f.json')).toBe(true);
    expect(setFiles('f').labels.endsWith('accuracy/labels/validation-f.jsonl')).toBe(true);
    expect(setFiles('f').recallLabels?.endsWith('accuracy/labels/validation-recall-f.jsonl')).toBe(true);
    expect(setFiles('e').file.endsWith('accuracy/validation-set-e.json')).toBe(true);
    expect(setFiles('e').labels.endsWith('accuracy/labels/validation-e.jsonl')).toBe(true);
    expect(setFiles('e').recallLabels?.endsWith('accuracy/labels/validation-recall-e.jsonl')).toBe(true);
    expect(setFiles('d').file.endsWith('accuracy/validation-set-d.json')).toBe(true);
    expect(setFiles('d').labels.endsWith('accuracy/labels/validation-d.jsonl')).toBe(true);
    expect(setFiles('d').recallLabels?.endsWith('accuracy/labels/validation-recall-d.jsonl')).toBe(true);
    expect(setFiles('c').file.endsWith('accuracy/validation-set.json')).toBe(true);
    expect(setFiles('c').labels.endsWith('accuracy/labels/validation-c.jsonl')).toBe(true);
    expect(setFiles('c').recallLabels?.endsWith('accuracy/labels/validation-recall-c.jsonl')).toBe(true);
    expect(setFiles('b').file.endsWith('accuracy/validation-set-2026-12-02b.json')).toBe(true);
    expect(setFiles('b').labels.endsWith('accuracy/labels/validation-b.jsonl')).toBe(true);
    expect(setFiles('b').recallLabels?.endsWith('accuracy/labels/validation-recall-b.jsonl')).toBe(true);
    expect(setFiles('a').file.endsWith('accuracy/validation-set-2026-12-02a.json')).toBe(true);
    expect(setFiles('a').labels.endsWith('accuracy/labels/validation-a.jsonl')).toBe(true);
    expect(setFiles('a').recallLabels?.endsWith('accuracy/labels/validation-recall-a.jsonl')).toBe(true);
  });

  it('reads a set file given by path with the label files it names', () => {
    const dir = mkdtempSync(join(tmpdir(), 'errlint-set-'));
    const file = join(dir, 'my-set.json');
    writeFileSync(file, JSON.stringify({ labels: 'labels/mine.jsonl', repos: [{ repo: 'o/n', commit: 'f'.repeat(40) }] }));
    expect(setFiles(file).labels.endsWith('accuracy/labels/mine.jsonl')).toBe(true);
    expect(setFiles(file).recallLabels?.endsWith('accuracy/labels/validation-recall-f.jsonl')).toBe(true);
    expect(readSet(file)).toEqual([{ repo: 'o/n', commit: 'f'.repeat(40), paths: ['.'] }]);
  });

  it('keeps every set apart: the current set shares no repository with a retired set, a suggestion set or the recall set', () => {
    const repos = (entries: Array<{ repo: string }>) => new Set(entries.map((e) => e.repo));
    const recallSet = JSON.parse(readFileSync(join(accuracyDir, 'recall-set.json'), 'utf8')) as { entries: Array<{ repo: string }> };
    const used = [
      readSet('a'),
      readSet('b'),
      readSet('c'),
      readSet('d'),
      readSet('e'),
      readSet('1', SUGGESTION_SETS),
      readSet('2', SUGGESTION_SETS),
      readSet('3', SUGGESTION_SETS),
      readSet('4', SUGGESTION_SETS),
      readSet('5', SUGGESTION_SETS),
      recallSet.entries,
    ].map(repos);
    const current = readSet('f');
    expect(current.length).toBeGreaterThanOrEqual(10);
    for (const other of used) expect(current.filter((e) => other.has(e.repo))).toEqual([]);
    expect(current.every((e) => /^[0-9a-f]{40}$/.test(e.commit) && e.paths.length > 0)).toBe(true);
    expect(readSet('b').filter((e) => repos(readSet('a')).has(e.repo))).toEqual([]);
  });

  it('refuses an unknown set with a message naming the known ones', () => {
    expect(() => setFiles('zz')).toThrow(/no validation set zz \(known: a, b, c, d, e, f, or a set file\)/);
    expect(() => setFiles('zz', SUGGESTION_SETS)).toThrow(/no suggestion set zz \(known: 1, 2, 3, 4, 5, or a set file\)/);
  });
});

describe('suggestion sets', () => {
  it('names each with its own review labels, 2 by default, and no recall labels', () => {
    expect(DEFAULT_SUGGESTION_SET).toBe('2');
    expect(setFiles(undefined, SUGGESTION_SETS)).toEqual(setFiles('2', SUGGESTION_SETS));
    expect(setFiles('2', SUGGESTION_SETS)).toEqual({ file: join(accuracyDir, 'suggestion-set.json'), labels: join(accuracyDir, 'labels/suggestions-2.jsonl') });
    expect(setFiles('1', SUGGESTION_SETS)).toEqual({ file: join(accuracyDir, 'suggestion-set-2026-12-02a.json'), labels: join(accuracyDir, 'labels/suggestions.jsonl') });
    expect(setFiles('3', SUGGESTION_SETS)).toEqual({ file: join(accuracyDir, 'suggestion-set-3.json'), labels: join(accuracyDir, 'labels/suggestions-3.jsonl') });
    expect(setFiles('4', SUGGESTION_SETS)).toEqual({ file: join(accuracyDir, 'suggestion-set-4.json'), labels: join(accuracyDir, 'labels/suggestions-4.jsonl') });
    expect(setFiles('5', SUGGESTION_SETS)).toEqual({ file: join(accuracyDir, 'suggestion-set-5.json'), labels: join(accuracyDir, 'labels/suggestions-5.jsonl') });
  });

  it('keeps the suggestion sets apart, each later one with one entry type-checked from an npm lockfile', () => {
    const first = new Set(readSet('1', SUGGESTION_SETS).map((e) => e.repo));
    const second = readSet('2', SUGGESTION_SETS);
    expect(second.length).toBe(5);
    expect(second.filter((e) => first.has(e.repo))).toEqual([]);
    expect(second.filter((e) => e.typecheck && !e.install).length).toBeGreaterThanOrEqual(1);
    const third = readSet('3', SUGGESTION_SETS);
    expect(third.length).toBe(5);
    expect(third.filter((e) => first.has(e.repo) || second.some((s) => s.repo === e.repo))).toEqual([]);
    expect(third.filter((e) => e.typecheck && !e.install).length).toBeGreaterThanOrEqual(1);
    const fourth = readSet('4', SUGGESTION_SETS);
    expect(fourth.length).toBe(5);
    expect(fourth.filter((e) => first.has(e.repo) || [...second, ...third].some((s) => s.repo === e.repo))).toEqual([]);
    expect(fourth.filter((e) => e.typecheck && !e.install).length).toBeGreaterThanOrEqual(1);
    const fifth = readSet('5', SUGGESTION_SETS);
    expect(fifth.length).toBe(5);
    expect(fifth.filter((e) => first.has(e.repo) || [...second, ...third, ...fourth].some((s) => s.repo === e.repo))).toEqual([]);
    expect(fifth.filter((e) => e.typecheck && !e.install).length).toBeGreaterThanOrEqual(2);
  });
});
