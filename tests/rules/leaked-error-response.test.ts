import { describe, expect, it } from 'vitest';
import rule from '../../rules/leaked-error-response.js';
import { lintCase, runRuleTests } from '../utils/rule-tester.js';
import { cases } from './leaked-error-response.cases.js';

runRuleTests(rule, cases);

describe('leaked-error-response on admin-only routes', () => {
  const route = (path: string) => `app.post('${path}', async (req, res) => {
  try {
    await search.reindex();
  } catch (err) {
    res.status(500).json({ error: err.message });
  }
});`;

  it('reports a lower risk where the users operate the server', () => {
    const [open] = lintCase(rule, { code: route('/search/reindex') });
    const [admin] = lintCase(rule, { code: route('/admin/search/reindex') });
    const [adminFile] = lintCase(rule, { code: route('/search/reindex'), filename: 'src/admin/search.ts' });
    expect(open?.risk).toBe('high');
    expect(admin?.messageId).toBe('leaked');
    expect(admin!.score).toBeLessThan(open!.score);
    expect(adminFile!.score).toBe(admin!.score);
  });

  it('reads a NestJS admin controller or guard', () => {
    const controller = (decorator: string) => `import { Controller, Post, InternalServerErrorException } from '@nestjs/common';
${decorator}
export class ReindexController {
  @Post()
  async reindex() {
    try {
      await this.search.reindex();
    } catch (err) {
      throw new InternalServerErrorException(err.message);
    }
  }
}`;
    const [open] = lintCase(rule, { code: controller("@Controller('search')") });
    const [admin] = lintCase(rule, { code: controller("@Controller('admin/search')") });
    const [guarded] = lintCase(rule, { code: controller("@Controller('search')\n@UseGuards(AdminGuard)") });
    expect(admin!.score).toBeLessThan(open!.score);
    expect(guarded!.score).toBe(admin!.score);
  });
});
