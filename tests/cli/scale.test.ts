import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.js';
import { shardFiles } from '../../src/audit.js';
import { parseShard, parseThreads } from '../../src/cli.js';
import { autoThreads } from '../../src/engine/pool.js';
import { errlint, run } from '../utils/exec.js';
import { tempProject } from '../utils/temp-project.js';

// A tree with file findings, project findings, suppressions and a parse error, spread over enough files that
// every worker gets several batches.
function tree(): Record<string, string> {
  const files: Record<string, string> = {
    'package.json': '{"name":"shop","dependencies":{"express":"5.0.0"}}',
    // every rule: the project rules and swallowed-catch are in the strict preset
    '.errlintrc.json': '{ "preset": "strict" }',
    'src/server.ts': `import express from 'express';
export const app = express();
app.get('/a', (req, res) => { res.status(400).json({ error: 'bad' }); });
app.get('/b', (req, res) => { res.status(404).json({ message: 'missing', ok: false }); });
app.listen(3000);
`,
    'src/broken.ts': 'export const = ;\n',
  };
  for (let i = 0; i < 40; i++) {
    files[`src/orders/order-${String(i).padStart(2, '0')}.ts`] = `import { db } from '../db';
export async function refund${i}(id: string) {
  try {
    await db.order.update({ where: { id }, data: { status: 'refunded' } });
    await db.payment.update({ where: { id }, data: { refunded: true } });
  } catch (error) {
    ${i % 3 === 0 ? '// errlint-disable-next-line swallowed-catch -- fixture\n    ' : ''}return false;
  }
  ${i % 5 === 0 ? "throw new Error('unreachable');" : 'return true;'}
}
`;
  }
  return files;
}

interface Report {
  findings: { ruleId: string; file: string; line: number; column: number; message: string; score: number }[];
  errors: { file: string }[];
}

const json = (stdout: string): Report => JSON.parse(stdout) as Report;

describe('worker threads', () => {
  const dir = tempProject(tree());

  it('gives byte-identical reports with 1, 2 and 3 threads', () => {
    const one = errlint(['audit', '.', '--format', 'json', '--no-timing', '--threads', '1'], dir);
    expect(json(one.stdout).findings.length).toBeGreaterThan(40);
    expect(json(one.stdout).findings.map((f) => f.ruleId)).toContain('inconsistent-error-shape');
    expect(json(one.stdout).errors.map((e) => e.file)).toEqual(['src/broken.ts']);
    for (const n of ['2', '3']) {
      const many = errlint(['audit', '.', '--format', 'json', '--no-timing', '--threads', n], dir);
      expect(many.stderr).toBe('');
      expect(many.code).toBe(one.code);
      expect(many.stdout).toBe(one.stdout);
    }
  });

  it('adds up the workers\u2019 rule times in the timing table', () => {
    const r = errlint(['audit', '.', '--threads', '2', '--timing-rules', '--fail-on', 'none', '--summary'], dir);
    expect(r.stderr).toMatch(/^swallowed-catch +\| +\d+\.\d \|/m);
    expect(r.stderr).toMatch(/^files in threads \(wall\) +\|/m);
  });

  it('rejects a bad --threads and decides auto from the file count', () => {
    expect(errlint(['audit', '.', '--threads', '0'], dir).code).toBe(2);
    expect(parseThreads('auto')).toBe('auto');
    expect(parseThreads('4')).toBe(4);
    expect(() => parseThreads('two')).toThrow(/--threads/);
    expect(autoThreads(50, 8)).toBe(1);
    expect(autoThreads(1999, 8)).toBe(1);
    expect(autoThreads(2500, 8)).toBe(2);
    expect(autoThreads(100_000, 8)).toBe(4);
    expect(autoThreads(100_000, 2)).toBe(1);
  });
});

describe('the content-hash cache', () => {
  it('lints on a miss, reuses on a hit, and misses again when a file or the config changes', async () => {
    const dir = tempProject(tree());
    const args = ['audit', '.', '--format', 'json', '--no-timing', '--cache', '--timing-rules'];
    const fresh = await run(['audit', '.', '--format', 'json', '--no-timing'], dir);

    const first = await run(args, dir);
    expect(first.stderr).toMatch(/cache: 0 files reused, 42 linted/);
    expect(fs.existsSync(path.join(dir, '.errlintcache'))).toBe(true);
    expect(first.stdout).toBe(fresh.stdout);

    const second = await run(args, dir);
    expect(second.stderr).toMatch(/cache: 42 files reused, 0 linted/);
    expect(second.stdout).toBe(fresh.stdout); // project findings too: their facts come from the cache

    // a changed file is linted again, and its new findings are reported
    fs.writeFileSync(path.join(dir, 'src/orders/order-01.ts'), 'export const fine = 1;\n');
    const third = await run(args, dir);
    expect(third.stderr).toMatch(/cache: 41 files reused, 1 linted/);
    expect(json(third.stdout).findings.filter((f) => f.file === 'src/orders/order-01.ts')).toEqual([]);
    expect(third.stdout).toBe((await run(['audit', '.', '--format', 'json', '--no-timing'], dir)).stdout);

    // a changed config invalidates every entry
    fs.writeFileSync(path.join(dir, '.errlintrc.json'), '{"preset":"strict","rules":{"missing-transaction":"off"}}');
    const fourth = await run(args, dir);
    expect(fourth.stderr).toMatch(/cache: 0 files reused, 42 linted/);
    expect(json(fourth.stdout).findings.map((f) => f.ruleId)).not.toContain('missing-transaction');

    // so do other rule options on the command line
    expect((await run([...args, '--rule', 'swallowed-catch'], dir)).stderr).toMatch(/cache: 0 files reused/);
  });

  it('works with worker threads, at a chosen location, and survives a corrupt cache file', () => {
    const dir = tempProject(tree());
    const fresh = errlint(['audit', '.', '--format', 'json', '--no-timing'], dir);
    const args = ['audit', '.', '--format', 'json', '--no-timing', '--cache-location', 'tmp/errlint.cache', '--threads', '2', '--timing-rules'];
    expect(errlint(args, dir).stdout).toBe(fresh.stdout);
    const hit = errlint(args, dir);
    expect(hit.stderr).toMatch(/cache: 42 files reused, 0 linted/);
    expect(hit.stdout).toBe(fresh.stdout);
    // cut short after its header (errlint's own cache, damaged): read as empty and rewritten
    const cacheFile = path.join(dir, 'tmp/errlint.cache');
    fs.writeFileSync(cacheFile, fs.readFileSync(cacheFile, 'utf8').slice(0, 300));
    const corrupt = errlint(args, dir);
    expect(corrupt.stderr).toMatch(/cache: 0 files reused, 42 linted/);
    expect(corrupt.stdout).toBe(fresh.stdout);
  });
});

describe('--shard', () => {
  const dir = tempProject(tree());

  it('splits the files into slices whose union is the whole run (file rules)', async () => {
    const whole = json((await run(['audit', '.', '--format', 'json', '--no-timing'], dir)).stdout);
    const key = (f: Report['findings'][number]) => `${f.file}:${f.line}:${f.column}:${f.ruleId}:${f.score}:${f.message}`;
    const union: string[] = [];
    const errors: string[] = [];
    for (const i of [1, 2, 3]) {
      const r = await run(['audit', '.', '--format', 'json', '--no-timing', '--shard', `${i}/3`], dir);
      expect(r.stderr).toContain('project rules (inconsistent-error-shape, missing-error-boundary) need the whole tree');
      const report = json(r.stdout);
      union.push(...report.findings.map(key));
      errors.push(...report.errors.map((e) => e.file));
    }
    const projectRules = new Set(['inconsistent-error-shape', 'missing-error-boundary']);
    expect(union.sort()).toEqual(whole.findings.filter((f) => !projectRules.has(f.ruleId)).map(key).sort());
    expect(errors).toEqual(whole.errors.map((e) => e.file));
  });

  it('slices deterministically and rejects a bad shard', async () => {
    const files = Array.from({ length: 10 }, (_, i) => i);
    expect([1, 2, 3].map((index) => shardFiles(files, { index, count: 3 }))).toEqual([[0, 1, 2], [3, 4, 5], [6, 7, 8, 9]]);
    expect([1, 2].map((index) => shardFiles(['only'], { index, count: 2 }))).toEqual([[], ['only']]);
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(() => parseShard('4/3')).toThrow(/--shard/);
    expect((await run(['audit', '.', '--shard', '0/2'], dir)).code).toBe(2);
  });
});

describe('errlint merge', () => {
  const dir = tempProject(tree());
  const fileRules = allRules.filter((r) => r.meta.scope !== 'project').map((r) => r.meta.id).join(',');

  it('merges the JSON of shards into the report of the whole run, fingerprints included', async () => {
    const whole = await run(['audit', '.', '--format', 'json', '--no-timing', '--rule', fileRules], dir);
    for (const i of [1, 2, 3]) await run(['audit', '.', '--format', `json=out/shard-${i}.json`, '--shard', `${i}/3`], dir);
    const merged = await run(['merge', 'out/shard-1.json', 'out/shard-2.json', 'out/shard-3.json', '--format', 'json'], dir);
    expect(merged.stderr).toBe('');
    expect(merged.code).toBe(whole.code);
    expect(merged.stdout).toBe(whole.stdout);
    // and into the other formats, e.g. SARIF with the same fingerprints
    const sarif = JSON.parse((await run(['merge', 'out/shard-1.json', 'out/shard-2.json', 'out/shard-3.json', '--format', 'sarif', '--fail-on', 'none'], dir)).stdout) as {
      runs: { results: { partialFingerprints: Record<string, string> }[] }[];
    };
    const fingerprints = json(whole.stdout).findings.map((f) => (f as unknown as { fingerprint: string }).fingerprint).sort();
    expect(sarif.runs[0]!.results.map((r) => Object.values(r.partialFingerprints)[0]).sort()).toEqual(fingerprints);
  });

  it('refuses a file that is not a JSON report', async () => {
    fs.mkdirSync(path.join(dir, 'out'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'out/not.json'), '{"hello":1}');
    const r = await run(['merge', 'out/not.json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not an errlint JSON report');
  });
});

