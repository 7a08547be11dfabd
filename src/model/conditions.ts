import type { Finding, ModelCondition } from '../types.js';

/**
 * What a model condition is taken to be where no project is known (an editor buffer without a path, a host that
 * cannot read other files): only an absence holds (`not-client-error`: nothing marks the class as a 4xx;
 * `axios-defaults-without-timeout`: no bootstrap module sets axios's default timeout; `not-ambient-client`: the
 * imported function hands out no CLS transaction; `message-first-logger`: the imported logger is not known to be
 * pino; `callers-ready-for-throw`: no caller in another file is known to mishandle a throw), or the opposite of a
 * condition that does not hold.
 */
export function holdsWithoutProject(condition: ModelCondition): boolean {
  if (condition.fact === 'not') return !holdsWithoutProject(condition.condition);
  return condition.fact === 'not-client-error' || condition.fact === 'axios-defaults-without-timeout' || condition.fact === 'not-ambient-client' || condition.fact === 'message-first-logger' || condition.fact === 'callers-ready-for-throw';
}

/** Drops the suggestions of `finding` whose condition does not hold (the finding stays) and clears the others'. */
export function decideSuggestions(finding: Finding, holds: (condition: ModelCondition) => boolean): void {
  if (!finding.suggestions.some((s) => s.dependsOn)) return;
  finding.suggestions = finding.suggestions.filter((s) => !s.dependsOn || holds(s.dependsOn));
  for (const s of finding.suggestions) delete s.dependsOn;
}
