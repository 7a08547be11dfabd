/**
 * Golden files for every format on the payment-service fixture, produced by the real CLI: a change to what
 * users see in any format shows up as a reviewable diff (UPDATE_GOLDEN=1 regenerates them).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, run } from '../utils/exec.js';
import { expectGolden } from '../utils/golden.js';

const before = path.join(REPO_ROOT, 'fixtures/payment-service/before');
const GOLDEN = path.join(REPO_ROOT, 'tests/reporters/__golden__');

describe.each([
  ['text', 'payment-service.txt'],
  ['json', 'payment-service.json'],
  ['sarif', 'payment-service.sarif'],
  ['markdown', 'payment-service.md'],
  ['github', 'payment-service.github.txt'],
  ['gitlab', 'payment-service.gitlab.json'],
])('--format %s on fixtures/payment-service/before', (format, golden) => {
  it(`matches __golden__/${golden}`, async () => {
    const r = await run(['audit', '.', '--format', format, '--no-timing'], before);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expectGolden(path.join(GOLDEN, golden), r.stdout, { cwd: before });
  });
});
