/**
 * A fuzz run in the suite (issue 19): a few hundred adversarial files from a fixed seed, audited in-process by the
 * CLI. Whatever the input, errlint must not crash (exit 2, "internal error"), must not hang (a file it cannot
 * finish is an `analysis` error, within the per-file budget), must account for every file, and must exit as its
 * own report says (1 exactly when there are findings or files it could not check, with --fail-on low).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// the seeded PRNG the accuracy samples use: one mulberry32 in the repository
import { rng as random } from '../../scripts/accuracy/lib.mjs';
import { REPO_ROOT, run } from '../utils/exec.js';
import { tempProject } from '../utils/temp-project.js';
import { nested, type NestingKind } from './generate.js';

const SEED = 0x19_2026;


const KINDS: NestingKind[] = ['if', 'try', 'function', 'then', 'plus', 'elseIf', 'paren', 'call', 'array'];
const SOUP = ['try', '{', '}', 'catch', '(', ')', 'e', '=>', 'async', 'await', 'function', 'return', 'throw', 'new', 'Error', '.then', '.catch', '[', ']', ';', ',', '+', "'", '"', '`', '${', '/*', '*/', '//', '\n', 'console.log', 'logger.error', 'res.status(500).json', 'class', 'extends', 'if', 'else', 'finally', '?.', '??', '<', '>', 'as', 'any', '@', '#x', 'yield', '*', 'export', 'import', 'from', '=', '0x', '1e9', '\\u{1F600}', '\u2028', '\t'];

function fixtureSources(): string[] {
  const root = path.join(REPO_ROOT, 'fixtures/payment-service/before/src');
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ts$/.test(e.name)) out.push(fs.readFileSync(p, 'utf8'));
    }
  };
  walk(root);
  return out.sort();
}

/** The generated files: name → bytes. */
function generate(): Map<string, Buffer> {
  const rnd = random(SEED);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const files = new Map<string, Buffer>();
  const add = (name: string, text: string | Buffer) => files.set(name, typeof text === 'string' ? Buffer.from(text) : text);

  // deep nesting of each kind; brackets past what the TypeScript parser takes (deeper nesting of the other kinds
  // is analysed too, in failure-boundary.test.ts, but its cost still grows with the square of the depth)
  for (const kind of KINDS) for (let i = 0; i < 4; i++) add(`src/nest/${kind}-${i}.ts`, nested(kind, pick([20, 100, int(50, 400)])));
  for (const kind of ['paren', 'call', 'array'] as const) add(`src/nest/${kind}-deep.ts`, nested(kind, 5000));
  // huge lines
  add('src/size/long-line.ts', `export const s = ${Array.from({ length: 4000 }, (_, i) => `a${i}`).join(' + ')};\n`);
  add('src/size/long-string.ts', `export const s = '${'x'.repeat(200_000)}';\n`);
  add('src/size/many-catches.ts', Array.from({ length: 1000 }, (_, i) => `try { g${i}(); } catch {}`).join(' '));
  // encodings and odd bytes
  const sample = 'export async function f() {\n  try {\n    await g();\n  } catch (e) {}\n}\n';
  add('src/enc/bom.ts', `\uFEFF${sample}`);
  add('src/enc/nul.ts', Buffer.concat([Buffer.from(sample), Buffer.from([0, 0, 1, 2])]));
  add('src/enc/latin1.ts', Buffer.from(`// caf\xe9\n${sample}`, 'latin1'));
  add('src/enc/utf16.ts', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sample, 'utf16le')]));
  add('src/enc/crlf.ts', sample.replace(/\n/g, '\r\n'));
  add('src/enc/cr-only.ts', sample.replace(/\n/g, '\r'));
  add('src/enc/lone-surrogate.ts', `export const s = '\uD800';\n${sample}`);
  add('src/enc/empty.ts', '');
  add('src/enc/only-bom.ts', '\uFEFF');
  // token soup
  for (let i = 0; i < 80; i++) add(`src/soup/s${i}.ts`, Array.from({ length: int(1, 300) }, () => pick(SOUP)).join(pick([' ', '', '\n'])));
  // mutants of a real project: token ranges deleted or duplicated
  const sources = fixtureSources();
  for (let i = 0; i < 200; i++) {
    const tokens = pick(sources).split(/(\s+|[{}()[\];,.])/);
    for (let m = int(1, 4); m > 0; m--) {
      const from = int(0, tokens.length - 1);
      const to = Math.min(tokens.length, from + int(1, 40));
      if (rnd() < 0.5) tokens.splice(from, to - from);
      else tokens.splice(to, 0, ...tokens.slice(from, to));
    }
    add(`src/mutant/m${i}.ts`, tokens.join(''));
  }
  return files;
}

interface Report {
  summary: { filesScanned: number };
  findings: { file: string }[];
  errors: { file: string; kind: string; message: string }[];
}

describe('fuzz: adversarial files from a fixed seed', () => {
  it('audits every file without a crash or a hang, and exits as its report says', { timeout: 180_000 }, async () => {
    const files = generate();
    expect(files.size).toBeGreaterThan(300);
    const cwd = tempProject({ 'package.json': '{"name":"fuzz","private":true}', '.errlintrc.json': '{ "preset": "strict" }' });
    for (const [name, bytes] of files) {
      fs.mkdirSync(path.dirname(path.join(cwd, name)), { recursive: true });
      fs.writeFileSync(path.join(cwd, name), bytes);
    }
    const r = await run(['audit', 'src', '--no-timing', '--format', 'json', '--fail-on', 'low'], cwd);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(r.code).not.toBe(2);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.summary.filesScanned).toBe(files.size);
    // exit 1 exactly when the report holds something that fails the gate at low
    const fails = report.findings.length > 0 || report.errors.some((e) => e.kind !== 'skipped');
    expect(r.code).toBe(fails ? 1 : 0);
    // a file errlint could not finish is reported, never lost: the kinds errors may have
    expect(new Set(report.errors.map((e) => e.kind))).toSatisfy((kinds: Set<string>) => [...kinds].every((k) => ['parse', 'analysis', 'skipped', 'read'].includes(k)));
    expect(report.errors.filter((e) => e.kind === 'analysis').map((e) => e.message)).toSatisfy((messages: string[]) => messages.every((m) => /^Not analysed: (nested too deeply|over the per-file time budget)/.test(m)));
    // the binary file is skipped, the well-formed ones are analysed
    expect(report.errors.find((e) => e.file === 'src/enc/nul.ts')?.kind).toBe('skipped');
    expect(['src/enc/bom.ts', 'src/enc/crlf.ts', 'src/enc/latin1.ts'].filter((name) => !report.findings.some((f) => f.file === name))).toEqual([]);
  });
});
