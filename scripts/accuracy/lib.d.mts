// Types of the pieces of lib.mjs the unit test uses (the scripts themselves are plain JavaScript).
export interface Placed {
  repo: string;
  path: string;
  rule: string;
  line: number;
  fingerprint?: string;
}
export const accuracyDir: string;
export const DEFAULT_SEED: number;
export const LINE_DRIFT: number;
export function rng(seed: number): () => number;
export function sample<T>(items: readonly T[], n: number, options?: { seed?: number; stream?: string; key?: (item: T) => string }): T[];
export function stableSample<T>(items: readonly T[], n: number, options?: { seed?: number; stream?: string; key?: (item: T) => string }): T[];
export function findingKey(finding: Placed & { column?: number; message?: string }): string;
export function joinLabels<F extends Placed, L extends Placed>(findings: readonly F[], labels: readonly L[], options?: { drift?: number }): Map<F, L>;
export interface SetFiles {
  file: string;
  labels: string;
  /** Validation sets only: suggestion sets have no recall labels. */
  recallLabels?: string;
}
export type SetTable = Record<string, { file: string; labels: string; recallLabels?: string }>;
export const SETS: SetTable;
export const DEFAULT_SET: string;
export const SUGGESTION_SETS: SetTable;
export const DEFAULT_SUGGESTION_SET: string;
export function setFiles(nameOrFile?: string, sets?: SetTable): SetFiles;
export function readSet(nameOrFile?: string, sets?: SetTable): Array<{ repo: string; commit: string; stack?: string[]; paths: string[]; typecheck?: string; install?: string }>;
