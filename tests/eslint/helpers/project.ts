/** The built package and a throwaway copy of a fixture project whose ESLint config imports it by absolute URL. */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './cases.js';

const require = createRequire(import.meta.url);
export const builtPlugin = path.join(repoRoot, 'dist/src/eslint/plugin.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    const s = statSync(p);
    newest = Math.max(newest, s.isDirectory() ? newestMtime(p) : s.mtimeMs);
  }
  return newest;
}

/**
 * Builds dist/ when it is missing or older than src/ and rules/ (`npm test` builds first; this keeps a lone
 * `vitest run tests/eslint` honest). A directory lock keeps two test files from building at once.
 */
export function ensureBuilt(): void {
  const lock = path.join(repoRoot, 'dist/.eslint-tests-build.lock');
  mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    const stale = !existsSync(builtPlugin) || statSync(builtPlugin).mtimeMs < Math.max(newestMtime(path.join(repoRoot, 'src')), newestMtime(path.join(repoRoot, 'rules')));
    if (stale) {
      try {
        execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: repoRoot, stdio: 'pipe', timeout: 120_000 });
      } catch {
        // Type errors elsewhere in a shared checkout still emit JavaScript; a missing plugin is caught below.
      }
    }
    if (!existsSync(builtPlugin)) throw new Error('dist/src/eslint/plugin.js was not built');
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** The flat config a user would write, with imports made absolute so the copy can live outside the repo. */
export function flatConfigSource(preset = 'recommended', extra = ''): string {
  const parser = pathToFileURL(require.resolve('@typescript-eslint/parser')).href;
  return `import tsParser from ${JSON.stringify(parser)};
import errlint from ${JSON.stringify(pathToFileURL(builtPlugin).href)};

export default [
  { files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'], languageOptions: { parser: tsParser } },${extra}
  errlint.configs[${JSON.stringify(preset)}],
];
`;
}

/** Copies `tests/eslint/fixtures/<name>` to a temporary directory with a config that imports the built plugin. */
export function copyFixture(name: string, config = flatConfigSource()): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `errlint-eslint-${name}-`));
  cpSync(path.join(repoRoot, 'tests/eslint/fixtures', name), dir, { recursive: true });
  writeFileSync(path.join(dir, 'eslint.config.mjs'), config);
  return dir;
}

export const eslintBins = {
  'ESLint 10': path.join(repoRoot, 'node_modules/eslint/bin/eslint.js'),
  'ESLint 9': path.join(repoRoot, 'node_modules/eslint9/bin/eslint.js'),
} as const;
