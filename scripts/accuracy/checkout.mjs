#!/usr/bin/env node
// Extract each validation repository at its pinned commit into a cache outside this repository.
//
//   node scripts/accuracy/checkout.mjs [--set a|b|c|d|e|<set file>] [repo …]   (default: the current set, e)
//
// The bare mirrors come from the `fetch` tool of a session (/work/.mirror/<owner>+<name>/repo); point
// ERRLINT_MIRRORS at another directory of the same layout, or ERRLINT_MIRROR_<OWNER>_<NAME> at one mirror.
// Checkouts go to $ERRLINT_ACCURACY_DIR/checkouts (default: $TMPDIR/errlint-accuracy/checkouts).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SET, checkoutPath, parseArgs, readSet, runMain, slug } from './lib.mjs';

export function missingBlobs(mirror, commit) {
  const tree = execFileSync('git', ['--git-dir', mirror, 'ls-tree', '-r', '-z', commit], { maxBuffer: 1 << 28 }).toString('utf8');
  const blobs = tree
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const [meta, path] = line.split('\t');
      const [, type, sha] = meta.split(' ');
      return { type, sha, path };
    })
    .filter((b) => b.type === 'blob');
  const checked = execFileSync('git', ['--git-dir', mirror, 'cat-file', '--batch-check=%(objectname)'], {
    input: blobs.map((b) => b.sha).join('\n') + '\n',
    maxBuffer: 1 << 28,
  })
    .toString('utf8')
    .split('\n');
  return blobs.filter((_, i) => checked[i].endsWith(' missing')).map((b) => b.path);
}

/**
 * Extract `commit` of the bare repository `mirror` into `target` with git archive (no .git, so nothing in it can be
 * committed back), leaving out blobs the snapshot lacks; a marker file records what was extracted.
 * Returns the paths left out.
 */
export function extractTree(mirror, commit, target, label = commit) {
  const partial = `${target}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  // Snapshots lack their largest blobs (images, archives): leave those paths out rather than fail.
  const missing = missingBlobs(mirror, commit);
  const pathspec = ['.', ...missing.map((path) => `:(exclude,literal)${path}`)];
  execFileSync('sh', ['-c', 'dir="$1"; commit="$2"; out="$3"; shift 3; git --git-dir="$dir" archive --format=tar "$commit" -- "$@" | tar -x -C "$out"', 'sh', mirror, commit, partial, ...pathspec], {
    stdio: ['ignore', 'inherit', 'ignore'],
    maxBuffer: 1 << 26,
  });
  writeFileSync(join(partial, '.errlint-accuracy-commit'), `${label}\n`);
  rmSync(target, { recursive: true, force: true });
  renameSync(partial, target);
  return missing;
}

export function mirrorFor(repo) {
  const own = process.env[`ERRLINT_MIRROR_${repo.replace(/[^A-Za-z0-9]/g, '_').toUpperCase()}`];
  if (own) return own;
  const base = process.env.ERRLINT_MIRRORS ?? '/work/.mirror';
  const candidates = [join(base, slug(repo), 'repo'), join(base, slug(repo))];
  return candidates.find((dir) => existsSync(join(dir, 'HEAD'))) ?? candidates[0];
}

async function main(argv) {
  const { options, rest } = parseArgs(argv, { set: DEFAULT_SET });
  const entries = readSet(options.set).filter((e) => rest.length === 0 || rest.includes(e.repo));
  let failed = 0;
  for (const entry of entries) {
    const target = checkoutPath(entry);
    if (existsSync(join(target, '.errlint-accuracy-commit'))) {
      process.stdout.write(`${entry.repo}: ${target} (cached)\n`);
      continue;
    }
    const mirror = mirrorFor(entry.repo);
    if (!existsSync(mirror)) {
      process.stderr.write(`${entry.repo}: no mirror at ${mirror} (fetch github:${entry.repo} in a session, or set ERRLINT_MIRRORS)\n`);
      failed++;
      continue;
    }
    try {
      execFileSync('git', ['--git-dir', mirror, 'cat-file', '-e', `${entry.commit}^{commit}`], { stdio: 'ignore' });
    } catch {
      process.stderr.write(`${entry.repo}: commit ${entry.commit} is not in ${mirror}\n`);
      failed++;
      continue;
    }
    const missing = extractTree(mirror, entry.commit, target);
    if (missing.length > 0) process.stdout.write(`${entry.repo}: ${missing.length} file(s) absent from the mirror left out (${missing.filter((p) => /\.[cm]?[jt]sx?$/.test(p)).length} of them source)\n`);
    process.stdout.write(`${entry.repo}: ${target}\n`);
  }
  return failed > 0 ? 2 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) runMain(main);
