import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(REPO_ROOT, 'bin', 'errlint.js');

export interface ExecResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real built CLI in a child process (knip's test/helpers/exec.ts): no TTY, NO_COLOR, CI unset. Kept for
 * what only a process shows (the binary, worker threads, signals, pipes, load times); everything else uses `run`.
 */
export function errlint(args: readonly string[], cwd: string, env: Record<string, string> = {}, input?: string, timeout = 60_000): ExecResult {
  const { CI: _ci, FORCE_COLOR: _fc, ...base } = process.env;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...base, NO_COLOR: '1', ...env }, timeout, input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Runs the CLI in this process through `main`, as the binary does (no TTY, NO_COLOR, CI unset, only `env`):
 * the same code path without a Node start-up and a module load per call.
 */
export async function run(args: readonly string[], cwd: string, env: Record<string, string> = {}, stdin?: string): Promise<ExecResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'errlint', ...args], {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    cwd,
    env: { NO_COLOR: '1', ...env },
    ...(stdin !== undefined ? { readStdin: async () => stdin } : {}),
  });
  return { code, stdout, stderr };
}
