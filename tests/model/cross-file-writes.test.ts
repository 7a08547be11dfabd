/**
 * missing-transaction across modules: writes made through imported helpers, query modules and injected
 * services count with the caller's own, and a project transaction wrapper declared elsewhere is known.
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

const signup = [
  "import { prisma } from './db';",
  "import { saveToken } from './tokens';",
  "import { query } from './queries';",
  "import { slugify } from './format';",
  "import { getPlan } from './plans';",
  'export async function signup(email: string) {',
  '  const user = await prisma.user.create({ data: { email } });',
  "  await saveToken(user.id, 'welcome');",
  '}',
  'export async function rename(id: string, name: string) {',
  '  await query.user.update(id, { name });',
  "  await saveToken(id, 'renamed');",
  '}',
  'export async function touch(id: string) {',
  '  await prisma.user.update({ where: { id }, data: { seen: true } });',
  '  await slugify(id);',
  '}',
  '// a callee named as a read does not count as a write, even when it records something',
  'export async function show(id: string) {',
  '  await prisma.user.update({ where: { id }, data: { seen: true } });',
  '  return getPlan(id);',
  '}',
  '// awaited work of unknown kind in another module between the writes: two steps, not one unit',
  'export async function refresh(id: string) {',
  '  await prisma.user.update({ where: { id }, data: { seen: true } });',
  '  await slugify(id);',
  "  await saveToken(id, 'refreshed');",
  '}',
  '// two helper writes in parallel: Promise.all is no transaction',
  'export async function reset(id: string) {',
  "  await Promise.all([saveToken(id, 'reset'), query.user.update(id, { name: null })]);",
  '}',
  '',
].join('\n');

const invites = [
  "import { Injectable } from '@nestjs/common';",
  "import { PrismaService } from './prisma.service';",
  "import { TokenService } from './token.service';",
  '@Injectable()',
  'export class InviteService {',
  '  constructor(private readonly prisma: PrismaService, private readonly tokens: TokenService) {}',
  '  async accept(id: string) {',
  '    await this.prisma.invite.delete({ where: { id } });',
  '    await this.tokens.revoke(id);',
  '  }',
  '  async acceptAtomically(id: string, userId: string) {',
  '    await this.prisma.$tx(async () => {',
  '      await this.prisma.invite.delete({ where: { id } });',
  '      await this.prisma.member.create({ data: { userId } });',
  '    });',
  '  }',
  '}',
  '',
].join('\n');

const cwd = tempProject({
  'package.json': JSON.stringify({ name: 'shop', private: true, dependencies: { '@prisma/client': '5.0.0', '@nestjs/common': '10.0.0', express: '5.0.0' } }),
  'src/db.ts': "import { PrismaClient } from '@prisma/client';\nexport const prisma = new PrismaClient();\n",
  'src/tokens.ts': "import { prisma } from './db';\nexport async function saveToken(userId: string, token: string) {\n  await prisma.token.create({ data: { userId, token } });\n}\n",
  'src/queries/user.ts': "import { prisma } from '../db';\nconst user = {\n  update: async (id: string, data: object) => prisma.user.update({ where: { id }, data }),\n};\nexport const query = { user };\n",
  'src/queries/index.ts': "export { query } from './user';\n",
  'src/plans.ts': "import { prisma } from './db';\nexport async function getPlan(id: string) {\n  await prisma.planView.create({ data: { id } });\n  return prisma.plan.findUnique({ where: { id } });\n}\n",
  'src/format.ts': "export async function slugify(text: string) {\n  return text.toLowerCase();\n}\n",
  'src/prisma.service.ts': "import { Injectable } from '@nestjs/common';\nimport { PrismaClient } from '@prisma/client';\n@Injectable()\nexport class PrismaService extends PrismaClient {\n  $tx<T>(fn: () => Promise<T>) {\n    return this.$transaction(fn);\n  }\n}\n",
  'src/token.service.ts': "import { Injectable } from '@nestjs/common';\nimport { PrismaService } from './prisma.service';\n@Injectable()\nexport class TokenService {\n  constructor(private readonly prisma: PrismaService) {}\n  async revoke(inviteId: string) {\n    await this.prisma.token.deleteMany({ where: { inviteId } });\n  }\n}\n",
  'src/signup.ts': signup,
  'src/invite.service.ts': invites,
});
fs.mkdirSync(path.join(cwd, '.git'));
afterAll(() => fs.rmSync(cwd, { recursive: true, force: true }));

const expected = [
  { file: 'src/invite.service.ts', line: 8, column: 11, message: "2 database writes in 'accept' are not in one transaction (lines 8, 9)." },
  { file: 'src/signup.ts', line: 7, column: 22, message: "2 database writes in 'signup' are not in one transaction (lines 7, 8)." },
  { file: 'src/signup.ts', line: 11, column: 9, message: "2 database writes in 'rename' are not in one transaction (lines 11, 12)." },
  { file: 'src/signup.ts', line: 31, column: 22, message: "2 database writes in 'reset' are not in one transaction (lines 31)." },
];
const found = (findings: { file: string; line: number; column: number; message: string }[]) => findings.map(({ file, line, column, message }) => ({ file, line, column, message }));

describe('writes through helpers in other modules', () => {
  it('count with the caller’s own, through the CLI engine', async () => {
    const run = await audit({ cwd, config: { rules: {} }, only: ['missing-transaction'] });
    expect(found(run.findings)).toEqual(expected);
  });

  it('count the same through the real CLI', () => {
    const r = errlint(['audit', '--rule', 'missing-transaction', '--format', 'json', '--fail-on', 'none'], cwd);
    expect(r.code).toBe(0);
    expect(found((JSON.parse(r.stdout) as { findings: { file: string; line: number; column: number; message: string }[] }).findings)).toEqual(expected);
  });

  it('count when only the calling file is audited', async () => {
    const run = await audit({ cwd, paths: ['src/signup.ts'], config: { rules: {} }, only: ['missing-transaction'] });
    expect(found(run.findings)).toEqual(expected.filter((e) => e.file === 'src/signup.ts'));
  });

  it('count the same in ESLint, reading the imported modules on demand', () => {
    const linter = new Linter({ cwd });
    const config = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { errlint: plugin }, rules: { 'errlint/missing-transaction': 'error' as const } }];
    const lint = (file: string, text: string) => linter.verify(text, config, path.join(cwd, file)).map((m) => ({ file, line: m.line, column: m.column, message: m.message }));
    expect([...lint('src/invite.service.ts', invites), ...lint('src/signup.ts', signup)]).toEqual(expected);
  });
});

describe('a --cache re-run after the helper module changes', () => {
  const dir = tempProject({
    'package.json': JSON.stringify({ name: 'shop', private: true, dependencies: { '@prisma/client': '5.0.0', express: '5.0.0' } }),
    'src/db.ts': "import { PrismaClient } from '@prisma/client';\nexport const prisma = new PrismaClient();\n",
    'src/tokens.ts': "import { prisma } from './db';\nexport async function saveToken(userId: string, token: string) {\n  await prisma.token.create({ data: { userId, token } });\n}\n",
    'src/signup.ts': "import { prisma } from './db';\nimport { saveToken } from './tokens';\nexport async function signup(email: string) {\n  const user = await prisma.user.create({ data: { email } });\n  await saveToken(user.id, 'welcome');\n}\n",
  });
  fs.mkdirSync(path.join(dir, '.git'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const run = () => audit({ cwd: dir, config: { rules: {} }, only: ['missing-transaction'], cache: true });

  it('judges the unchanged caller again from the helper’s new summary', async () => {
    const cold = await run();
    expect(found(cold.findings)).toEqual([{ file: 'src/signup.ts', line: 4, column: 22, message: "2 database writes in 'signup' are not in one transaction (lines 4, 5)." }]);
    // the helper now keeps the token in memory: the caller makes one write
    fs.writeFileSync(path.join(dir, 'src/tokens.ts'), "const tokens = new Map<string, string>();\nexport async function saveToken(userId: string, token: string) {\n  tokens.set(userId, token);\n}\n");
    const changed = await run();
    expect(changed.cacheStats).toEqual({ hits: 2, misses: 1 });
    expect(found(changed.findings)).toEqual([]);
  });
});
