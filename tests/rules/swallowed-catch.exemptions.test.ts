import { describe, expect, it } from 'vitest';
import rule from '../../rules/swallowed-catch.js';
import { exemptionsOf, runExemptionTests, type ExemptionCase } from '../utils/exemption-tester.js';

// Each exemption family of swallowed-catch as a value: the site is not reported, and the reason it is exempt is
// recorded where it is (what `errlint audit --show-exempt` would list).

const cases: ExemptionCase[] = [
  {
    name: 'explained by a comment in the handler',
    code: `export async function load(id: string) {
  try {
    await fetchProfile(id);
  } catch {
    // the profile is optional: the page renders without it
  }
}
`,
    expected: { reason: 'explained', detail: 'a comment in the handler explains it', line: 4, column: 5, endLine: 4, endColumn: 10 },
  },
  {
    name: 'explained by the binding name',
    code: `export async function load(id: string) {
  try {
    await fetchProfile(id);
  } catch (ignored) {}
}
`,
    expected: { reason: 'explained', detail: 'the error is bound as `ignored`', line: 4, column: 5, endLine: 4, endColumn: 20 },
  },
  {
    name: 'a fallback helper by name',
    code: `export async function tryLoadProfile(id: string) {
  try {
    return await fetchProfile(id);
  } catch {
    return null;
  }
}
`,
    expected: { reason: 'fallback-contract', detail: '`tryLoadProfile` is named as a fallback helper', line: 4, column: 5, endLine: 4, endColumn: 10 },
  },
  {
    name: 'a predicate answering false',
    code: `export async function hasAccess(user: string) {
  try {
    await checkGrant(user);
    return true;
  } catch {
    return false;
  }
}
`,
    expected: { reason: 'fallback-contract', detail: '`hasAccess` is a predicate or health check answering false', line: 5, column: 5, endLine: 5, endColumn: 10 },
  },
  {
    name: 'a second failure while handling one',
    code: `export async function save(order: Order) {
  try {
    await repo.save(order);
  } catch (e) {
    await notifyOps(order).catch(() => {});
    throw e;
  }
}
`,
    expected: { reason: 'failure-path', detail: 'a second failure while the code already handles one', line: 5, column: 34, endLine: 5, endColumn: 42 },
  },
  {
    name: 'a value checked right after',
    code: `export async function show(id: string) {
  const doc = await getDocument(id).catch(() => null);
  if (!doc) throw new NotFound(id);
  return doc;
}
`,
    expected: { reason: 'observed-elsewhere', detail: 'the value is checked right after and turned into a failure', line: 2, column: 43, endLine: 2, endColumn: 53 },
  },
  {
    name: 'best-effort release of a resource',
    code: `export async function finish(page: Page) {
  await page.close().catch(() => {});
}
`,
    expected: { reason: 'best-effort', detail: 'best-effort release of a resource', line: 2, column: 28, endLine: 2, endColumn: 36 },
  },
  {
    name: 'a synchronous computation with a fallback value',
    code: `export function label(d: Date, tz: string) {
  try {
    return formatDate(d, tz);
  } catch {
    return '';
  }
}
`,
    expected: { reason: 'fallback-contract', detail: 'a synchronous computation with a fallback value', line: 4, column: 5, endLine: 4, endColumn: 10 },
  },
  {
    name: 'a parse whose failure is the answer',
    code: `export async function readConfig(path: string) {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return null;
  }
}
`,
    expected: { reason: 'input-check', detail: 'the guarded work only parses or probes', line: 4, column: 5, endLine: 4, endColumn: 10 },
  },
];

runExemptionTests(rule, cases);

describe('swallowed-catch exemptions', () => {
  it('records nothing for a reported handler, nor without collectExemptions', () => {
    const code = 'export async function pay(id: string) {\n  try {\n    await charge(id);\n  } catch {}\n}\n';
    const collected = exemptionsOf(rule, code);
    expect({ findings: collected.findings.length, exempted: collected.exempted }).toEqual({ findings: 1, exempted: [] });
    expect(exemptionsOf(rule, code, 'src/a.ts', {}, false).exempted).toBeUndefined();
  });
});
