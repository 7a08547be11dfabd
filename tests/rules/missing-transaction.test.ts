import { describe, expect, it } from 'vitest';
import rule from '../../rules/missing-transaction.js';
import { normalizeLayer } from '../../src/knowledge/database.js';
import { lintCase, runRuleTests } from '../utils/rule-tester.js';
import { cases } from './missing-transaction.cases.js';

runRuleTests(rule, cases);

const prisma = `import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\n`;

describe('missing-transaction risk', () => {
  it('is critical when stock moves in a loop', () => {
    const [finding] = lintCase(rule, { code: cases.invalid[0]!.code });
    expect(finding!.factors.map((f) => f.id)).toEqual(expect.arrayContaining(['money-path', 'write-in-loop']));
    expect(finding!.risk).toBe('critical');
  });

  it('is high for two plain writes away from money', () => {
    const [finding] = lintCase(rule, {
      code: prisma + `export async function rename(id: string, name: string) {\n  await prisma.team.update({ where: { id }, data: { name } });\n  await prisma.slug.create({ data: { teamId: id, name } });\n}\n`,
    });
    expect(finding!.risk).toBe('high');
  });
});

describe('missing-transaction knowledge', () => {
  it("extends a layer's write methods through config", () => {
    const code = `import { EntityManager } from 'typeorm';\nexport class S {\n  constructor(private readonly manager: EntityManager) {}\n  async f() {\n    await this.manager.bulkPut(A, {});\n    await this.manager.bulkPatch(B, {}, {});\n  }\n}\n`;
    expect(lintCase(rule, { code })).toEqual([]);
    const knowledge = { database: { layers: [normalizeLayer({ id: 'typeorm', writeMethods: ['bulkPut', 'bulkPatch'] })] } };
    expect(lintCase(rule, { code, knowledge }).map((f) => f.messageId)).toEqual(['nonAtomicWrites']);
  });
});
