// Shared pieces of the accuracy scripts: where things live, the validation set, a seeded sampler and the join
// of findings with labels. Plain Node ESM, no dependency.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const accuracyDir = join(repoRoot, 'accuracy');

/** Default seed of every random sample the figures rest on; change it only with a note in accuracy/README.md. */
export const DEFAULT_SEED = 20261202;
/** Findings drawn per rule for labelling. */
export const SAMPLE_PER_RULE = 40;
/** A label still matches a finding this many lines away (code moves a little between errlint builds, not here). */
export const LINE_DRIFT = 3;

/** Fetched code and results live outside the repository: never commit them. */
export function workDir() {
  return process.env.ERRLINT_ACCURACY_DIR ?? join(tmpdir() || homedir(), 'errlint-accuracy');
}
export const checkoutsDir = () => join(workDir(), 'checkouts');
export const resultsDir = () => join(workDir(), 'results');

/**
 * The validation sets by name. A set is retired to tuning material once its findings have been read while rules
 * were tuned on it; the newest one is the default. Each set has its own precision and recall label files.
 */
export const SETS = {
  a: { file: 'validation-set-2026-12-02a.json', labels: 'labels/validation-a.jsonl', recallLabels: 'labels/validation-recall-a.jsonl' },
  b: { file: 'validation-set-2026-12-02b.json', labels: 'labels/validation-b.jsonl', recallLabels: 'labels/validation-recall-b.jsonl' },
  c: { file: 'validation-set.json', labels: 'labels/validation-c.jsonl', recallLabels: 'labels/validation-recall-c.jsonl' },
  d: { file: 'validation-set-d.json', labels: 'labels/validation-d.jsonl', recallLabels: 'labels/validation-recall-d.jsonl' },
  e: { file: 'validation-set-e.json', labels: 'labels/validation-e.jsonl', recallLabels: 'labels/validation-recall-e.jsonl' },
  f: { file: 'validation-set-f.json', labels: 'labels/validation-f.jsonl', recallLabels: 'labels/validation-recall-f.jsonl' },
};
export const DEFAULT_SET = 'f';

/**
 * The suggestion-safety sets (issue 16) by name, the same way: set 1 was retired once suggestions had been tuned
 * on it; 2 is the default; 3, 4 and 5 are held back for independent reviews (name them explicitly). Each has its own review
 * labels (`labels`; suggestion sets have no recall).
 */
export const SUGGESTION_SETS = {
  1: { file: 'suggestion-set-2026-12-02a.json', labels: 'labels/suggestions.jsonl' },
  2: { file: 'suggestion-set.json', labels: 'labels/suggestions-2.jsonl' },
  3: { file: 'suggestion-set-3.json', labels: 'labels/suggestions-3.jsonl' },
  4: { file: 'suggestion-set-4.json', labels: 'labels/suggestions-4.jsonl' },
  5: { file: 'suggestion-set-5.json', labels: 'labels/suggestions-5.jsonl' },
};
export const DEFAULT_SUGGESTION_SET = '2';

/**
 * `--set`: a set's name (`a` … `f`; for `sets` = SUGGESTION_SETS `1` … `5`) or the path of a set file. A set
 * file may name its label files (`labels`, `recallLabels`, relative to accuracy/); otherwise a named set's
 * defaults apply.
 */
export function setFiles(nameOrFile, sets = SETS) {
  const fallback = sets === SUGGESTION_SETS ? DEFAULT_SUGGESTION_SET : DEFAULT_SET;
  const name = nameOrFile ?? fallback;
  const named = Object.hasOwn(sets, name) ? sets[name] : undefined;
  const file = named ? join(accuracyDir, named.file) : resolve(String(name));
  const kind = sets === SUGGESTION_SETS ? 'suggestion set' : 'validation set';
  if (!existsSync(file)) throw new Error(`no ${kind} ${name} (known: ${Object.keys(sets).join(', ')}, or a set file)`);
  const set = JSON.parse(readFileSync(file, 'utf8'));
  const byFile = Object.values(sets).find((s) => join(accuracyDir, s.file) === file) ?? sets[fallback];
  const recallLabels = set.recallLabels ?? byFile.recallLabels;
  return {
    file,
    labels: join(accuracyDir, set.labels ?? byFile.labels),
    ...(recallLabels ? { recallLabels: join(accuracyDir, recallLabels) } : {}),
  };
}

export function readSet(nameOrFile, sets = SETS) {
  const set = JSON.parse(readFileSync(setFiles(nameOrFile, sets).file, 'utf8'));
  return set.repos.map((entry) => ({ ...entry, paths: entry.paths ?? ['.'] }));
}

/** `owner/name` -> `owner+name`, the mirror's and the cache's directory name. */
export const slug = (repo) => repo.replace('/', '+');
export const checkoutPath = (entry) => join(checkoutsDir(), `${slug(entry.repo)}@${entry.commit.slice(0, 12)}`);

export function readJsonl(file) {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => [line.trim(), i + 1])
    .filter(([line]) => line !== '' && !line.startsWith('//'))
    .map(([line, n]) => {
      try {
        return JSON.parse(line);
      } catch (error) {
        throw new Error(`${file}:${n}: not JSON (${error.message})`, { cause: error });
      }
    });
}

/** mulberry32: a small, well-known seeded PRNG, so a sample is the same on every machine. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A seeded sample of `n` items that does not depend on the order the items arrive in: items are sorted by a
 * stable key first, then shuffled (Fisher-Yates) with the seed. The seed is mixed with `stream` (a rule id, a
 * site kind) so each stream draws independently. A larger `n` keeps a smaller draw as its prefix, but any change
 * to the population reshuffles everything: the recall sites were drawn this way from fixed checkouts; findings,
 * which change with every build, use `stableSample`.
 */
export function sample(items, n, { seed = DEFAULT_SEED, stream = '', key = (x) => JSON.stringify(x) } = {}) {
  const sorted = [...items].sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0));
  const mixed = createHash('sha256').update(`${seed}:${stream}`).digest().readUInt32LE(0);
  const next = rng(mixed);
  for (let i = sorted.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [sorted[i], sorted[j]] = [sorted[j], sorted[i]];
  }
  return sorted.slice(0, n);
}

/**
 * A seeded sample of `n` items that stays put when the population changes: each item is ranked by
 * SHA-256(`seed:stream:key`) and the `n` lowest ranks are the sample (bottom-k sampling, a uniform random sample).
 * A finding that survives from one errlint build to the next keeps its rank, so the sample of a new build is the
 * old sample minus the findings that went away plus the best-ranked newcomers: only those need new labels.
 */
export function stableSample(items, n, { seed = DEFAULT_SEED, stream = '', key = (x) => JSON.stringify(x) } = {}) {
  const rank = (item) => createHash('sha256').update(`${seed}:${stream}:${key(item)}`).digest('hex');
  return items
    .map((item) => ({ item, rank: rank(item) }))
    .sort((x, y) => (x.rank < y.rank ? -1 : x.rank > y.rank ? 1 : 0))
    .slice(0, n)
    .map(({ item }) => item);
}

/** A finding's identity for sampling: where it is, not how it is worded (messages change between builds). */
export const findingKey = (f) => `${f.repo}\u0000${f.path}\u0000${f.rule}\u0000${f.line}\u0000${f.column ?? 0}`;

/**
 * The label of a finding: same repo, path and rule, and either the same fingerprint or the nearest line within
 * `drift`. Labels are matched one to one (two findings on neighbouring lines do not share one label).
 */
export function joinLabels(findings, labels, { drift = LINE_DRIFT } = {}) {
  const byPlace = new Map();
  for (const label of labels) {
    const k = `${label.repo}\u0000${label.path}\u0000${label.rule}`;
    if (!byPlace.has(k)) byPlace.set(k, []);
    byPlace.get(k).push(label);
  }
  const used = new Set();
  const result = new Map();
  // Exact places first, so a drifted match never steals an exact one.
  const passes = [(f, l) => l.fingerprint && f.fingerprint && l.fingerprint === f.fingerprint, (f, l) => l.line === f.line, (f, l) => Math.abs(l.line - f.line) <= drift];
  for (const matches of passes) {
    for (const finding of findings) {
      if (result.has(finding)) continue;
      const candidates = (byPlace.get(`${finding.repo}\u0000${finding.path}\u0000${finding.rule}`) ?? []).filter((l) => !used.has(l) && matches(finding, l));
      candidates.sort((x, y) => Math.abs(x.line - finding.line) - Math.abs(y.line - finding.line));
      if (candidates.length > 0) {
        used.add(candidates[0]);
        result.set(finding, candidates[0]);
      }
    }
  }
  return result;
}

export function parseArgs(argv, defaults) {
  const options = { ...defaults };
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      rest.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s);
    if (!(name in defaults)) throw new Error(`unknown option --${name}; known: ${Object.keys(defaults).map((k) => `--${k}`).join(', ')}`);
    if (typeof defaults[name] === 'boolean') options[name] = inline === undefined ? true : inline !== 'false';
    else options[name] = inline ?? argv[++i];
    if (typeof defaults[name] === 'number') options[name] = Number(options[name]);
  }
  return { options, rest };
}

/** Run `main`, print an error without a stack and exit 2 on failure. */
export function runMain(main) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code ?? 0;
    },
    (error) => {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 2;
    },
  );
}
