import { FACTORS, scoreRisk } from '../../src/risk.js';
import type { AuditResult, RuleInfo } from '../../src/result.js';
import type { Finding, RiskFactor, RiskLevel, Suggestion } from '../../src/types.js';

/** A fixed working directory so goldens do not depend on the machine. */
export const SYNTHETIC_CWD = '/work/project';

export const PAYMENT_SOURCE = `import { db } from './db';

export async function chargeOrder(orderId: string, amount: number) {
  try {
    await gateway.charge(orderId, amount);
    await db.order.update({ where: { id: orderId }, data: { paid: true } });
  } catch (e) {
    return false;
  }
  return true;
}

export function refund(req, res) {
  try {
    doRefund(req.body.id);
  } catch (err) {
    res.status(500).json({ error: err.message });
  }
}
`;

export const UTIL_SOURCE = `// helpers | with a pipe and <b>html</b>
export function parse(text: string) {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error('bad json');
  }
}
`;

function locate(source: string, file: string, needle: string, occurrence = 0): Pick<Finding, 'file' | 'line' | 'column' | 'endLine' | 'endColumn' | 'range'> {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = source.indexOf(needle, start + 1);
  if (start < 0) throw new Error(`${needle} not in ${file}`);
  const end = start + needle.length;
  const pos = (offset: number) => {
    const before = source.slice(0, offset).split('\n');
    return { line: before.length, column: before[before.length - 1]!.length + 1 };
  };
  const s = pos(start);
  const e = pos(end);
  return { file, line: s.line, column: s.column, endLine: e.line, endColumn: e.column, range: [start, end] };
}

function finding(
  ruleId: string,
  messageId: string,
  message: string,
  where: ReturnType<typeof locate>,
  base: RiskLevel,
  factors: RiskFactor[],
  suggestions: Suggestion[] = [],
): Finding {
  const { score, risk } = scoreRisk(base, factors);
  return { ruleId, messageId, message, ...where, risk, score, factors, suggestions };
}

export const SYNTHETIC_RULES: RuleInfo[] = [
  {
    id: 'generic-error',
    family: 'catch',
    risk: 'low',
    description: 'Disallow throwing plain Error objects and literals in application code',
    docsUrl: 'https://github.com/errlint/errlint/blob/main/docs/rules/generic-error.md',
    fixable: true,
    hasSuggestions: true,
    cwe: [],
    precision: 'high',
    preset: 'recommended',
    scope: 'file',
  },
  {
    id: 'leaked-error-response',
    family: 'boundary',
    risk: 'high',
    description: 'Disallow error messages and stacks in HTTP responses',
    docsUrl: 'https://github.com/errlint/errlint/blob/main/docs/rules/leaked-error-response.md',
    fixable: false,
    hasSuggestions: true,
    cwe: ['CWE-209'],
    precision: 'high',
    preset: 'recommended',
    scope: 'file',
  },
  {
    id: 'swallowed-catch',
    family: 'catch',
    risk: 'high',
    description: 'Disallow catch clauses that neither propagate nor record the error',
    docsUrl: 'https://github.com/errlint/errlint/blob/main/docs/rules/swallowed-catch.md',
    fixable: false,
    hasSuggestions: true,
    cwe: ['CWE-390'],
    precision: 'high',
    preset: 'recommended',
    scope: 'file',
  },
];

/** A small audit of two files: a money-path swallow, a leak in a handler, a generic error with a safe fix. */
export function syntheticResult(overrides: Partial<AuditResult> = {}): AuditResult {
  const pay = 'src/payments/charge service.ts';
  const util = 'src/util.ts';
  const swallowAt = locate(PAYMENT_SOURCE, pay, 'return false;');
  const leakAt = locate(PAYMENT_SOURCE, pay, 'err.message');
  const genericAt = locate(UTIL_SOURCE, util, "new Error('bad json')");
  const findings: Finding[] = [
    finding('swallowed-catch', 'swallowed', 'The error is caught and dropped: `return false` hides why chargeOrder failed.', swallowAt, 'high', [FACTORS.money, FACTORS.outboundCall, FACTORS.dbWrite, FACTORS.exported], [
      { messageId: 'rethrow', description: 'Rethrow the error.', edits: [{ range: swallowAt.range, text: 'throw e;' }], safe: false },
    ]),
    finding('leaked-error-response', 'leaked', 'The error message reaches the HTTP response | "err.message".', leakAt, 'high', [FACTORS.money, FACTORS.httpHandler, FACTORS.exported], [
      { messageId: 'useGeneric', description: "Send a generic message instead of the error's.", edits: [{ range: leakAt.range, text: "'Internal error'" }], safe: false },
    ]),
    finding('generic-error', 'generic', 'A plain Error is thrown; callers cannot tell this failure from any other.', genericAt, 'low', [FACTORS.exported], [
      { messageId: 'addCause', description: 'Keep the caught error as the cause.', edits: [{ range: [genericAt.range[1] - 1, genericAt.range[1] - 1], text: ', { cause: e }' }], safe: true },
    ]),
  ];
  findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return {
    tool: { name: 'errlint', version: '0.1.0' },
    cwd: SYNTHETIC_CWD,
    findings,
    errors: [{ file: 'src/broken.ts', kind: 'parse', message: "'}' expected.", line: 3, column: 1 }],
    filesScanned: 3,
    durationMs: 1234.5,
    rules: SYNTHETIC_RULES,
    sources: new Map([
      [pay, PAYMENT_SOURCE],
      [util, UTIL_SOURCE],
    ]),
    baseline: { file: 'errlint-baseline.json', absorbed: 2, stale: 1 },
    ...overrides,
  };
}
