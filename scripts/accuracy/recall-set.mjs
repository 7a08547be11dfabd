#!/usr/bin/env node
// Recall on real bug fixes: does an errlint build report the site a project later had to fix?
//
//   node scripts/accuracy/recall-set.mjs [--errlint path/to/bin/errlint.js] [--name results-name]
//        [--scope file|package] [--half tuning|held-out|all] [--batch <name>|first] [--verbose]
//
// accuracy/recall-set.json lists bug-fix commits of public backends, each with the rule its fix is about and the
// faulty line at the parent commit. For each entry this extracts the parent tree from the repository's mirror
// (checkout.mjs's mirrorFor: $ERRLINT_MIRRORS/<owner+name>/repo, as `fetch` leaves it) into
// $ERRLINT_ACCURACY_DIR/recall-trees/ (outside the repository, never committed) and audits, the whole tree present,
// the labelled file (`--scope file`, the default and what the reported figures use) or its package (the nearest
// directory with a package.json; minutes per entry on a loaded machine), with every rule on. An entry is found when
// a finding of the labelled rule lands on the labelled file within LINE_DRIFT lines of the site, or anywhere in the
// site's function for rules that report a function-level problem (missing-transaction, inconsistent-return,
// inconsistent-error-shape).
//
// Entries are split into halves by a hash of each entry, stratified by rule (see `halves`), fixed before any
// build's output was read: tune on `tuning`, report `held-out` separately and never tune on it. Entries added
// later name their `half` and `batch` (`--batch` restricts a run to one batch; `first` is the entries without
// one). Results are cached per build and entry under $ERRLINT_ACCURACY_DIR/results/<name>/recall-set/.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { extractTree, mirrorFor } from './checkout.mjs';
import { accuracyDir, LINE_DRIFT, parseArgs, repoRoot, resultsDir, runMain, slug, workDir } from './lib.mjs';
import { buildCommit, readRules } from './run.mjs';

const FUNCTION_LEVEL_RULES = new Set(['missing-transaction', 'inconsistent-return', 'inconsistent-error-shape']);

const HALVES = ['held-out', 'tuning'];

const entryHash = (entry) => createHash('sha256').update(`${entry.fix}:${entry.rule}:${entry.path}:${entry.line}`).digest('hex');

/**
 * The half of every entry. An entry that names its `half` (held-out or tuning) keeps it: later batches are added
 * held out that way, so adding them never moves an older entry from one half to the other. The others are split
 * stratified by rule so each rule has entries in both halves: a rule's entries are ordered by SHA-256 of fix
 * commit, rule, path and line, and alternate held-out, tuning, held-out… (a rule with one entry is held out).
 * Depends on the labels only, never on a build's output.
 */
export function halves(entries) {
  const result = new Map();
  const byRule = new Map();
  for (const entry of entries) {
    if (entry.half !== undefined) {
      if (!HALVES.includes(entry.half)) throw new Error(`${entry.repo} ${entry.fix}: half is ${HALVES.join(' or ')}, not ${entry.half}`);
      result.set(entry, entry.half);
    } else byRule.set(entry.rule, [...(byRule.get(entry.rule) ?? []), entry]);
  }
  for (const group of byRule.values()) {
    group.sort((x, y) => (entryHash(x) < entryHash(y) ? -1 : 1)).forEach((entry, i) => result.set(entry, i % 2 === 0 ? 'held-out' : 'tuning'));
  }
  return result;
}

/** The parent tree of an entry, extracted once from its mirror (checkout.mjs leaves out blobs the snapshot lacks). */
function parentTree(entry) {
  const dir = join(workDir(), 'recall-trees', `${slug(entry.repo)}@${entry.parent.slice(0, 12)}`);
  if (existsSync(join(dir, '.errlint-accuracy-commit')) || existsSync(join(dir, '.extracted'))) return dir;
  const mirror = mirrorFor(entry.repo);
  if (!existsSync(mirror)) throw new Error(`${entry.repo}: no mirror at ${mirror}; fetch github:${entry.repo} first`);
  mkdirSync(dirname(dir), { recursive: true });
  extractTree(mirror, entry.parent, dir);
  return dir;
}

/** What to audit: the nearest directory above the labelled file that holds a package.json (else the tree root). */
function auditRoot(tree, path, scope) {
  if (scope === 'file') return join(tree, path);
  let dir = dirname(join(tree, path));
  while (dir.startsWith(tree) && dir !== tree) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    dir = dirname(dir);
  }
  return tree;
}

/** Line span of the innermost function around `line` (1-based), for function-level rules; undefined at top level. */
function functionSpan(ts, file, line) {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const pos = sf.getPositionOfLineAndCharacter(Math.max(0, line - 1), 0);
  let span;
  const visit = (node) => {
    if (pos < node.getFullStart() || pos > node.getEnd()) return;
    if (ts.isFunctionLike(node) && node.body) {
      span = [sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, sf.getLineAndCharacterOfPosition(node.getEnd()).line + 1];
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return span;
}

function audit(bin, config, root, tree, report) {
  if (!existsSync(report)) {
    const target = relative(tree, root) || '.';
    try {
      execFileSync(process.execPath, [bin, 'audit', target, '--format', 'json', '--no-timing', '--fail-on', 'none', '-c', config, '-o', report], {
        cwd: tree,
        stdio: ['ignore', 'ignore', 'pipe'],
        maxBuffer: 1 << 28,
      });
    } catch (error) {
      throw new Error(`errlint exited ${error.status} on ${root}: ${String(error.stderr).slice(0, 2000)}`, { cause: error });
    }
  }
  return JSON.parse(readFileSync(report, 'utf8')).findings;
}

async function main(argv) {
  const { options } = parseArgs(argv, {
    errlint: join(repoRoot, 'bin/errlint.js'),
    name: '',
    scope: 'file',
    half: 'all',
    batch: '',
    set: join(accuracyDir, 'recall-set.json'),
    verbose: false,
  });
  if (!['file', 'package'].includes(options.scope)) throw new Error(`--scope is file or package, not ${options.scope}`);
  if (!['tuning', 'held-out', 'all'].includes(options.half)) throw new Error(`--half is tuning, held-out or all, not ${options.half}`);
  const bin = resolve(options.errlint);
  if (!existsSync(bin)) throw new Error(`no errlint at ${bin}`);
  const ts = (await import('typescript')).default;
  const commit = buildCommit(bin);
  const out = join(resultsDir(), options.name || commit.slice(0, 12), 'recall-set');
  mkdirSync(out, { recursive: true });
  const config = join(out, 'errlint-all-rules.json');
  writeFileSync(config, `${JSON.stringify({ rules: Object.fromEntries(readRules(bin).map((r) => [r.id, 'on'])) }, null, 2)}\n`);

  const set = JSON.parse(readFileSync(options.set, 'utf8'));
  const split = halves(set.entries);
  const half = (entry) => split.get(entry);
  const entries = set.entries.filter((e) => (options.half === 'all' || half(e) === options.half) && (!options.batch || (e.batch ?? 'first') === options.batch));
  const rows = [];
  for (const entry of entries) {
    const tree = parentTree(entry);
    const root = auditRoot(tree, entry.path, options.scope);
    const report = join(out, `${slug(entry.repo)}@${entry.parent.slice(0, 12)}-${createHash('sha256').update(`${options.scope}:${relative(tree, root)}`).digest('hex').slice(0, 8)}.json`);
    const findings = audit(bin, config, root, tree, report).filter((f) => f.ruleId === entry.rule && f.file.split('\\').join('/').endsWith(entry.path));
    const span = FUNCTION_LEVEL_RULES.has(entry.rule) ? functionSpan(ts, join(tree, entry.path), entry.line) : undefined;
    const hit = findings.find((f) => Math.abs(f.line - entry.line) <= LINE_DRIFT || (span && f.line >= span[0] && f.line <= span[1]));
    rows.push({ entry, half: half(entry), found: hit !== undefined, finding: hit, near: findings.map((f) => f.line) });
    if (options.verbose) {
      process.stdout.write(`${hit ? 'found ' : 'missed'} ${half(entry).padEnd(8)} ${entry.rule.padEnd(22)} ${entry.repo} ${entry.fix.slice(0, 10)} ${entry.path}:${entry.line}${hit ? '' : `  (rule's findings in file: ${findings.map((f) => f.line).join(', ') || 'none'})`}\n`);
    }
  }
  writeFileSync(join(out, 'results.json'), `${JSON.stringify({ errlint: commit, scope: options.scope, rows: rows.map(({ entry, half: h, found, near }) => ({ repo: entry.repo, fix: entry.fix, rule: entry.rule, path: entry.path, line: entry.line, half: h, batch: entry.batch ?? 'first', found, near })) }, null, 2)}\n`);

  // Per rule and half: found / total.
  const table = new Map();
  for (const row of rows) {
    for (const key of [`${row.entry.rule}\u0000${row.half}`, `all\u0000${row.half}`, `${row.entry.rule}\u0000all`, 'all\u0000all']) {
      const cell = table.get(key) ?? { found: 0, total: 0 };
      cell.total++;
      if (row.found) cell.found++;
      table.set(key, cell);
    }
  }
  const rules = [...new Set(rows.map((r) => r.entry.rule))].sort();
  const cell = (rule, h) => {
    const c = table.get(`${rule}\u0000${h}`);
    return c ? `${c.found}/${c.total} ${(c.found / c.total).toFixed(2)}` : '-';
  };
  process.stdout.write(`errlint ${commit}, scope ${options.scope}\n| rule | tuning | held-out | all |\n|---|---|---|---|\n`);
  for (const rule of [...rules, 'all']) process.stdout.write(`| ${rule} | ${cell(rule, 'tuning')} | ${cell(rule, 'held-out')} | ${cell(rule, 'all')} |\n`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) runMain(main);
