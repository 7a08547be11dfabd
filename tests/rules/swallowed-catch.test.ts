import { describe, expect, it } from 'vitest';
import rule from '../../rules/swallowed-catch.js';
import { lintCase, runRuleTests } from '../utils/rule-tester.js';
import { cases } from './swallowed-catch.cases.js';

runRuleTests(rule, cases);

describe('swallowed-catch risk', () => {
  it('ranks a masked payment failure with writes and gateway calls as critical', () => {
    const [finding] = lintCase(rule, { code: cases.invalid.find((c) => c.code.includes('processPayment'))!.code });
    expect(finding!.factors.map((f) => f.id)).toEqual(['money-path', 'db-write', 'masking-return', 'outbound-call', 'exported-api']);
    expect(finding!.risk).toBe('critical');
  });

  it('leaves a plain empty rejection handler at the base risk', () => {
    const [finding] = lintCase(rule, { code: 'sendReceiptEmail(order).catch(() => {});' });
    expect(finding!.factors).toEqual([]);
    expect(finding!.risk).toBe('medium');
  });
});
