/**
 * missing-transaction across modules: writes made through imported helpers, query modules and injected
 * services count with the caller's own, and a project transaction wrapper declared elsewhere is known.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import { runProjectTests } from '../utils/project-tester.js';
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

const files = {
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
};

const nonAtomic = (file: string, line: number, column: number, fn: string, lines: string) => ({ file, line, column, rule: 'missing-transaction', message: `2 database writes in '${fn}' are not in one transaction (lines ${lines}).` });
const inSignup = [nonAtomic('src/signup.ts', 7, 22, 'signup', '7, 8'), nonAtomic('src/signup.ts', 11, 9, 'rename', '11, 12'), nonAtomic('src/signup.ts', 31, 22, 'reset', '31')];

runProjectTests('writes through helpers in other modules', [
  { name: 'count with the caller’s own', rules: ['missing-transaction'], files, findings: [nonAtomic('src/invite.service.ts', 8, 11, 'accept', '8, 9'), ...inSignup] },
  { name: 'count when only the calling file is audited', rules: ['missing-transaction'], files, paths: ['src/signup.ts'], findings: inSignup },
]);

const found = (findings: { file: string; line: number; column: number; message: string }[]) => findings.map(({ file, line, column, message }) => ({ file, line, column, message }));

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
