import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.js';
import { BASE_SCORE, FACTORS, levelOf, scoreRisk } from '../../src/risk.js';
import { RISK_LEVELS } from '../../src/types.js';

const DOC = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../../docs/risk.md'), 'utf8');

/** Rows `| a | b | c |` of the first table after `heading`. */
function table(heading: string): string[][] {
  const from = DOC.indexOf(heading);
  expect(from, heading).toBeGreaterThan(-1);
  const lines = DOC.slice(from).split('\n');
  const start = lines.findIndex((l) => l.startsWith('|'));
  const rows: string[][] = [];
  for (const l of lines.slice(start + 2)) {
    if (!l.startsWith('|')) break;
    rows.push(l.split('|').slice(1, -1).map((c) => c.trim()));
  }
  return rows;
}

describe('docs/risk.md', () => {
  it('states the base scores and level floors the code uses', () => {
    const rows = table('## How a score is computed');
    expect(rows.map((r) => r[0])).toEqual([...RISK_LEVELS]);
    for (const [level, base, floor] of rows) {
      expect(Number(base), level).toBe(BASE_SCORE[level as keyof typeof BASE_SCORE]);
      expect(levelOf(Number(floor)), level).toBe(level);
      if (Number(floor) > 0) expect(levelOf(Number(floor) - 1)).not.toBe(level);
    }
  });

  it('states the weight of every shared factor', () => {
    const rows = [...table('## Context factors'), ...table('## Block-effect factors')];
    const documented = Object.fromEntries(rows.map((r) => [r[0]!.replace(/`/g, ''), Number(r[1])]));
    expect(documented).toEqual(Object.fromEntries(Object.values(FACTORS).map((f) => [f.id, f.weight])));
  });

  it('computes its worked examples the way scoreRisk does', () => {
    const weights: Record<string, number> = Object.fromEntries(Object.values(FACTORS).map((f) => [f.id, f.weight]));
    weights['masking-return'] = 10;
    for (const [, base, factors, score, level] of table('Worked examples')) {
      const risk = base!.split(' ')[0] as keyof typeof BASE_SCORE;
      const list = factors === 'none' ? [] : factors!.split(', ').map((f) => {
        const [id, w] = f.split(' ');
        expect(weights[id!], id).toBe(Number(w));
        return { id: id!, label: id!, weight: Number(w) };
      });
      expect(scoreRisk(risk, list)).toEqual({ score: Number(score), risk: level });
    }
  });

  it('gives the right base risk for every rule it lists', () => {
    const byId = new Map(allRules.map((r) => [r.meta.id, r.meta.risk]));
    // a row for a rule not registered yet (rules land one by one) is checked once it is
    for (const [id, risk] of table('## Base risk of each rule')) if (byId.has(id!)) expect(byId.get(id!), id).toBe(risk);
  });
});
