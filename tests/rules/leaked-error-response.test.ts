import { describe, expect, it } from 'vitest';
import rule from '../../rules/leaked-error-response.js';
import { applyEdits } from '../../src/engine/apply-edits.js';
import { lintCase, runRuleTests } from '../utils/rule-tester.js';
import { cases } from './leaked-error-response.cases.js';

runRuleTests(rule, cases);

// issue 16: applying a suggestion twice changes nothing the second time (the status-conditional rewrite was
// reported again and nested one level deeper on every run)
describe('leaked-error-response suggestions applied twice', () => {
  for (const c of cases.invalid) {
    const code = typeof c === 'string' ? c : c.code;
    it(code.slice(0, 70), () => {
      for (const f of lintCase(rule, { code })) {
        for (const s of f.suggestions.filter((x) => x.edits.length > 0)) {
          const once = applyEdits(code, [s.edits]).text;
          const again = lintCase(rule, { code: once }).flatMap((g) => g.suggestions.filter((x) => x.messageId === s.messageId && x.edits.length > 0));
          expect(again.map((x) => applyEdits(once, [x.edits]).text).filter((t) => t.length > once.length)).toEqual([]);
        }
      }
    });
  }
});

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
