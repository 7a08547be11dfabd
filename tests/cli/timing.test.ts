import { describe, expect, it } from 'vitest';
import { formatTimings, timingFromEnv } from '../../src/engine/timing.js';
import { run } from '../utils/exec.js';
import { tempProject } from '../utils/temp-project.js';

const SERVICE = `export async function refund(id: string) {
  try {
    await fetch('https://pay.example/refund/' + id);
  } catch (error) {
    console.log('refund failed');
  }
}
`;

describe('per-rule timing', () => {
  // strict: every rule, swallowed-catch and the project rules included
  const dir = tempProject({ 'package.json': '{"name":"app"}', '.errlintrc.json': '{ "preset": "strict" }', 'src/refund.ts': SERVICE });

  it('prints a table of rules and phases to stderr with ERRLINT_TIMING=1, after an unchanged report', async () => {
    const plain = await run(['audit', 'src', '--format', 'json', '--no-timing'], dir);
    const timed = await run(['audit', 'src', '--format', 'json', '--no-timing'], dir, { ERRLINT_TIMING: '1' });
    expect(timed.stdout).toBe(plain.stdout);
    expect(plain.stderr).toBe('');
    expect(timed.stderr).toMatch(/^\nRule +\| Time \(ms\) \| Relative\n:-+\|-+:\|-+:\n/);
    expect(timed.stderr).toMatch(/^swallowed-catch +\| +\d+\.\d \| +\d+\.\d%$/m);
    expect(timed.stderr).toMatch(/^inconsistent-error-shape +\|/m); // project rules too
    expect(timed.stderr).toMatch(/^parse +\| +\d+\.\d \|/m);
    expect(timed.stderr).toMatch(/^wall time \d+\.\d ms$/m);
  });

  it('does the same with --timing-rules and lists only the rules that ran', async () => {
    const r = await run(['audit', 'src', '--timing-rules', '--rule', 'swallowed-catch,console-logging', '--fail-on', 'none'], dir);
    expect(r.code).toBe(0);
    const rows = r.stderr.trim().split('\n\n')[0]!.split('\n').slice(2).filter(Boolean).map((l) => l.split(' ')[0]);
    expect(rows.sort()).toEqual(['console-logging', 'swallowed-catch']);
  });

  it('reads ERRLINT_TIMING like ESLint reads TIMING', () => {
    expect(timingFromEnv({}).enabled).toBe(false);
    expect(timingFromEnv({ ERRLINT_TIMING: '0' }).enabled).toBe(false);
    expect(timingFromEnv({ ERRLINT_TIMING: '1' })).toEqual({ enabled: true, limit: Infinity });
    expect(timingFromEnv({ ERRLINT_TIMING: 'all' })).toEqual({ enabled: true, limit: Infinity });
    expect(timingFromEnv({ ERRLINT_TIMING: '3' })).toEqual({ enabled: true, limit: 3 });
  });

  it('sorts rules by time and gives each its share', () => {
    const text = formatTimings({ rules: { a: 10, b: 30 }, phases: { parse: 20 } }, 100, 1);
    expect(text).toContain('b    |      30.0 |    75.0%');
    expect(text).not.toMatch(/^a /m);
    expect(text).toMatch(/^parse +\| +20\.0 \| +20\.0%$/m);
  });
});
