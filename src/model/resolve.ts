/**
 * The module graph's edges: an import specifier, from a file, to the project file it names, or `undefined`
 * when it names a package outside the project (external). Relative paths, `index` files, `.js` → `.ts`,
 * tsconfig/jsconfig `paths` and `baseUrl` (with `extends`) and `exports` maps come from the TypeScript
 * compiler's own resolver (`ts.resolveModuleName`) over a cached host; workspace packages (npm, yarn and pnpm
 * workspaces) are found by name, so a checkout without `node_modules` resolves the same as an installed one.
 */
import fs from 'node:fs';
import path from 'node:path';
import type * as ts from 'typescript';
import { compiler } from '../ts.js';
import type { PackageInfo, Workspace } from './workspace.js';
import { globMatcher } from '../glob.js';

const SOURCE = /\.(?:[cm]?ts|tsx|[cm]?js|jsx)$/;
const DECLARATION = /\.d\.[cm]?ts$/;
const SKIPPED_DIRS = new Set(['node_modules', '.git', 'dist', 'build', 'coverage', '.next', '.turbo', 'out']);

/**
 * The nearest tsconfig.json or jsconfig.json in `dir` or above it, up to the repository root (a directory with
 * `.git`, looked for with `exists`) or the filesystem root; undefined when there is none. With `cache`, every
 * directory walked keeps its answer there, so the files of a tree look at each directory once.
 */
export function nearestProjectConfig(
  dir: string,
  fileExists: (file: string) => boolean,
  cache?: Map<string, string | undefined>,
  exists: (file: string) => boolean = fs.existsSync,
): string | undefined {
  const walked: string[] = [];
  let found: string | undefined;
  for (let d = dir; ; d = path.dirname(d)) {
    if (cache?.has(d)) {
      found = cache.get(d);
      break;
    }
    walked.push(d);
    found = ['tsconfig.json', 'jsconfig.json'].map((name) => path.join(d, name)).find(fileExists);
    if (found || path.dirname(d) === d || exists(path.join(d, '.git'))) break;
  }
  if (cache) for (const d of walked) cache.set(d, found);
  return found;
}

/** A tsconfig/jsconfig's compiler options with `extends` applied; undefined when it cannot be read or parsed. */
export function readCompilerOptions(t: typeof compiler, file: string, files: Pick<ts.ParseConfigHost, 'fileExists' | 'readFile'>): ts.CompilerOptions | undefined {
  const read = t.readConfigFile(file, files.readFile);
  if (read.error || !read.config) return undefined;
  // only the options are wanted: no file list
  const host: ts.ParseConfigHost = { useCaseSensitiveFileNames: true, fileExists: files.fileExists, readFile: files.readFile, readDirectory: () => [] };
  return t.parseJsonConfigFileContent(read.config, host, path.dirname(file), undefined, file).options;
}

/** Resolves import specifiers to project files, caching everything it reads for the life of the resolver. */
export class ModuleResolver {
  private readonly t: typeof compiler;
  private readonly host: ts.ModuleResolutionHost;
  private readonly exists = new Map<string, boolean>();
  private readonly dirs = new Map<string, boolean>();
  private readonly options = new Map<string, ts.CompilerOptions>();
  private readonly caches = new Map<ts.CompilerOptions, ts.ModuleResolutionCache>();
  private readonly members = new Map<string, Map<string, string>>();

  constructor(
    /** The packages imports are resolved in (the model also asks it which package a file belongs to). */
    readonly workspace: Workspace,
    t: typeof compiler = compiler,
  ) {
    this.t = t;
    this.host = {
      fileExists: (f) => this.fileExists(f),
      readFile: (f) => {
        try {
          return fs.readFileSync(f, 'utf8');
        } catch {
          // the compiler asks for files that may not be there
          return undefined;
        }
      },
      directoryExists: (d) => this.directoryExists(d),
      realpath: (p) => p,
      getCurrentDirectory: () => process.cwd(),
    };
  }

  private fileExists(f: string): boolean {
    let v = this.exists.get(f);
    if (v === undefined) {
      try {
        v = fs.statSync(f).isFile();
      } catch {
        v = false; // not there
      }
      this.exists.set(f, v);
    }
    return v;
  }

  private directoryExists(d: string): boolean {
    let v = this.dirs.get(d);
    if (v === undefined) {
      try {
        v = fs.statSync(d).isDirectory();
      } catch {
        v = false; // not there
      }
      this.dirs.set(d, v);
    }
    return v;
  }

  /** The absolute project file `specifier` names from `fromFile` (absolute), or undefined when external. */
  resolve(fromFile: string, specifier: string): string | undefined {
    if (specifier.startsWith('node:') || specifier === '') return undefined;
    const options = this.optionsFor(path.dirname(fromFile));
    const hit = this.t.resolveModuleName(specifier, fromFile, options, this.host, this.cacheFor(options)).resolvedModule;
    if (hit && !hit.isExternalLibraryImport && !DECLARATION.test(hit.resolvedFileName) && !hit.resolvedFileName.includes('/node_modules/')) return hit.resolvedFileName;
    if (specifier.startsWith('.') || specifier.startsWith('/')) return undefined;
    return this.resolveWorkspacePackage(fromFile, specifier);
  }

  private cacheFor(options: ts.CompilerOptions): ts.ModuleResolutionCache {
    let cache = this.caches.get(options);
    if (!cache) {
      cache = this.t.createModuleResolutionCache(process.cwd(), (f) => f, options);
      this.caches.set(options, cache);
    }
    return cache;
  }

  /** The compiler options of the nearest tsconfig.json or jsconfig.json above `dir`, with `extends` applied. */
  private optionsFor(dir: string): ts.CompilerOptions {
    const cached = this.options.get(dir);
    if (cached) return cached;
    const file = nearestProjectConfig(dir, (f) => this.fileExists(f));
    const options = this.withDefaults((file ? readCompilerOptions(this.t, file, { fileExists: this.host.fileExists, readFile: (f) => this.host.readFile(f) }) : undefined) ?? {});
    this.options.set(dir, options);
    return options;
  }

  /** Bundler resolution unless the project chose Node's: extensionless relative imports and `exports` maps. */
  private withDefaults(options: ts.CompilerOptions): ts.CompilerOptions {
    const t = this.t;
    const kind = options.moduleResolution;
    const modern = kind === t.ModuleResolutionKind.Node16 || kind === t.ModuleResolutionKind.NodeNext || kind === t.ModuleResolutionKind.Bundler;
    return {
      ...options,
      allowJs: true,
      resolveJsonModule: false,
      ...(modern ? {} : { moduleResolution: t.ModuleResolutionKind.Bundler, module: t.ModuleKind.ESNext }),
    };
  }

  /** `@acme/db` or `@acme/db/orders`: a package of the workspace `fromFile` belongs to, by its name. */
  private resolveWorkspacePackage(fromFile: string, specifier: string): string | undefined {
    const parts = specifier.split('/');
    const nameLength = specifier.startsWith('@') ? 2 : 1;
    const name = parts.slice(0, nameLength).join('/');
    const subpath = parts.slice(nameLength).join('/');
    const dir = this.workspaceMembers(fromFile).get(name);
    if (!dir) return undefined;
    const pkg = this.workspace.packageAt(dir);
    if (!pkg) return undefined;
    for (const target of entryCandidates(pkg, subpath)) {
      const file = this.resolveInPackage(pkg, target);
      if (file) return file;
    }
    return undefined;
  }

  /** A path inside a package, as written in its manifest or a subpath: the source file it is, or is built from. */
  private resolveInPackage(pkg: PackageInfo, target: string): string | undefined {
    const rel = target.replace(/^\.\//, '');
    const tries = [rel];
    // dist/index.js is built from src/index.ts
    const built = /^(?:dist|build|lib|out|esm|cjs)\/(.*)$/.exec(rel);
    if (built) tries.push(`src/${built[1]}`, built[1]!);
    else if (!rel.startsWith('src/')) tries.push(`src/${rel}`);
    for (const candidate of tries) {
      const abs = path.join(pkg.dir, candidate.replace(/\.d\.[cm]?ts$/, '').replace(/\.[cm]?js$/, ''));
      const hit = this.t.resolveModuleName(`./${path.basename(abs)}`, path.join(path.dirname(abs), '__errlint__.ts'), this.optionsFor(pkg.dir), this.host).resolvedModule;
      if (hit && SOURCE.test(hit.resolvedFileName) && !DECLARATION.test(hit.resolvedFileName)) return hit.resolvedFileName;
    }
    return undefined;
  }

  private readonly sources = new Map<string, string[]>();

  /**
   * The source files of the package `fromFile` belongs to (the directory of its nearest package manifest, else
   * its own directory), not those of packages nested in it nor build output or dependencies; listed once per
   * package for the life of the resolver.
   */
  packageSources(fromFile: string): { dir: string; files: readonly string[] } {
    const dir = this.workspace.packageOf(fromFile)?.dir ?? path.dirname(fromFile);
    let files = this.sources.get(dir);
    if (!files) {
      const out: string[] = [];
      const walk = (d: string): void => {
        let entries: fs.Dirent[];
        try {
          entries = fs.readdirSync(d, { withFileTypes: true });
        } catch {
          return; // unreadable: nothing listed there
        }
        for (const e of entries) {
          const abs = path.join(d, e.name);
          if (e.isDirectory()) {
            if (!SKIPPED_DIRS.has(e.name) && !e.name.startsWith('.') && !this.workspace.packageAt(abs)) walk(abs);
          } else if (e.isFile() && SOURCE.test(e.name) && !DECLARATION.test(e.name)) {
            out.push(abs);
          }
        }
      };
      walk(dir);
      files = out;
      this.sources.set(dir, files);
    }
    return { dir, files };
  }

  /** Package name → directory, for the workspace (npm/yarn/pnpm `workspaces`) above `fromFile`. */
  private workspaceMembers(fromFile: string): Map<string, string> {
    let root: PackageInfo | undefined;
    for (let dir = path.dirname(fromFile); ; dir = path.dirname(dir)) {
      const pkg = this.workspace.packageAt(dir);
      if (pkg && pkg.workspaces.length > 0) root = pkg;
      if (path.dirname(dir) === dir || fs.existsSync(path.join(dir, '.git'))) break;
    }
    if (!root) return new Map();
    let members = this.members.get(root.dir);
    if (!members) {
      members = this.findMembers(root);
      this.members.set(root.dir, members);
    }
    return members;
  }

  private findMembers(root: PackageInfo): Map<string, string> {
    const globs = root.workspaces.filter((g) => !g.startsWith('!')).map((g) => g.replace(/\/+$/, ''));
    const isMember = globMatcher(globs);
    const out = new Map<string, string>();
    const walk = (dir: string, rel: string, depth: number): void => {
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        return; // unreadable: no members there
      }
      for (const e of entries) {
        if (!e.isDirectory() || SKIPPED_DIRS.has(e.name) || e.name.startsWith('.')) continue;
        const childRel = rel ? `${rel}/${e.name}` : e.name;
        const abs = path.join(dir, e.name);
        if (isMember(childRel)) {
          const pkg = this.workspace.packageAt(abs);
          if (pkg?.name && !out.has(pkg.name)) out.set(pkg.name, abs);
        }
        if (depth < 3) walk(abs, childRel, depth + 1);
      }
    };
    walk(root.dir, '', 0);
    return out;
  }
}

/** Where a package's entry for `subpath` may be: its `exports`, then `module`/`main`/`types`, then `index`. */
function entryCandidates(pkg: PackageInfo, subpath: string): string[] {
  const out: string[] = [];
  const key = subpath ? `./${subpath}` : '.';
  const exp = pkg.entries.exports;
  const pick = (value: unknown): void => {
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) value.forEach(pick);
    else if (value && typeof value === 'object') {
      const conditions = value as Record<string, unknown>;
      for (const c of ['source', 'typescript', 'development', 'import', 'module', 'default', 'require', 'node', 'types']) if (c in conditions) pick(conditions[c]);
    }
  };
  if (typeof exp === 'string' || Array.isArray(exp)) {
    if (!subpath) pick(exp);
  } else if (exp && typeof exp === 'object') {
    const map = exp as Record<string, unknown>;
    const isSubpathMap = Object.keys(map).some((k) => k.startsWith('.'));
    if (!isSubpathMap) {
      if (!subpath) pick(map);
    } else if (key in map) {
      pick(map[key]);
    } else {
      // "./*": "./src/*.ts"
      for (const [pattern, value] of Object.entries(map)) {
        const star = pattern.indexOf('*');
        if (star === -1) continue;
        const prefix = pattern.slice(0, star);
        const suffix = pattern.slice(star + 1);
        if (!key.startsWith(prefix) || !key.endsWith(suffix)) continue;
        const match = key.slice(prefix.length, key.length - suffix.length);
        const before = out.length;
        pick(value);
        for (let i = before; i < out.length; i++) out[i] = out[i]!.replace('*', match);
      }
    }
  }
  if (!subpath) {
    for (const e of [pkg.entries.module, pkg.entries.main, pkg.entries.types]) if (e) out.push(e);
    out.push('index');
  } else {
    out.push(subpath);
  }
  return [...new Set(out)];
}
