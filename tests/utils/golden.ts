import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'vitest';

export const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === '1';

/**
 * Replaces a machine-specific working directory (as a path and as a file URI) with `<cwd>`, so a golden
 * file written on one machine matches on another.
 */
export function normalizeCwd(text: string, cwd: string): string {
  const href = pathToFileURL(cwd).href.replace(/\/$/, '');
  return text.split(href).join('file:///<cwd>').split(cwd).join('<cwd>');
}

/**
 * Compares `actual` with the golden file `file` (absolute, or relative to the calling test's directory via
 * `dir`). `UPDATE_GOLDEN=1` writes the file instead; a missing golden file fails with that hint.
 */
export function expectGolden(file: string, actual: string, options: { cwd?: string } = {}): void {
  const text = options.cwd ? normalizeCwd(actual, options.cwd) : actual;
  if (UPDATE_GOLDEN) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return;
  }
  if (!fs.existsSync(file)) throw new Error(`Golden file ${file} is missing: run the test with UPDATE_GOLDEN=1 to create it, then review it.`);
  expect(text, `differs from ${path.basename(file)} (UPDATE_GOLDEN=1 regenerates it; review the diff)`).toBe(fs.readFileSync(file, 'utf8'));
}
