#!/usr/bin/env node
// Run one errlint build over every checkout of the validation set, every rule on (strict ones included).
//
//   node scripts/accuracy/run.mjs [--errlint path/to/bin/errlint.js] [--name results-name] [repo …]
//
// Default build: this worktree's bin/errlint.js (build it first). Results go to
// $ERRLINT_ACCURACY_DIR/results/<name>/ (default name: the build's git commit, short): one raw JSON report per
// repository, findings.jsonl (one normalised finding a line) and meta.json (build commit, rules and presets).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { DEFAULT_SET, checkoutPath, parseArgs, readSet, repoRoot, resultsDir, runMain, slug } from './lib.mjs';

/** The git commit of the errlint checkout a bin belongs to, with `-dirty` when its sources differ from it. */
export function buildCommit(bin) {
  const root = resolve(dirname(bin), '..');
  try {
    const commit = execFileSync('git', ['-C', root, 'rev-parse', 'HEAD']).toString().trim();
    const dirty = execFileSync('git', ['-C', root, 'status', '--porcelain', '--', 'src', 'rules', 'package.json']).toString().trim();
    return dirty ? `${commit}-dirty` : commit;
  } catch {
    return 'unknown';
  }
}

/** Each rule with its preset; a build from before presets existed ran every rule by default: all recommended. */
export function readRules(bin) {
  const rules = JSON.parse(execFileSync(process.execPath, [bin, 'rules', '--format', 'json'], { maxBuffer: 1 << 26 }).toString());
  return rules.map((rule) => {
    const presets = [rule.preset, ...(rule.presets ?? [])].flat().filter(Boolean).map(String);
    return { id: rule.id, preset: presets.length === 0 ? 'recommended' : presets.includes('recommended') ? 'recommended' : presets[0] };
  });
}

async function main(argv) {
  const { options, rest } = parseArgs(argv, { errlint: join(repoRoot, 'bin/errlint.js'), name: '', set: DEFAULT_SET });
  const bin = resolve(options.errlint);
  if (!existsSync(bin)) throw new Error(`no errlint at ${bin}`);
  const commit = buildCommit(bin);
  const out = join(resultsDir(), options.name || commit.slice(0, 12));
  mkdirSync(out, { recursive: true });
  const rules = readRules(bin);
  // Every rule on, whatever preset it sits in: precision is measured per rule; the default run is a filter.
  const config = join(out, 'errlint-all-rules.json');
  writeFileSync(config, `${JSON.stringify({ rules: Object.fromEntries(rules.map((r) => [r.id, 'on'])) }, null, 2)}\n`);

  const entries = readSet(options.set).filter((e) => rest.length === 0 || rest.includes(e.repo));
  const all = [];
  const repos = [];
  for (const entry of entries) {
    const dir = checkoutPath(entry);
    if (!existsSync(dir)) throw new Error(`${entry.repo}: no checkout at ${dir}; run scripts/accuracy/checkout.mjs first`);
    const report = join(out, `${slug(entry.repo)}.json`);
    const started = Date.now();
    const args = [bin, 'audit', ...entry.paths, '--format', 'json', '--no-timing', '--fail-on', 'none', '-c', config, '-o', report];
    try {
      execFileSync(process.execPath, args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 28 });
    } catch (error) {
      throw new Error(`${entry.repo}: errlint exited ${error.status}: ${String(error.stderr).slice(0, 2000)}`, { cause: error });
    }
    const parsed = JSON.parse(readFileSync(report, 'utf8'));
    const findings = parsed.findings.map((f) => ({
      repo: entry.repo,
      commit: entry.commit,
      path: f.file.split('\\').join('/'),
      line: f.line,
      column: f.column,
      rule: f.ruleId,
      message: f.message,
      fingerprint: f.fingerprint,
      risk: f.risk,
    }));
    all.push(...findings);
    repos.push({ repo: entry.repo, commit: entry.commit, findings: findings.length, errors: parsed.errors?.length ?? 0, seconds: Math.round((Date.now() - started) / 1000) });
    process.stdout.write(`${entry.repo}: ${findings.length} findings, ${parsed.errors?.length ?? 0} file errors (${relative(process.cwd(), report)})\n`);
  }
  writeFileSync(join(out, 'findings.jsonl'), all.map((f) => JSON.stringify(f)).join('\n') + '\n');
  writeFileSync(join(out, 'meta.json'), `${JSON.stringify({ errlint: commit, bin, rules, repos, date: new Date().toISOString() }, null, 2)}\n`);
  process.stdout.write(`${all.length} findings -> ${join(out, 'findings.jsonl')}\n`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) runMain(main);
