#!/usr/bin/env node
// Suggestion safety on real backends (issue 16): apply every rule's suggestions to each repository of
// a suggestion set and count what the issue's "Done when" asks for.
//
//   node scripts/accuracy/suggestions.mjs [--set 1|2|3|4|<set file>] [--labels FILE] [--name NAME] [--errlint bin/errlint.js]
//                                         [--install] [--sample 30] [--seed 20261202] [--review FILE] [repo …]
//
// --set: suggestion set 1 (suggestion-set-2026-12-02a.json, retired: suggestions were tuned on it), 2
// (suggestion-set.json, the default), 3 (suggestion-set-3.json) or 4 (suggestion-set-4.json), each held back for an
// independent review; --labels overrides the set's review labels (set 1: labels/suggestions.jsonl, set 2:
// labels/suggestions-2.jsonl, set 3: labels/suggestions-3.jsonl, set 4: labels/suggestions-4.jsonl).
//
// Per repository: extract the pinned commit (from the mirror, as checkout.mjs does) into
// $ERRLINT_ACCURACY_DIR/suggestions/NAME/<owner+name>@<commit>, `git init` and commit it, audit the set's paths
// with `--preset strict --apply-suggestions <every rule>`, then count
//   files changed, suggestions applied (the summary line), changed files that no longer parse (TypeScript's
//   parser), new type errors (`tsc --noEmit` of the entry's `typecheck` tsconfig before and after; its
//   dependencies come from `npm ci --ignore-scripts` in a cache beside the checkouts, made only with --install),
//   and what a second `--apply-suggestions` run applies (0 when applying is idempotent).
// Then a seeded sample of the applied hunks (`git diff -U0`, ranked by SHA-256 of seed and where the hunk is — repo,
// path, old line — so every hunk is equally likely and surviving hunks keep their place across builds; each hunk is
// attributed to the finding whose applied suggestion spans it, see `attribute`) is joined with the set's review labels: the verdict
// tally is printed, hunks without a label are listed, and --review FILE writes them with their diff for a reviewer
// (outside the repository: the diff is fetched code).
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync, appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { extractTree, mirrorFor } from './checkout.mjs';
import { DEFAULT_SEED, DEFAULT_SUGGESTION_SET, parseArgs, readJsonl, readSet, repoRoot, runMain, setFiles, slug, stableSample, SUGGESTION_SETS, workDir } from './lib.mjs';

const ts = createRequire(join(repoRoot, 'package.json'))('typescript');
const VERDICTS = ['fine', 'misuses-api', 'replaces-fallback', 'breaks-contract', 'dangerous'];

const git = (cwd, args, input) =>
  execFileSync('git', ['-c', 'user.name=errlint', '-c', 'user.email=errlint@localhost', '-c', 'commit.gpgsign=false', ...args], { cwd, input, maxBuffer: 1 << 28 }).toString('utf8');

function errlint(bin, cwd, args) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, maxBuffer: 1 << 28, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`errlint ${args.join(' ')} in ${cwd} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  return r;
}

/** `Applied N suggestions in M files` of a run's stderr, or 0 when nothing was applied. */
function appliedCount(stderr) {
  const m = /Applied (\d+) suggestions? in (\d+) files?/.exec(stderr);
  return m ? { edits: Number(m[1]), files: Number(m[2]) } : { edits: 0, files: 0 };
}

function parseError(file) {
  const text = readFileSync(file, 'utf8');
  const kind = /\.tsx$/.test(file) ? ts.ScriptKind.TSX : /\.jsx?$|\.[cm]js$/.test(file) ? ts.ScriptKind.JSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const d = sf.parseDiagnostics?.[0];
  return d ? `${sf.getLineAndCharacterOfPosition(d.start).line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}` : undefined;
}

/** `tsc --noEmit` with the project's own TypeScript: error lines without their position (positions move). */
function typeErrors(dir, tsconfig) {
  const tsc = join(dir, 'node_modules/typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', tsconfig, '--noEmit', '--incremental', 'false'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
  return r.stdout.split('\n').filter((l) => /error TS\d+/.test(l)).map((l) => l.replace(/\(\d+,\d+\)/, ''));
}

/** The lines of `a` not matched one to one by a line of `b` (the same error twice counts twice). */
function multisetMinus(a, b) {
  const left = new Map();
  for (const l of b) left.set(l, (left.get(l) ?? 0) + 1);
  return a.filter((l) => {
    const n = left.get(l) ?? 0;
    if (n > 0) left.set(l, n - 1);
    return n === 0;
  });
}

function ensureDeps(entry, mirror, install) {
  const deps = join(workDir(), 'suggestion-deps', `${slug(entry.repo)}@${entry.commit.slice(0, 12)}`);
  if (existsSync(join(deps, 'node_modules'))) return deps;
  if (!install) return undefined;
  if (entry.install) {
    process.stderr.write(`${entry.repo}: install its dependencies by hand into ${deps}/node_modules: ${entry.install}\n`);
    return undefined;
  }
  // the whole tree, not only package.json and the lockfile: a `file:` dependency (a folder of the repository) must
  // be there for npm ci to link it
  extractTree(mirror, entry.commit, deps);
  execFileSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: deps, stdio: 'inherit' });
  return deps;
}

/** Hunks of `git diff -U0 from to`, each with its file, old and new start line and its text. */
function hunks(dir, from, to) {
  const out = [];
  let file;
  let current;
  for (const line of git(dir, ['diff', '-U0', '--no-color', from, to]).split('\n')) {
    if (line.startsWith('+++ ')) file = line.slice(6);
    else if (line.startsWith('@@')) {
      const m = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
      current = { path: file, oldLine: Number(m[1]), oldCount: m[2] === undefined ? 1 : Number(m[2]), line: Number(m[3]), text: [] };
      out.push(current);
    } else if (current && (line.startsWith('+') || line.startsWith('-')) && !line.startsWith('--- ')) current.text.push(line);
  }
  return out;
}

/**
 * The finding whose applied suggestion made a hunk: `--apply-suggestions` applies each finding's first suggestion,
 * so the finding is the one whose first suggestion has an edit spanning the hunk's old lines (the whole range of the
 * edit, not only its first line: a transaction wrap is one edit that `git diff` splits into many hunks). Where
 * several overlap (a cause added inside a wrapped block), the narrowest edit wins. A later suggestion of a finding
 * counts too (a later pass applies it once the first has changed the finding: a status check after the timeout); a
 * hunk no finding of the first audit spans stays unattributed (`?`).
 */
function attribute(hunk, findings, dir) {
  const lo = hunk.oldLine;
  const hi = hunk.oldCount === 0 ? hunk.oldLine + 1 : hunk.oldLine + hunk.oldCount - 1;
  let best;
  for (const f of findings) {
    if (f.file !== hunk.path) continue;
    (f.suggestions ?? []).forEach((s, rank) => {
      for (const e of s.edits ?? []) {
        const first = lineAt(dir, f.file, e.range[0]);
        // an edit ending at the start of a line (after its newline) does not touch that line
        const last = Math.max(first, lineAt(dir, f.file, Math.max(e.range[0], e.range[1] - 1)));
        if (first > hi || last < lo) continue;
        const width = last - first;
        // a first suggestion before a later one (applied in a later pass, once the first left the finding: a
        // status check after the timeout), then the narrowest edit
        if (!best || rank < best.rank || (rank === best.rank && width < best.width)) best = { finding: f, rank, width, description: s.description };
      }
    });
  }
  return best;
}

const lineStarts = new Map();
function lineAt(dir, file, offset) {
  const key = join(dir, file);
  let starts = lineStarts.get(key);
  if (!starts) {
    const text = git(dir, ['show', `base:${file}`]);
    starts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
    lineStarts.set(key, starts);
  }
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

async function main(argv) {
  const { options, rest } = parseArgs(argv, {
    set: DEFAULT_SUGGESTION_SET,
    name: 'current',
    errlint: join(repoRoot, 'bin/errlint.js'),
    install: false,
    sample: 30,
    seed: DEFAULT_SEED,
    labels: '',
    review: '',
  });
  const bin = join(process.cwd(), relative(process.cwd(), options.errlint));
  const ruleIds = JSON.parse(errlint(bin, repoRoot, ['rules', '--format', 'json']).stdout).map((r) => r.id ?? r.meta?.id);
  const entries = readSet(options.set, SUGGESTION_SETS).filter((e) => rest.length === 0 || rest.includes(e.repo));
  const resultDir = join(workDir(), 'suggestions', options.name);
  mkdirSync(resultDir, { recursive: true });
  const rows = [];
  const allHunks = [];
  for (const entry of entries) {
    const mirror = mirrorFor(entry.repo);
    if (!existsSync(mirror)) throw new Error(`${entry.repo}: no mirror at ${mirror} (fetch github:${entry.repo} in a session, or set ERRLINT_MIRRORS)`);
    const dir = join(resultDir, `${slug(entry.repo)}@${entry.commit.slice(0, 12)}`);
    extractTree(mirror, entry.commit, dir);
    writeFileSync(join(dir, '.errlint-accuracy-commit'), '');
    git(dir, ['init', '-q']);
    appendFileSync(join(dir, '.git/info/exclude'), 'node_modules\n.errlint-accuracy-commit\n');
    git(dir, ['add', '-A', '-f', '--', '.', ':!node_modules', ':!.errlint-accuracy-commit']);
    git(dir, ['commit', '-q', '--no-verify', '-m', 'base']);
    git(dir, ['tag', 'base']);
    let before;
    if (entry.typecheck) {
      const deps = ensureDeps(entry, mirror, options.install);
      if (deps) {
        symlinkSync(join(deps, 'node_modules'), join(dir, 'node_modules'));
        before = typeErrors(dir, entry.typecheck);
      } else process.stderr.write(`${entry.repo}: not type-checked (its dependencies are not installed; rerun with --install)\n`);
    }
    const audit = ['audit', ...entry.paths, '--preset', 'strict', '--fail-on', 'none'];
    const findings = JSON.parse(errlint(bin, dir, [...audit, '--format', 'json']).stdout).findings;
    const first = errlint(bin, dir, [...audit, '--apply-suggestions', ruleIds.join(','), '--format', 'json']);
    writeFileSync(join(resultDir, `${slug(entry.repo)}.apply.txt`), first.stderr);
    const changed = git(dir, ['diff', '--name-only']).split('\n').filter(Boolean);
    const unparsed = changed.map((f) => [f, parseError(join(dir, f))]).filter(([, e]) => e);
    const after = before ? typeErrors(dir, entry.typecheck) : undefined;
    const newErrors = after ? multisetMinus(after, before) : undefined;
    git(dir, ['add', '-A', '--', '.']);
    git(dir, ['commit', '-q', '--no-verify', '--allow-empty', '-m', 'applied']);
    git(dir, ['tag', 'applied']);
    const second = errlint(bin, dir, [...audit, '--apply-suggestions', ruleIds.join(','), '--format', 'json']);
    const secondChanged = git(dir, ['diff', '--name-only']).split('\n').filter(Boolean);
    const applied = appliedCount(first.stderr);
    const again = appliedCount(second.stderr);
    const dropped = (first.stderr.match(/\((\d+) edits? dropped/g) ?? []).reduce((n, m) => n + Number(/\d+/.exec(m)[0]), 0);
    const repoHunks = hunks(dir, 'base', 'applied').map((h) => {
      const a = attribute(h, findings, dir);
      const f = a?.finding;
      const diff = h.text.join('\n');
      // the label of a hunk holds this hash, not the code: a changed rewrite at the same place needs a new label
      const diffSha = createHash('sha256').update(diff).digest('hex').slice(0, 16);
      return { repo: entry.repo, commit: entry.commit, path: h.path, line: h.line, oldLine: h.oldLine, rule: f?.ruleId ?? '?', messageId: f?.messageId ?? '?', suggestion: a?.description ?? '', diffSha, diff };
    });
    allHunks.push(...repoHunks);
    const row = {
      repo: entry.repo,
      commit: entry.commit.slice(0, 12),
      files: changed.length,
      edits: applied.edits,
      hunks: repoHunks.length,
      dropped,
      parseFailures: unparsed.length,
      typeErrorsBefore: before?.length ?? '-',
      newTypeErrors: newErrors?.length ?? '-',
      secondRun: again.edits + (secondChanged.length ? ` (${secondChanged.length} files changed)` : ''),
    };
    rows.push(row);
    for (const [f, e] of unparsed) process.stderr.write(`${entry.repo}: ${f} no longer parses: ${e}\n`);
    for (const e of newErrors ?? []) process.stderr.write(`${entry.repo}: new type error: ${e}\n`);
  }
  writeFileSync(join(resultDir, 'hunks.jsonl'), allHunks.map((h) => JSON.stringify(h)).join('\n') + '\n');
  const cols = Object.keys(rows[0] ?? {});
  process.stdout.write(`| ${cols.join(' | ')} |\n|${cols.map(() => '---').join('|')}|\n`);
  for (const r of rows) process.stdout.write(`| ${cols.map((c) => r[c]).join(' | ')} |\n`);

  // hunks per rule and message (`?`: made by a later pass of the apply, no first-pass finding spans it)
  const byRule = new Map();
  for (const h of allHunks) byRule.set(`${h.rule}/${h.messageId}`, (byRule.get(`${h.rule}/${h.messageId}`) ?? 0) + 1);
  process.stdout.write(`\nhunks by rule: ${[...byRule].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')}\n`);

  // the review sample and its labels
  // every hunk equally likely, ranked by its place only: how a hunk is attributed does not move it in or out
  const key = (h) => `${h.repo}\u0000${h.path}\u0000${h.oldLine}`;
  const drawn = stableSample(allHunks, options.sample, { seed: options.seed, stream: 'suggestions', key });
  const labels = readJsonl(options.labels || setFiles(options.set, SUGGESTION_SETS).labels);
  const labelOf = (h) => labels.find((l) => l.repo === h.repo && l.commit === h.commit && l.path === h.path && l.diffSha === h.diffSha && Math.abs((l.oldLine ?? l.line) - h.oldLine) <= 1);
  const tally = Object.fromEntries(VERDICTS.map((v) => [v, 0]));
  const todo = [];
  for (const h of drawn) {
    const l = labelOf(h);
    if (l) tally[l.verdict] = (tally[l.verdict] ?? 0) + 1;
    else todo.push(h);
  }
  process.stdout.write(`\nreview sample: ${drawn.length} of ${allHunks.length} hunks (seed ${options.seed}); ${Object.entries(tally).map(([v, n]) => `${v} ${n}`).join(', ')}; unlabelled ${todo.length}\n`);
  for (const h of todo) process.stderr.write(`unlabelled: ${h.repo} ${h.path}:${h.line} (old ${h.oldLine}) ${h.rule}/${h.messageId}\n`);
  if (options.review) writeFileSync(options.review, todo.map((h) => JSON.stringify(h)).join('\n') + '\n');
  process.stdout.write(`results: ${resultDir}\n`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) runMain(main);
