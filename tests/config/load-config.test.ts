import { describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.js';
import { loadConfig, resolveRules, validateConfig } from '../../src/config/load-config.js';
import { ConfigurationError } from '../../src/errors.js';
import { tempProject } from '../utils/temp-project.js';

const someRule = allRules[0]!;

describe('loadConfig', () => {
  it.each([
    ['package.json', JSON.stringify({ name: 'x', errlint: { ignores: ['a'] } })],
    ['.errlintrc', '{ "ignores": ["a"] }'],
    ['.errlintrc.json', '{ "ignores": ["a"] }'],
    ['.errlintrc.yaml', 'ignores:\n  - a\n'],
    ['.errlintrc.yml', 'ignores: [a]\n'],
    ['.errlintrc.cjs', 'module.exports = { ignores: ["a"] };\n'],
    ['.errlintrc.mjs', 'export default { ignores: ["a"] };\n'],
    ['errlint.config.js', 'export default { ignores: ["a"] };\n'],
    ['errlint.config.ts', 'const config: { ignores: string[] } = { ignores: ["a"] };\nexport default config;\n'],
  ])('finds %s', async (name, content) => {
    const dir = tempProject({ 'package.json': '{"name":"x","type":"module"}', [name]: content });
    const loaded = await loadConfig(dir, undefined, allRules);
    expect(loaded.config.ignores).toEqual(['a']);
    expect(loaded.filepath?.endsWith(name)).toBe(true);
  });

  it('is empty without a config file', async () => {
    const dir = tempProject({ 'package.json': '{"name":"x"}' });
    expect((await loadConfig(dir, undefined, allRules)).config).toEqual({});
  });

  it('loads an explicit --config path and fails clearly when it is missing', async () => {
    const dir = tempProject({ 'conf/errlint.json': '{ "ignores": ["b"] }' });
    expect((await loadConfig(dir, 'conf/errlint.json', allRules)).config.ignores).toEqual(['b']);
    await expect(loadConfig(dir, 'missing.json', allRules)).rejects.toThrow('Cannot read config file missing.json: no such file.');
  });

  it('reports unparsable config as a configuration error', async () => {
    const dir = tempProject({ '.errlintrc.json': '{ "ignores": [' });
    await expect(loadConfig(dir, undefined, allRules)).rejects.toBeInstanceOf(ConfigurationError);
  });
});

describe('validateConfig', () => {
  const check = (config: unknown) => () => validateConfig(config, '.errlintrc.json', allRules);

  it('accepts the documented shape', () => {
    expect(check({ rules: { [someRule.meta.id]: 'off' }, ignores: ['x/**'], files: { tests: ['spec/**'] }, knowledge: { loggers: { receiverNames: ['audit'] } } })).not.toThrow();
    expect(check({ rules: { [someRule.meta.id]: { risk: 'low' } } })).not.toThrow();
    expect(check({ preset: 'strict' })).not.toThrow();
    expect(check({ preset: 'recommended' })).not.toThrow();
  });

  it('rejects an unknown preset, naming the presets', () => {
    expect(check({ preset: 'all' })).toThrow('preset: must be one of "recommended", "strict".');
  });

  it('names the file, the key path and what is allowed', () => {
    expect(check({ rulez: {} })).toThrow(/Invalid configuration in \.errlintrc\.json:\n {2}- \(root\): unknown key "rulez"\. Allowed: \$schema, preset, rules, ignores, files, knowledge\. Did you mean "rules"\?/);
    expect(check({ ignores: 'x' })).toThrow('ignores: must be array.');
    expect(check({ knowledge: { loggers: { receiverName: ['x'] } } })).toThrow(/knowledge\.loggers: unknown key "receiverName"\..*Did you mean "receiverNames"\?/);
  });

  it('rejects unknown rule ids with a suggestion', () => {
    const id = someRule.meta.id;
    const typo = `${id.slice(0, -1)}x`;
    expect(check({ rules: { [typo]: 'on' } })).toThrow(`rules.${typo}: unknown rule id. Did you mean "${id}"?`);
  });

  it('rejects bad rule settings, risks and options', () => {
    const id = someRule.meta.id;
    expect(check({ rules: { [id]: 'error' } })).toThrow(`rules.${id}: must be "off", "on" or an object { risk?, options? }.`);
    expect(check({ rules: { [id]: { risk: 'severe' } } })).toThrow(`rules.${id}.risk: must be one of "critical", "high", "medium", "low".`);
    expect(check({ rules: { [id]: { options: { noSuchOption: true } } } })).toThrow(`rules.${id}.options: unknown key "noSuchOption".`);
  });
});

describe('resolveRules', () => {
  const ids = (resolved: ReturnType<typeof resolveRules>) => resolved.map((r) => r.rule.meta.id);
  const recommended = allRules.filter((r) => r.meta.preset === 'recommended').map((r) => r.meta.id);
  const strictOnly = allRules.filter((r) => r.meta.preset === 'strict').map((r) => r.meta.id);

  it('runs the recommended preset by default, and every rule under strict', () => {
    expect(recommended.length).toBeGreaterThan(0);
    expect(strictOnly.length).toBeGreaterThan(0);
    expect(ids(resolveRules({}, allRules))).toEqual(recommended);
    expect(ids(resolveRules({ preset: 'recommended' }, allRules))).toEqual(recommended);
    expect(ids(resolveRules({ preset: 'strict' }, allRules))).toEqual(allRules.map((r) => r.meta.id));
  });

  it('lets --preset override the config and rules settings add to or take from the preset', () => {
    const [extra] = strictOnly;
    const [dropped] = recommended;
    expect(ids(resolveRules({ preset: 'strict' }, allRules, undefined, 'recommended'))).toEqual(recommended);
    expect(ids(resolveRules({}, allRules, undefined, 'strict'))).toEqual(allRules.map((r) => r.meta.id));
    expect(ids(resolveRules({ rules: { [extra!]: 'on' } }, allRules))).toContain(extra);
    // configuring a rule's risk or options turns it on
    expect(ids(resolveRules({ rules: { [extra!]: { risk: 'high' } } }, allRules))).toContain(extra);
    expect(ids(resolveRules({ rules: { [dropped!]: 'off' } }, allRules))).not.toContain(dropped);
    expect(ids(resolveRules({ preset: 'strict', rules: { [extra!]: 'off' } }, allRules))).not.toContain(extra);
  });

  it('runs exactly the --rule ids whatever the preset, merges options and overrides risk', () => {
    const id = someRule.meta.id;
    expect(ids(resolveRules({}, allRules, strictOnly))).toEqual(strictOnly);
    const [resolved] = resolveRules({ rules: { [id]: { risk: 'critical' } } }, allRules, [id]);
    expect(resolved).toMatchObject({ risk: 'critical', options: someRule.meta.defaultOptions });
  });
});

describe('schema/config.schema.json', () => {
  it('is the schema computed from the rules (run `npm run schema` after changing a rule or knowledge)', async () => {
    const { buildConfigSchema } = await import('../../src/config/schema.js');
    const fs = await import('node:fs');
    const shipped = JSON.parse(fs.readFileSync(new URL('../../schema/config.schema.json', import.meta.url), 'utf8')) as unknown;
    expect(shipped).toEqual(JSON.parse(JSON.stringify(buildConfigSchema(allRules))));
  });
});
