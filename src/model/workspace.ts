/**
 * The packages of a project as errlint needs them: for any file, the nearest `package.json` that marks a package
 * (a name or dependencies), its dependencies, `bin`, entry points and the framework it is built on. Read from
 * disk once per directory and cached for the life of the process (a CLI run, a worker thread, an editor
 * session, where `invalidate` forgets a changed manifest).
 */
import fs from 'node:fs';
import path from 'node:path';

/** Frameworks whose file conventions decide where code runs. */
export type AppFramework = 'next' | 'remix' | 'sveltekit' | 'nuxt' | 'astro';

/** One package: a directory with a `package.json` that names a package or lists dependencies. */
export interface PackageInfo {
  /** Absolute directory. */
  dir: string;
  name?: string;
  /** `dependencies`, `peerDependencies` and `optionalDependencies`: what the package needs at run time. */
  runtime: ReadonlySet<string>;
  /** `devDependencies`. */
  dev: ReadonlySet<string>;
  /** The declared version range of each dependency of any kind (`"node-fetch": "^2.6.7"`). */
  versions: Readonly<Record<string, string>>;
  /** `bin` entries, relative to `dir`, `/` separators, without a leading `./`. */
  bin: readonly string[];
  /** `main`, `module`, `types` and `exports`, as written, for module resolution. */
  entries: { main?: string; module?: string; types?: string; exports?: unknown };
  /** npm/yarn `workspaces` globs (or pnpm-workspace.yaml `packages`) when this is a workspace root. */
  workspaces: readonly string[];
  scripts: Readonly<Record<string, string>>;
  /** Declares `main`, `exports`, `module` or `types`: a package meant to be imported. */
  isLibrary: boolean;
  /** `engines.vscode`: an editor extension. */
  isEditorExtension: boolean;
  /** A WebExtension `manifest.json` (with `manifest_version`) at the root, in `public/`, `src/` or `static/`. */
  isBrowserExtension: boolean;
  framework?: AppFramework;
}

/** A parsed `package.json`, before it is known to mark a package. */
type Manifest = Record<string, unknown>;

const FRAMEWORK_DEPS: ReadonlyArray<[AppFramework, readonly string[]]> = [
  ['next', ['next']],
  ['remix', ['@remix-run/node', '@remix-run/react', '@remix-run/dev', '@remix-run/cloudflare', '@remix-run/deno', '@react-router/dev', '@react-router/node', '@react-router/serve']],
  ['sveltekit', ['@sveltejs/kit']],
  ['nuxt', ['nuxt', 'nuxt3']],
  ['astro', ['astro']],
];

function readJson(file: string): Manifest | undefined {
  try {
    const value: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Manifest) : undefined;
  } catch {
    // a missing, unreadable or malformed file says nothing about the package
    return undefined;
  }
}

function keysOf(value: unknown): string[] {
  return value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
}

function stripDot(p: string): string {
  return p.replace(/^\.\//, '');
}

function binPaths(bin: unknown): string[] {
  if (typeof bin === 'string') return [stripDot(bin)];
  if (bin && typeof bin === 'object') return Object.values(bin).filter((v): v is string => typeof v === 'string').map(stripDot);
  return [];
}

/** The `packages` globs of a `pnpm-workspace.yaml`: a list under `packages:`, read without a YAML library. */
function pnpmWorkspaces(dir: string): string[] {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, 'pnpm-workspace.yaml'), 'utf8');
  } catch {
    // not a pnpm workspace root
    return [];
  }
  const out: string[] = [];
  let inPackages = false;
  for (const line of text.split(/\r?\n/)) {
    if (/^packages\s*:/.test(line)) {
      inPackages = true;
      continue;
    }
    if (!inPackages) continue;
    const item = /^\s+-\s*['"]?([^'"#]+?)['"]?\s*(?:#.*)?$/.exec(line);
    if (item) out.push(item[1]!);
    else if (/^\S/.test(line)) inPackages = false;
  }
  return out;
}

function workspaceGlobs(dir: string, pkg: Manifest): string[] {
  const ws = pkg.workspaces;
  const list = Array.isArray(ws) ? ws : ws && typeof ws === 'object' ? (ws as { packages?: unknown }).packages : undefined;
  const globs = Array.isArray(list) ? list.filter((g): g is string => typeof g === 'string') : [];
  return [...globs, ...pnpmWorkspaces(dir)];
}

function hasWebExtensionManifest(dir: string): boolean {
  for (const sub of ['', 'public', 'src', 'static']) {
    const manifest = readJson(path.join(dir, sub, 'manifest.json'));
    if (manifest && typeof manifest.manifest_version === 'number') return true;
  }
  return false;
}

function toPackage(dir: string, pkg: Manifest): PackageInfo | undefined {
  const runtime = new Set([...keysOf(pkg.dependencies), ...keysOf(pkg.peerDependencies), ...keysOf(pkg.optionalDependencies)]);
  const dev = new Set(keysOf(pkg.devDependencies));
  const workspaces = workspaceGlobs(dir, pkg);
  const name = typeof pkg.name === 'string' ? pkg.name : undefined;
  // a bare { "type": "module" } marks no package: the one above it decides
  if (name === undefined && runtime.size === 0 && dev.size === 0 && workspaces.length === 0) return undefined;
  const has = (d: string): boolean => runtime.has(d) || dev.has(d);
  const scripts = pkg.scripts && typeof pkg.scripts === 'object' ? Object.fromEntries(Object.entries(pkg.scripts).filter((e): e is [string, string] => typeof e[1] === 'string')) : {};
  const engines = pkg.engines && typeof pkg.engines === 'object' ? (pkg.engines as Record<string, unknown>) : {};
  const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  const versions: Record<string, string> = {};
  for (const field of ['devDependencies', 'optionalDependencies', 'peerDependencies', 'dependencies']) {
    const deps = pkg[field];
    if (deps && typeof deps === 'object' && !Array.isArray(deps)) for (const [k, v] of Object.entries(deps)) if (typeof v === 'string') versions[k] = v;
  }
  return {
    dir,
    name,
    runtime,
    dev,
    versions,
    bin: binPaths(pkg.bin),
    entries: { main: str(pkg.main), module: str(pkg.module), types: str(pkg.types) ?? str(pkg.typings), exports: pkg.exports },
    workspaces,
    scripts,
    isLibrary: ['main', 'exports', 'module', 'types'].some((k) => pkg[k] !== undefined),
    isEditorExtension: typeof engines.vscode === 'string',
    isBrowserExtension: hasWebExtensionManifest(dir),
    framework: FRAMEWORK_DEPS.find(([, deps]) => deps.some(has))?.[0],
  };
}

/** Package lookups for one process, cached per directory. */
export class Workspace {
  private readonly byDir = new Map<string, PackageInfo | null>();

  /** The package `dir` itself is the root of, if any. */
  packageAt(dir: string): PackageInfo | undefined {
    let cached = this.byDir.get(dir);
    if (cached === undefined) {
      const manifest = readJson(path.join(dir, 'package.json'));
      cached = (manifest && toPackage(dir, manifest)) ?? null;
      this.byDir.set(dir, cached);
    }
    return cached ?? undefined;
  }

  /**
   * The package an absolute file path belongs to: the nearest directory above it with a package manifest,
   * not looking past the repository root (a directory with `.git`).
   */
  packageOf(absFile: string): PackageInfo | undefined {
    for (let dir = path.dirname(absFile); ; dir = path.dirname(dir)) {
      const found = this.packageAt(dir);
      if (found) return found;
      if (this.isRepoRoot(dir) || path.dirname(dir) === dir) return undefined;
    }
  }

  private readonly roots = new Map<string, boolean>();

  private isRepoRoot(dir: string): boolean {
    let root = this.roots.get(dir);
    if (root === undefined) {
      root = fs.existsSync(path.join(dir, '.git'));
      this.roots.set(dir, root);
    }
    return root;
  }

  /** Forgets what was read from `dir` (its `package.json` changed). */
  invalidate(dir: string): void {
    this.byDir.delete(dir);
  }
}

/** True when the package depends on `name` at run time or for development. */
export function dependsOn(pkg: PackageInfo, name: string): boolean {
  return pkg.runtime.has(name) || pkg.dev.has(name);
}
