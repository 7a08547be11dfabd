import type * as ts from 'typescript';
import { enclosingHttpHandler, enclosingNames, isExported, isInLoop } from './analysis/ast.js';
import { mentionsMoney } from './knowledge/money.js';
import type { TS } from './ts.js';
import { RISK_LEVELS, type RiskFactor, type RiskLevel } from './types.js';

/** Score of each base risk before factors; a level's floor is the score where it starts. */
export const BASE_SCORE: Record<RiskLevel, number> = { critical: 85, high: 65, medium: 45, low: 20 };
const LEVEL_FLOOR: [RiskLevel, number][] = [
  ['critical', 80],
  ['high', 60],
  ['medium', 40],
  ['low', 0],
];

/** Factors every rule shares; rules add their own (e.g. `masking-return`) with the same shape. */
export const FACTORS = {
  money: { id: 'money-path', label: 'money or stock in the code path', weight: 15 },
  httpHandler: { id: 'http-handler', label: 'inside an HTTP handler', weight: 5 },
  loop: { id: 'loop', label: 'inside a loop', weight: 5 },
  exported: { id: 'exported-api', label: 'exported API', weight: 3 },
  dbWrite: { id: 'db-write', label: 'database writes in the affected block', weight: 10 },
  outboundCall: { id: 'outbound-call', label: 'outbound calls in the affected block', weight: 10 },
} satisfies Record<string, RiskFactor>;

export function levelOf(score: number): RiskLevel {
  for (const [level, floor] of LEVEL_FLOOR) if (score >= floor) return level;
  return 'low';
}

export function riskRank(level: RiskLevel): number {
  return RISK_LEVELS.indexOf(level);
}

/** Factors that come from where the node sits: money names, handler, loop, exported. */
export function contextFactors(t: TS, node: ts.Node, filePath: string): RiskFactor[] {
  const factors: RiskFactor[] = [];
  const names = enclosingNames(t, node);
  const baseName = filePath.split('/').pop() ?? '';
  if (names.some((n) => mentionsMoney(n)) || mentionsMoney(baseName)) factors.push(FACTORS.money);
  if (enclosingHttpHandler(t, node)) factors.push(FACTORS.httpHandler);
  if (isInLoop(t, node)) factors.push(FACTORS.loop);
  if (isExported(t, node)) factors.push(FACTORS.exported);
  return factors;
}

/** Combines a base risk and factors into a 0–100 score and the level that score falls in. */
export function scoreRisk(base: RiskLevel, factors: readonly RiskFactor[]): { score: number; risk: RiskLevel } {
  const raw = BASE_SCORE[base] + factors.reduce((sum, f) => sum + f.weight, 0);
  const score = Math.max(0, Math.min(100, raw));
  return { score, risk: levelOf(score) };
}
