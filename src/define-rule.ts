import type { ProjectFileContext, ProjectRuleModule, RuleContext, RuleListeners, RuleMeta, RuleModule } from './types.js';

export const DOCS_BASE_URL = 'https://github.com/errlint/errlint/blob/main/docs/rules/';

export function ruleDocsUrl(id: string): string {
  return `${DOCS_BASE_URL}${id}.md`;
}

/**
 * Declares a rule: stamps the docs URL from the id and hands `create` options merged over the defaults, so a
 * rule never reads raw options (typescript-eslint's `RuleCreator` does the same).
 */
export function defineRule<MessageIds extends string, Options extends object>(rule: {
  meta: RuleMeta<MessageIds, Options>;
  create(context: RuleContext<Options, MessageIds>): RuleListeners;
}): RuleModule<MessageIds, Options> {
  return {
    meta: { ...rule.meta, docs: { url: ruleDocsUrl(rule.meta.id) } },
    create: rule.create,
  };
}

/** Declares a project rule (`meta.scope` is set to `'project'`), as `defineRule` does for file rules. */
export function defineProjectRule<MessageIds extends string, Options extends object, Fact>(rule: {
  meta: RuleMeta<MessageIds, Options>;
  create(context: ProjectFileContext<Options, Fact, MessageIds>): RuleListeners;
  check: ProjectRuleModule<MessageIds, Options, Fact>['check'];
}): ProjectRuleModule<MessageIds, Options, Fact> {
  return {
    meta: { ...rule.meta, scope: 'project', docs: { url: ruleDocsUrl(rule.meta.id) } },
    create: rule.create,
    check: rule.check,
  };
}

/** Shallow-merges user options over defaults; arrays and nested objects from the user replace the default. */
export function mergeOptions<Options extends object>(defaults: Options, user: Partial<Options> | undefined): Options {
  return { ...defaults, ...(user ?? {}) };
}
