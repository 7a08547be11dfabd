import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(REPO_ROOT, 'bin', 'errlint.js');

export interface ExecResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real built CLI (knip's test/helpers/exec.ts): no TTY, NO_COLOR, CI unset. */
export function errlint(args: readonly string[], cwd: string, env: Record<string, string> = {}): ExecResult {
  const { CI: _ci, FORCE_COLOR: _fc, ...base } = process.env;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...base, NO_COLOR: '1', ...env }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
