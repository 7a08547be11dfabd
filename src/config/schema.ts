import { stringList } from '../knowledge/string-list.js';
import { knowledgeSchema } from '../knowledge/index.js';
import { PRESETS, RISK_LEVELS, type AnyRule, type JsonSchema } from '../types.js';

export const CONFIG_SCHEMA_ID = 'https://github.com/errlint/errlint/blob/main/schema/config.schema.json';

/** The JSON Schema of errlint's configuration, computed from every rule's meta (shipped as schema/config.schema.json). */
export function buildConfigSchema(rules: readonly AnyRule[]): JsonSchema {
  const ruleEntries: Record<string, JsonSchema> = {};
  for (const rule of rules) {
    ruleEntries[rule.meta.id] = {
      description: `${rule.meta.description} (${rule.meta.docs.url})`,
      oneOf: [
        { enum: ['off', 'on'], description: 'Turn the rule off, or on with its defaults.' },
        {
          type: 'object',
          additionalProperties: false,
          properties: {
            risk: { enum: [...RISK_LEVELS], description: `Base risk of this rule's findings (default ${rule.meta.risk}).` },
            options: rule.meta.schema,
          },
        },
      ],
    };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: CONFIG_SCHEMA_ID,
    title: 'errlint configuration',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string', description: 'The schema this file follows, for editors.' },
      preset: {
        enum: [...PRESETS],
        description: `The rule set to start from: ${PRESETS.map((p) => `"${p}"`).join(' or ')} (default "recommended": the rules measured right at least 9 times in 10; "strict" adds the others). \`rules\` turns rules on or off on top of it.`,
      },
      rules: {
        type: 'object',
        description: 'Rules to turn off or on, with a base risk and options each. A rule given a risk or options is on, whatever the preset.',
        additionalProperties: false,
        properties: ruleEntries,
      },
      ignores: stringList('Globs (relative to the config file) of files errlint does not read, added to .gitignore and the defaults.'),
      files: {
        type: 'object',
        description: "Globs that say what kind of file a path is. The role globs (tests, scripts, cliFolders, browser, server, generated) override errlint's own decision (see `errlint roles`); loggerModules and examples add to the defaults.",
        additionalProperties: false,
        properties: {
          tests: stringList('Test code: most rules skip it.'),
          scripts: stringList('Command-line and run-once programs, where console output is the interface.'),
          cliFolders: stringList('Command-line program code, like scripts (the defaults cli/ and commands/ yield to a server package).'),
          loggerModules: stringList("The project's own logger modules, which may wrap console."),
          browser: stringList('Client code (browser, mobile, desktop, extension), where console is the logger and requests need no server-side timeout.'),
          examples: stringList('Examples, demos, fixtures and docs: not the application, so not its entry point.'),
          server: stringList('Server code, whatever its folder, package or imports say.'),
          generated: stringList('Generated code: no rule reads it.'),
        },
      },
      knowledge: knowledgeSchema,
    },
  };
}
