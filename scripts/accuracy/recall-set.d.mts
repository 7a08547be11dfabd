// Types of the pieces of recall-set.mjs the unit test uses (the scripts themselves are plain JavaScript).
export function halves<E extends { rule: string; fix: string; path: string; line: number; half?: string }>(entries: E[]): Map<E, 'held-out' | 'tuning'>;
