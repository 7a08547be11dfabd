/** The programmatic API at the package root: what `import { audit, loadConfig, formatters } from 'errlint'` gives. */
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import { tempProject } from '../utils/temp-project.js';

const SERVICE = `export async function refundPayment(id: string) {
  try {
    await charge(id);
  } catch (error) {
    return false;
  }
  return true;
}
`;

describe('errlint API', () => {
  it('exports the documented names and nothing of the CLI', () => {
    expect(Object.keys(api).sort()).toEqual(
      ['ConfigurationError', 'ErrlintError', 'FORMAT_NAMES', 'RISK_LEVELS', 'UsageError', 'audit', 'exitCodeFor', 'formatters', 'listRules', 'loadConfig', 'mergeReports', 'version'].sort(),
    );
    expect(Object.keys(api.formatters)).toEqual([...api.FORMAT_NAMES]);
  });

  it('audits a tree, formats the run and gates it like the CLI', async () => {
    const cwd = tempProject({ '.errlintrc.json': '{ "preset": "strict" }', 'src/payment.ts': SERVICE });
    const run = await api.audit({ cwd, paths: ['src'] });
    expect(run.findings.map((f) => [f.ruleId, f.file, f.line])).toContainEqual(['swallowed-catch', 'src/payment.ts', 4]);
    expect(api.exitCodeFor(run, 'high')).toBe(1);
    const json = JSON.parse(api.formatters.json(run, { cwd, color: false, timing: false })) as { findings: unknown[] };
    expect(json.findings).toHaveLength(run.findings.length);
    expect(api.formatters.text(run, { cwd, color: false, timing: false })).toContain('swallowed-catch');
  });

  it('loads the configuration the CLI would use, and explains a bad one', async () => {
    const cwd = tempProject({ '.errlintrc.json': '{ "rules": { "swallowed-catch": "off" } }', 'a.ts': '' });
    expect((await api.loadConfig({ cwd })).config).toEqual({ rules: { 'swallowed-catch': 'off' } });
    const bad = tempProject({ '.errlintrc.json': '{ "rulez": {} }' });
    await expect(api.loadConfig({ cwd: bad })).rejects.toBeInstanceOf(api.ConfigurationError);
  });

  it('lists the rules from their metadata', () => {
    expect(api.listRules().map((r) => r.id)).toContain('swallowed-catch');
  });
});
