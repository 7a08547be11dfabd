/**
 * `errlint roles`: the role errlint decided for each file and why, so a user can see why a file was skipped.
 * Folders whose files all share one decision are shown once.
 */
import path from 'node:path';
import { allRules } from '../../rules/index.js';
import { fileTasks } from '../audit.js';
import type { UserConfig } from '../config/load-config.js';
import { createConfigResolver, type EffectiveConfig } from '../config/lookup.js';
import { discoverFiles } from '../discovery.js';
import { createRoleClassifier } from '../engine/file-facts.js';
import { readSource } from '../engine/file-runner.js';
import { UsageError } from '../errors.js';
import { Workspace } from './workspace.js';
import type { ClientPlatform, CodeRole, RoleEvidence } from './roles.js';

/** One file, or a folder (path ending in `/`) whose files all got the same decision. */
export interface RoleEntry {
  path: string;
  role: CodeRole;
  platform?: ClientPlatform;
  evidence: RoleEvidence;
  reason: string;
  /** How many files the entry stands for. */
  files: number;
}

export interface RolesOptions {
  cwd?: string;
  paths?: readonly string[];
  config?: string | UserConfig;
  /** `false` (`--no-config-lookup`): read no config file of the tree. */
  configLookup?: boolean;
  /** One entry per file, no folders. */
  perFile?: boolean;
}

/** Decides every discovered file's role, the way `audit` does. */
export async function listRoles(options: RolesOptions = {}): Promise<RoleEntry[]> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const resolver = await createConfigResolver({ cwd, config: options.config, lookup: options.configLookup, rules: allRules });
  const paths = options.paths?.length ? options.paths : ['.'];
  const { files } = discoverFiles({ cwd, patterns: paths, configIgnored: resolver.ignored });
  const workspace = new Workspace();
  // one classifier per configuration, as `audit` builds one lint setup per configuration
  const deciders = new Map<EffectiveConfig, ReturnType<typeof createRoleClassifier>>();
  const decided: RoleEntry[] = [];
  for (const task of fileTasks(cwd, paths, files)) {
    const read = readSource(task.abs, task.rel);
    if ('error' in read) continue;
    const effective = resolver.forFile(task.abs);
    let decide = deciders.get(effective);
    if (!decide) deciders.set(effective, (decide = createRoleClassifier(effective.config.files, { workspace, root: cwd, layers: effective.config.filesLayers })));
    const d = decide(task.factsPath, read.text, task.abs);
    decided.push({ path: task.rel, role: d.role, ...(d.platform ? { platform: d.platform } : {}), evidence: d.evidence, reason: d.reason, files: 1 });
  }
  return options.perFile ? decided : groupByFolder(decided);
}

const keyOf = (e: RoleEntry): string => `${e.role}\0${e.platform ?? ''}\0${e.evidence}\0${e.reason}`;

/** Collapses each folder whose files (two or more) all share one decision into one entry, topmost folder first. */
export function groupByFolder(files: readonly RoleEntry[]): RoleEntry[] {
  const keys = new Map<string, Set<string>>();
  const counts = new Map<string, number>();
  for (const f of files) {
    const key = keyOf(f);
    for (let dir = path.posix.dirname(f.path); dir !== '.' && dir !== '/' && !dir.startsWith('..'); dir = path.posix.dirname(dir)) {
      let set = keys.get(dir);
      if (!set) keys.set(dir, (set = new Set()));
      set.add(key);
      counts.set(dir, (counts.get(dir) ?? 0) + 1);
    }
  }
  const out: RoleEntry[] = [];
  const emitted = new Set<string>();
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    let top: string | undefined;
    for (let dir = path.posix.dirname(f.path); dir !== '.' && dir !== '/' && !dir.startsWith('..'); dir = path.posix.dirname(dir)) {
      if (keys.get(dir)!.size === 1 && counts.get(dir)! > 1) top = dir;
    }
    if (!top) {
      out.push(f);
    } else if (!emitted.has(top)) {
      emitted.add(top);
      out.push({ ...f, path: `${top}/`, files: counts.get(top)! });
    }
  }
  return out;
}

/** Files per role (client split by platform) and, per role, per reason, most files first. */
export interface RoleSummary {
  files: number;
  roles: { role: CodeRole; platform?: ClientPlatform; files: number; reasons: { reason: string; files: number }[] }[];
}

/** Counts the decisions of `entries` (per file or grouped: each entry counts for its files). */
export function summarizeRoles(entries: readonly RoleEntry[]): RoleSummary {
  const roles = new Map<string, RoleSummary['roles'][number]>();
  let files = 0;
  for (const e of entries) {
    files += e.files;
    const key = `${e.role}\0${e.platform ?? ''}`;
    let r = roles.get(key);
    if (!r) roles.set(key, (r = { role: e.role, ...(e.platform ? { platform: e.platform } : {}), files: 0, reasons: [] }));
    r.files += e.files;
    const reason = r.reasons.find((x) => x.reason === e.reason);
    if (reason) reason.files += e.files;
    else r.reasons.push({ reason: e.reason, files: e.files });
  }
  const byCount = <T extends { files: number }>(a: T, b: T): number => b.files - a.files;
  const out = [...roles.values()].sort(byCount);
  for (const r of out) r.reasons.sort((a, b) => byCount(a, b) || (a.reason < b.reason ? -1 : 1));
  return { files, roles: out };
}

/** The summary as text (a line per role, its reasons indented below) or `json`. */
export function formatRoleSummary(entries: readonly RoleEntry[], format: string): string {
  const summary = summarizeRoles(entries);
  if (format === 'json') return `${JSON.stringify(summary, null, 2)}\n`;
  if (format !== 'text') throw new UsageError(`Unknown format "${format}" for roles: use text or json.`);
  if (summary.files === 0) return 'No files.\n';
  const label = (r: RoleSummary['roles'][number]): string => (r.platform && r.platform !== 'browser' ? `${r.role} (${r.platform})` : r.role);
  const w = String(summary.files).length;
  const lines = [`${summary.files} files`];
  for (const r of summary.roles) {
    lines.push(`${String(r.files).padStart(w)}  ${label(r)}`);
    for (const x of r.reasons) lines.push(`${' '.repeat(w + 2)}${String(x.files).padStart(w)}  ${x.reason}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `text` (aligned columns) or `json`. */
export function formatRoles(entries: readonly RoleEntry[], format: string): string {
  if (format === 'json') return `${JSON.stringify(entries, null, 2)}\n`;
  if (format !== 'text') throw new UsageError(`Unknown format "${format}" for roles: use text or json.`);
  if (entries.length === 0) return 'No files.\n';
  const label = (e: RoleEntry): string => (e.platform && e.platform !== 'browser' ? `${e.role} (${e.platform})` : e.role);
  const w = Math.max(...entries.map((e) => e.path.length));
  const r = Math.max(...entries.map((e) => label(e).length));
  return entries.map((e) => `${e.path.padEnd(w)}  ${label(e).padEnd(r)}  ${e.reason}${e.files > 1 ? ` (${e.files} files)` : ''}\n`).join('');
}
