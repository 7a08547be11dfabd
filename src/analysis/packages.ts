import type { ProjectFile, ProjectManifest, ProjectPackage } from '../types.js';

/** One application of the audited tree with the workspace packages it is built from. */
export interface AppGroup<Fact> {
  /** The app's package root, relative to the working directory (`''` for the root). */
  dir: string;
  manifest: ProjectManifest | undefined;
  /** The app package's own files. */
  own: ProjectFile<Fact>[];
  /** Its own files and those of the audited packages it depends on, directly or not, in path order. */
  files: ProjectFile<Fact>[];
  /** The manifests of the app and of those packages. */
  manifests: ProjectManifest[];
}

/** The package a file belongs to: the nearest package root above it. */
export function packageOf(packages: readonly ProjectPackage[], file: string): ProjectPackage | undefined {
  let best: ProjectPackage | undefined;
  for (const p of packages) {
    if ((p.dir === '' || file.startsWith(`${p.dir}/`)) && (!best || p.dir.length > best.dir.length)) best = p;
  }
  return best;
}

/**
 * Splits a tree into applications. A package no other audited package depends on is an application (or a
 * library published on its own) and is judged with every workspace package it depends on; a package others
 * depend on is judged only as part of them. `files` should leave tests out: a package without other files
 * depends on nothing here. Without package roots the whole tree is one application.
 */
export function appGroups<Fact>(
  files: readonly ProjectFile<Fact>[],
  packages: readonly ProjectPackage[],
  rootManifest: ProjectManifest | undefined,
): AppGroup<Fact>[] {
  const pkgs = [...packages];
  if (!pkgs.some((p) => p.dir === '') && (rootManifest || files.some((f) => !packageOf(pkgs, f.file)))) {
    pkgs.unshift({ dir: '', manifest: rootManifest ?? { dependencies: [], scripts: {}, isLibrary: false } });
  }
  if (pkgs.length === 1) return [{ dir: pkgs[0]!.dir, manifest: rootManifest ?? pkgs[0]!.manifest, own: [...files], files: [...files], manifests: rootManifest ? [rootManifest] : [pkgs[0]!.manifest] }];

  const own = new Map<string, ProjectFile<Fact>[]>(pkgs.map((p) => [p.dir, []]));
  for (const f of files) own.get(packageOf(pkgs, f.file)?.dir ?? '')?.push(f);
  const byName = new Map<string, ProjectPackage>();
  for (const p of pkgs) if (p.manifest.name !== undefined && !byName.has(p.manifest.name)) byName.set(p.manifest.name, p);
  const depsOf = (p: ProjectPackage): ProjectPackage[] =>
    p.manifest.dependencies.map((d) => byName.get(d)).filter((d): d is ProjectPackage => d !== undefined && d !== p);
  const dependedOn = new Set<string>();
  // a package of tests only (an e2e suite depending on the app) does not make the app a library
  for (const p of pkgs) if (own.get(p.dir)?.length) for (const d of depsOf(p)) dependedOn.add(d.dir);

  const closure = (p: ProjectPackage): ProjectPackage[] => {
    const seen = new Map<string, ProjectPackage>([[p.dir, p]]);
    const queue = [p];
    while (queue.length) for (const d of depsOf(queue.shift()!)) if (!seen.has(d.dir)) queue.push(seen.set(d.dir, d).get(d.dir)!);
    return [...seen.values()];
  };
  const groups: AppGroup<Fact>[] = [];
  const covered = new Set<string>();
  const add = (p: ProjectPackage): void => {
    const members = closure(p);
    for (const m of members) covered.add(m.dir);
    const memberFiles = members.flatMap((m) => own.get(m.dir) ?? []).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    groups.push({ dir: p.dir, manifest: p.manifest, own: own.get(p.dir) ?? [], files: memberFiles, manifests: members.map((m) => m.manifest) });
  };
  for (const p of pkgs) if (!dependedOn.has(p.dir)) add(p);
  // packages that depend on each other in a cycle with no app above them
  for (const p of pkgs) if (!covered.has(p.dir)) add(p);
  return groups;
}
