import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../utils/exec.js';
import { tempProject } from '../utils/temp-project.js';

// Issue 16: a suggestion that makes an exported function throw (a rethrow in its catch block) or reject (its
// `.catch` removed) changes what its callers in other files get. The project model asks those callers: a call left
// floating, the function passed on as a callback, or — for a function that answers a value — a caller using the
// value it got on failure (a stat helper whose callers test the result before reading `.ino`) keeps the rewrite
// back, and the finding says why; callers that await the call where a failure reaches a handler let it through.

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const audit = (cwd: string, ...args: string[]) => run(['audit', '--no-timing', '--rule', 'swallowed-catch', '--preset', 'strict', '--fail-on', 'none', ...args], cwd);
const descriptions = async (cwd: string): Promise<Record<string, string[]>> => {
  const report = await audit(cwd, '--format', 'json');
  const findings = (JSON.parse(report.stdout) as { findings: { file: string; line: number; suggestions?: { description: string }[] }[] }).findings;
  return Object.fromEntries(findings.map((f) => [`${f.file}:${f.line}`, (f.suggestions ?? []).map((s) => s.description)]));
};

const PACKAGE = JSON.stringify({ name: 'teams-api', dependencies: { express: '^4.21.0' } });

// teams/members.ts: only a constraint violation becomes an answer; any other failure is swallowed
const MEMBERS = [
  'export async function enrolMember(teamId: string, userId: string) {',
  '  try {',
  '    await db.member.create({ data: { teamId, userId } });',
  '  } catch (error) {',
  "    if (error.code === 'P2002') throw new ConflictError('Already a member');",
  '  }',
  '}',
  '',
].join('\n');

// a caller that fires and forgets: a rethrow would become an unhandled rejection here
const INVITES_FLOATING = [
  "import { enrolMember } from '../teams/members';",
  'export function acceptInvite(teamId: string, userId: string) {',
  '  enrolMember(teamId, userId);',
  "  return 'accepted';",
  '}',
  '',
].join('\n');

// a caller that awaits it as a statement: a failure reaches this function's own caller
const INVITES_AWAITED = [
  "import * as members from '../teams/members';",
  'export async function acceptInvite(teamId: string, userId: string) {',
  '  await members.enrolMember(teamId, userId);',
  "  return 'accepted';",
  '}',
  '',
].join('\n');

// storage/entries.js: a CommonJS helper that answers the moved entry's stats, or undefined when the move failed
const ENTRIES = [
  'async function relocateEntry(target, to) {',
  '  try {',
  '    return await storage.move(target, to);',
  '  } catch (err) {',
  "    if (err.code === 'EACCES') throw new AccessError(target);",
  '  }',
  '}',
  'module.exports = { relocateEntry };',
  '',
].join('\n');

// a caller in another file tests the answer before reading `.ino`: a failed move is "no inode", not a failure
const SCANNER = [
  "const { relocateEntry } = require('../storage/entries');",
  'async function inodeAfterMove(target, to) {',
  '  const moved = await relocateEntry(target, to);',
  '  return moved ? String(moved.ino) : null;',
  '}',
  'module.exports = { inodeAfterMove };',
  '',
].join('\n');

// a signal listener in another file is handed the exported function; no one awaits what it returns
const LEDGER = [
  'export async function syncLedger() {',
  '  await ledger.sync().catch((err) => {});',
  '}',
  '',
].join('\n');
const SHUTDOWN = ["import { syncLedger } from './ledger';", "process.on('SIGTERM', syncLedger);", ''].join('\n');
const SHUTDOWN_AWAITED = ["import { syncLedger } from './ledger';", 'export async function stop() {', '  await syncLedger();', '  await server.close();', '}', ''].join('\n');

const CALLERS_NOTE =
  'No propagating rewrite is offered: callers of the exported function in other files leave its promise floating, pass it on as a callback, or use the value it answers on failure, so a throw or rejection there would be unhandled or change their answer.';

describe('a throw or rejection added to an exported function asks its callers in other files', () => {
  it('keeps the rethrow back while a caller elsewhere leaves the promise floating', async () => {
    const cwd = tempProject({ 'package.json': PACKAGE, 'src/teams/members.ts': MEMBERS, 'src/invites/accept.ts': INVITES_FLOATING }, 'errlint-callers-');
    dirs.push(cwd);
    expect(await descriptions(cwd)).toEqual({ 'src/teams/members.ts:4': [CALLERS_NOTE] });
    const applied = await audit(cwd, '--apply-suggestions', 'swallowed-catch');
    expect(applied.stderr).toBe('Applied 0 suggestions in 0 files.\n');
    expect(fs.readFileSync(path.join(cwd, 'src/teams/members.ts'), 'utf8')).toBe(MEMBERS);
  });

  it('rethrows when every caller elsewhere awaits the call where a failure reaches its own caller', async () => {
    const cwd = tempProject({ 'package.json': PACKAGE, 'src/teams/members.ts': MEMBERS, 'src/invites/accept.ts': INVITES_AWAITED }, 'errlint-callers-');
    dirs.push(cwd);
    expect(await descriptions(cwd)).toEqual({ 'src/teams/members.ts:4': ['Rethrow the error so the caller sees the failure.'] });
    await audit(cwd, '--apply-suggestions', 'swallowed-catch');
    expect(fs.readFileSync(path.join(cwd, 'src/teams/members.ts'), 'utf8')).toBe(MEMBERS.replace("Already a member');\n  }", "Already a member');\n    throw error;\n  }"));
    expect((await audit(cwd, '--apply-suggestions', 'swallowed-catch')).stderr).toBe('Applied 0 suggestions in 0 files.\n');
  });

  it('keeps the answer of a stat helper whose callers elsewhere test it before reading a field', async () => {
    const cwd = tempProject({ 'package.json': PACKAGE, 'src/storage/entries.js': ENTRIES, 'src/scan/scanner.js': SCANNER }, 'errlint-callers-');
    dirs.push(cwd);
    expect(await descriptions(cwd)).toEqual({ 'src/storage/entries.js:4': [CALLERS_NOTE] });
    await audit(cwd, '--apply-suggestions', 'swallowed-catch');
    expect(fs.readFileSync(path.join(cwd, 'src/storage/entries.js'), 'utf8')).toBe(ENTRIES);
  });

  it('keeps the `.catch` of a function another file hands to a signal listener, and removes it once that file awaits it', async () => {
    const passed = tempProject({ 'package.json': PACKAGE, 'src/ledger.ts': LEDGER, 'src/shutdown.ts': SHUTDOWN }, 'errlint-callers-');
    const awaited = tempProject({ 'package.json': PACKAGE, 'src/ledger.ts': LEDGER, 'src/shutdown.ts': SHUTDOWN_AWAITED }, 'errlint-callers-');
    dirs.push(passed, awaited);
    expect(await descriptions(passed)).toEqual({ 'src/ledger.ts:2': [CALLERS_NOTE] });
    expect(await descriptions(awaited)).toEqual({ 'src/ledger.ts:2': ['Remove the rejection handler so the failure reaches the caller.'] });
    await audit(awaited, '--apply-suggestions', 'swallowed-catch');
    expect(fs.readFileSync(path.join(awaited, 'src/ledger.ts'), 'utf8')).toBe('export async function syncLedger() {\n  await ledger.sync();\n}\n');
  });
});
