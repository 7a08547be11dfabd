/**
 * The directories of one run, each read once: discovery walks a directory, and the config lookup, the
 * `.gitignore` reader and the tsconfig lookup ask what is in it. A listing lives as long as the run that
 * made it (a later run reads the directories again).
 */
import fs from 'node:fs';
import path from 'node:path';

export class DirListing {
  private readonly entriesByDir = new Map<string, fs.Dirent[] | NodeJS.ErrnoException>();
  private readonly namesByDir = new Map<string, ReadonlySet<string>>();

  /** The entries of `dir`, in the order the file system gives them; throws what reading it threw. */
  entries(dir: string): fs.Dirent[] {
    let entries = this.entriesByDir.get(dir);
    if (entries === undefined) {
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch (error) {
        entries = error as NodeJS.ErrnoException;
      }
      this.entriesByDir.set(dir, entries);
    }
    if (entries instanceof Error) throw entries;
    return entries;
  }

  /** The names in `dir`, or undefined when it cannot be listed. */
  names(dir: string): ReadonlySet<string> | undefined {
    let names = this.namesByDir.get(dir);
    if (!names) {
      try {
        names = new Set(this.entries(dir).map((e) => e.name));
      } catch {
        return undefined; // discovery reports an unreadable directory when it walks there
      }
      this.namesByDir.set(dir, names);
    }
    return names;
  }

  /**
   * Whether `dir` has an entry named `name` (a file or anything else, as `fs.existsSync` answers); a directory
   * that cannot be listed may still let a known name be reached, so that is asked of the file system.
   */
  has(dir: string, name: string): boolean {
    const names = this.names(dir);
    return names ? names.has(name) : fs.existsSync(path.join(dir, name));
  }
}
