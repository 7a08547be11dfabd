import type { Finding, ModelCondition } from '../types.js';

/**
 * What a model condition is taken to be where no project is known (an editor buffer without a path, a host that
 * cannot read other files): only an absence holds (`not-client-error`: nothing marks the class as a 4xx;
 * `axios-defaults-without-timeout`: no bootstrap module sets axios's default timeout; `not-ambient-client`: the
 * imported function hands out no CLS transaction; `message-first-logger`: the imported logger is not known to be pino).
 */
export function holdsWithoutProject(condition: ModelCondition): boolean {
  return condition.fact === 'not-client-error' || condition.fact === 'axios-defaults-without-timeout' || condition.fact === 'not-ambient-client' || condition.fact === 'message-first-logger';
}

/** Drops the suggestions of `finding` whose condition does not hold (the finding stays) and clears the others'. */
export function decideSuggestions(finding: Finding, holds: (condition: ModelCondition) => boolean): void {
  if (!finding.suggestions.some((s) => s.dependsOn)) return;
  finding.suggestions = finding.suggestions.filter((s) => !s.dependsOn || holds(s.dependsOn));
  for (const s of finding.suggestions) delete s.dependsOn;
}
