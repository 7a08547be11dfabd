import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { errlint, REPO_ROOT } from '../utils/exec.js';
import { tempProject } from '../utils/temp-project.js';

// `errlint audit --show-exempt`: the sites rules matched and chose not to report, with their reasons, end to end
// through the built CLI (text and JSON), and through worker threads and the cache the same.
const PROFILE = `export async function loadProfile(id: string) {
  try {
    return await fetchProfile(id);
  } catch (ignored) {
    return null;
  }
}
`;
const ORDERS = `export function archive(order: { state: string }) {
  if (order.state === 'archived') return;
  throw new Error('not implemented');
}
export async function charge(id: string) {
  try {
    await payments.charge(id);
  } catch {}
}
`;

const dir = tempProject({ 'package.json': '{"name":"app"}', '.errlintrc.json': '{ "preset": "strict" }', 'src/profile.ts': PROFILE, 'src/orders.ts': ORDERS });
fs.mkdirSync(path.join(dir, '.git'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const args = ['audit', 'src', '--rule', 'swallowed-catch', '--rule', 'generic-error', '--fail-on', 'none', '--no-timing'];
const exempt = [
  { ruleId: 'generic-error', reason: 'invariant', detail: 'the message states an invariant', file: 'src/orders.ts', line: 3, column: 9, endLine: 3, endColumn: 37 },
  { ruleId: 'swallowed-catch', reason: 'explained', detail: 'the error is bound as `ignored`', file: 'src/profile.ts', line: 4, column: 5, endLine: 4, endColumn: 20 },
];

describe('errlint audit --show-exempt', () => {
  it('lists each exempt site with its rule, reason and detail after the findings', () => {
    const r = errlint([...args, '--show-exempt'], dir);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('src/orders.ts:8:5');
    expect(r.stdout).toContain(
      ['2 sites exempt (--show-exempt):', '  src/orders.ts:3:9  generic-error  exempt: invariant (the message states an invariant)', '  src/profile.ts:4:5  swallowed-catch  exempt: explained (the error is bound as `ignored`)'].join('\n'),
    );
  });

  it('adds an exemptions array to the JSON report, valid against the shipped schema, the same with threads and the cache', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schema/report.schema.json'), 'utf8')) as object;
    const validate = new Ajv({ strict: false }).compile(schema);
    for (const extra of [[], ['--threads', '2'], ['--cache'], ['--cache']]) {
      const r = errlint([...args, '--show-exempt', '--format', 'json', ...extra], dir);
      expect(r.stderr).toBe('');
      const report = JSON.parse(r.stdout) as { findings: { file: string; line: number }[]; exemptions: unknown[] };
      expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
      expect(report.findings.map((f) => `${f.file}:${f.line}`)).toEqual(['src/orders.ts:8']);
      expect(report.exemptions, extra.join(' ')).toEqual(exempt);
    }
  });

  it('leaves the report as it was without the flag', () => {
    const r = errlint([...args, '--format', 'json'], dir);
    expect(Object.keys(JSON.parse(r.stdout) as object)).not.toContain('exemptions');
    expect(errlint(args, dir).stdout).not.toContain('exempt');
  });
});
