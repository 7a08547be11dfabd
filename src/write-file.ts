/**
 * Atomic writes, the one way errlint replaces a file the user owns (fixed sources, the baseline, the cache):
 * a temporary file next to the target, then a rename over it, so a reader sees the old file or the new one.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ErrlintError } from './errors.js';

export function contentHash(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** The file changed on disk between errlint reading it and writing it back; errlint left it alone. */
export class FileChangedError extends ErrlintError {}

export interface AtomicWriteOptions {
  /** Hash (`contentHash`) of the bytes the new content was computed from; the write is refused if the file differs. */
  expectedHash?: string;
}

/** errlint's temporary files: `.<name>.<pid>.<8 hex>.errlint-tmp`, next to the file being replaced. */
const TEMP = /^\..+\.(\d+)\.[0-9a-f]{8}\.errlint-tmp$/;

function tempName(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.errlint-tmp`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, owned by someone else
  }
}

const swept = new Set<string>();

/**
 * Removes the temporary files an errlint process that no longer runs left in `dir` (it was killed between
 * writing one and renaming it: SIGKILL, a power cut). Each directory is looked at once per process; a name
 * that is not errlint's pattern, or whose process still runs, is left alone.
 */
function sweepStaleTemps(dir: string): void {
  if (swept.has(dir)) return;
  swept.add(dir);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return; // the write below reports what is wrong with the directory
  }
  for (const name of names) {
    const pid = TEMP.exec(name)?.[1];
    if (pid === undefined || Number(pid) === process.pid || isRunning(Number(pid))) continue;
    try {
      if (fs.lstatSync(path.join(dir, name)).isFile()) fs.rmSync(path.join(dir, name), { force: true });
    } catch {
      // gone already, or not ours to remove: the next run tries again
    }
  }
}

/**
 * Writes a file atomically: a temporary file in the same directory, the original's mode (and owner, where
 * permitted), fsync, then a rename over the target, so a reader sees the old file or the new one, never half
 * of either. With `expectedHash`, the current content is compared just before the rename and a file that
 * changed since it was read is not overwritten (`FileChangedError`). A symlink is followed, not replaced.
 * The temporary file is removed when the write fails; the write is synchronous, so Ctrl-C (handled by the
 * binary) ends the process between writes, never inside one; what SIGTERM or SIGKILL cut short is swept by the
 * next write into that directory.
 */
export function writeFileAtomic(file: string, content: string | Buffer, options: AtomicWriteOptions = {}): void {
  let target = file;
  let stat: fs.Stats | undefined;
  try {
    target = fs.realpathSync(file);
    stat = fs.statSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    if (options.expectedHash !== undefined) throw new FileChangedError(`${file} was deleted after it was read; not written.`);
  }
  sweepStaleTemps(path.dirname(target));
  const tmp = tempName(target);
  const mode = stat ? stat.mode & 0o7777 : 0o666;
  let fd: number | undefined;
  try {
    fd = fs.openSync(tmp, 'wx', mode);
    fs.writeFileSync(fd, content);
    fs.fsyncSync(fd);
    if (stat) {
      fs.fchmodSync(fd, mode);
      if (process.getuid?.() !== stat.uid || process.getgid?.() !== stat.gid) {
        try {
          fs.fchownSync(fd, stat.uid, stat.gid);
        } catch {
          // only root may give a file away; the new file keeps the writer's owner
        }
      }
    }
    fs.closeSync(fd);
    fd = undefined;
    if (options.expectedHash !== undefined) {
      let now: Buffer;
      try {
        now = fs.readFileSync(target);
      } catch (error) {
        throw new FileChangedError(`${file} was deleted after it was read; not written.`, { cause: error });
      }
      if (contentHash(now) !== options.expectedHash) throw new FileChangedError(`${file} changed after it was read; not written.`);
    }
    fs.renameSync(tmp, target);
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw error;
  }
}
