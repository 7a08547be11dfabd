/**
 * missing-transaction across modules when a service writes through data stores typed with interfaces (nothing to
 * summarise: `IDeviceTokenStore.saveToken` is one write by its name) and through another service whose exported
 * method reaches its store through the file's own private helpers (`createKey` → `insertKey` → `store.insertKey`).
 * A store that is no database (`ISessionStore`) and reads (`getToken`) do not count.
 */
import fs from 'node:fs';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import plugin from '../../src/eslint/plugin.js';
import { errlint } from '../utils/exec.js';
import { tempProject } from '../utils/temp-project.js';

const devices = [
  "import type { IDeviceTokenStore, ISessionStore } from '../types/stores';",
  "import type { KeyService } from './key-service';",
  'export default class DeviceService {',
  '  private tokenStore: IDeviceTokenStore;',
  '  private sessions: ISessionStore;',
  '  private keys: KeyService;',
  '  constructor(stores: { tokenStore: IDeviceTokenStore; sessions: ISessionStore }, keys: KeyService) {',
  '    this.tokenStore = stores.tokenStore;',
  '    this.sessions = stores.sessions;',
  '    this.keys = keys;',
  '  }',
  '  async enroll(deviceIds: string[]) {',
  '    for (const id of deviceIds) {',
  '      const existing = await this.tokenStore.getToken(id);',
  '      if (!existing) {',
  '        const key = await this.keys.createKey(id);',
  '        await this.tokenStore.saveToken(id, key);',
  '      }',
  '    }',
  '  }',
  '  async remember(id: string) {',
  "    await this.sessions.setSession(id, 'seen');",
  "    await this.tokenStore.saveToken(id, 'seen');",
  '  }',
  '  async rotate(id: string) {',
  '    const token = await this.tokenStore.getToken(id);',
  '    await this.tokenStore.saveToken(id, `${token}-next`);',
  '  }',
  '}',
  '',
].join('\n');

const cwd = tempProject({
  'package.json': JSON.stringify({ name: 'fleet', private: true, dependencies: { express: '5.0.0', knex: '3.0.0' } }),
  'src/types/stores.ts': [
    'export interface IDeviceTokenStore {',
    '  getToken(id: string): Promise<string | undefined>;',
    '  saveToken(id: string, token: string): Promise<void>;',
    '}',
    'export interface IKeyStore {',
    '  insertKey(name: string, secret: string): Promise<string>;',
    '}',
    'export interface ISessionStore {',
    '  setSession(id: string, value: string): Promise<void>;',
    '}',
    '',
  ].join('\n'),
  'src/services/key-service.ts': [
    "import type { IKeyStore } from '../types/stores';",
    'export class KeyService {',
    '  constructor(private readonly store: IKeyStore) {}',
    '  async createKey(name: string) {',
    '    return this.insertKey(name.trim());',
    '  }',
    '  private async insertKey(name: string) {',
    "    return this.store.insertKey(name, Math.random().toString(36));",
    '  }',
    '}',
    '',
  ].join('\n'),
  'src/services/device-service.ts': devices,
});
fs.mkdirSync(path.join(cwd, '.git'));
afterAll(() => fs.rmSync(cwd, { recursive: true, force: true }));

const expected = [{ file: 'src/services/device-service.ts', line: 16, message: "2 database writes in 'enroll' are not in one transaction (lines 16, 17)." }];
const shape = (fs: { file: string; line: number; message: string }[]) => fs.map((f) => ({ file: f.file, line: f.line, message: f.message }));

describe('writes through interface-typed stores and a service’s private helpers', () => {
  it('count with the caller’s, through the CLI engine', async () => {
    const run = await audit({ cwd, config: { rules: {} }, only: ['missing-transaction'] });
    expect(shape(run.findings)).toEqual(expected);
  });

  it('count the same through the real CLI, auditing the one file', () => {
    const r = errlint(['audit', 'src/services/device-service.ts', '--rule', 'missing-transaction', '--format', 'json', '--fail-on', 'none'], cwd);
    expect(r.code).toBe(0);
    expect(shape((JSON.parse(r.stdout) as { findings: { file: string; line: number; message: string }[] }).findings)).toEqual(expected);
  });

  it('count the same in ESLint', () => {
    const linter = new Linter({ cwd });
    const config = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { errlint: plugin }, rules: { 'errlint/missing-transaction': 'error' as const } }];
    const found = linter.verify(devices, config, path.join(cwd, 'src/services/device-service.ts')).map((m) => ({ file: 'src/services/device-service.ts', line: m.line, message: m.message }));
    expect(found).toEqual(expected);
  });
});
