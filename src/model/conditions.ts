import type { ModelCondition } from '../types.js';

/**
 * What a model condition is taken to be where no project is known (an editor buffer without a path, a host that
 * cannot read other files): only an absence holds (`not-client-error`: nothing marks the class as a 4xx;
 * `axios-defaults-without-timeout`: no bootstrap module sets axios's default timeout; `not-ambient-client`: the
 * imported function hands out no CLS transaction).
 */
export function holdsWithoutProject(condition: ModelCondition): boolean {
  return condition.fact === 'not-client-error' || condition.fact === 'axios-defaults-without-timeout' || condition.fact === 'not-ambient-client';
}
