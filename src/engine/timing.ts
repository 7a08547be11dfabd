/**
 * Per-rule timing, like ESLint's `TIMING=1`: `ERRLINT_TIMING=1 errlint audit …` or `--timing-rules`.
 * Listeners are wrapped only when timing is on, so a normal run pays nothing. Times are plain data so that
 * worker threads can send theirs back and the main thread can add them up.
 */
import type { NodeListener } from '../types.js';

/** Milliseconds per rule (create + listeners + project `check`) and per engine phase. */
export interface TimingData {
  rules: Record<string, number>;
  phases: Record<string, number>;
}

export class Timings {
  readonly rules = new Map<string, number>();
  readonly phases = new Map<string, number>();
  /** Sum of every rule's time so far: the engine's own share of a phase is its time minus what rules took. */
  ruleTotal = 0;

  rule(id: string, ms: number): void {
    this.rules.set(id, (this.rules.get(id) ?? 0) + ms);
    this.ruleTotal += ms;
  }

  /** Times `fn` as a phase, leaving out the rule time spent inside it. */
  measureEngine<T>(name: string, fn: () => T): T {
    const start = performance.now();
    const rulesBefore = this.ruleTotal;
    try {
      return fn();
    } finally {
      this.phase(name, performance.now() - start - (this.ruleTotal - rulesBefore));
    }
  }

  phase(name: string, ms: number): void {
    this.phases.set(name, (this.phases.get(name) ?? 0) + ms);
  }

  /** Times `fn` as a phase and returns its value. */
  measure<T>(name: string, fn: () => T): T {
    const start = performance.now();
    try {
      return fn();
    } finally {
      this.phase(name, performance.now() - start);
    }
  }

  /** A listener that adds its own time to `id`. */
  wrap(id: string, fn: NodeListener): NodeListener {
    return (node) => {
      const start = performance.now();
      try {
        fn(node);
      } finally {
        this.rule(id, performance.now() - start);
      }
    };
  }

  add(data: TimingData): void {
    for (const [id, ms] of Object.entries(data.rules)) this.rule(id, ms);
    for (const [name, ms] of Object.entries(data.phases)) this.phase(name, ms);
  }

  toJSON(): TimingData {
    return { rules: Object.fromEntries(this.rules), phases: Object.fromEntries(this.phases) };
  }
}

/** Whether `ERRLINT_TIMING` asks for timing, and how many rules to list (`all` or a number; default every rule). */
export function timingFromEnv(env: Readonly<Record<string, string | undefined>>): { enabled: boolean; limit: number } {
  const value = env.ERRLINT_TIMING?.trim();
  if (!value || value === '0' || value.toLowerCase() === 'false') return { enabled: false, limit: Infinity };
  const n = Number.parseInt(value, 10);
  return { enabled: true, limit: value.toLowerCase() === 'all' || !(n > 1) ? Infinity : n };
}

// Phases in the order a file goes through them; the table lists them in this order.
const PHASE_LABELS: [string, string][] = [
  ['discovery', 'discover files'],
  ['read', 'read files'],
  ['classify', 'file facts'],
  ['parse', 'parse'],
  ['directives', 'find suppressions'],
  ['traverse', 'traverse (engine share)'],
  ['findings', 'findings + risk'],
  ['project', 'project checks (engine share)'],
  ['workers', 'files in threads (wall)'],
  ['cache', 'cache read/write'],
];

function table(head: [string, string, string], rows: [string, number, number][]): string {
  const fmt = (ms: number): string => ms.toFixed(1);
  const w0 = Math.max(head[0].length, ...rows.map((r) => r[0].length));
  const w1 = Math.max(head[1].length, ...rows.map((r) => fmt(r[1]).length));
  const w2 = Math.max(head[2].length, 6);
  const line = (a: string, b: string, c: string): string => `${a.padEnd(w0)} | ${b.padStart(w1)} | ${c.padStart(w2)}\n`;
  let out = line(...head);
  out += `:${'-'.repeat(w0)}|${'-'.repeat(w1 + 1)}:|${'-'.repeat(w2)}:\n`;
  for (const [name, ms, share] of rows) out += line(name, fmt(ms), `${(share * 100).toFixed(1)}%`);
  return out;
}

/**
 * The timing report: rules by time with their share of all rule time, then the engine's phases with their
 * share of the run's wall time. With worker threads, times add up over threads and can exceed wall time.
 */
export function formatTimings(data: TimingData, wallMs: number, limit = Infinity): string {
  const rules = Object.entries(data.rules).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const ruleTotal = rules.reduce((s, [, ms]) => s + ms, 0);
  const ruleRows: [string, number, number][] = rules.slice(0, limit).map(([id, ms]) => [id, ms, ruleTotal ? ms / ruleTotal : 0]);
  const phaseRows: [string, number, number][] = [];
  for (const [key, label] of PHASE_LABELS) {
    const ms = data.phases[key];
    if (ms !== undefined) phaseRows.push([label, ms, wallMs ? ms / wallMs : 0]);
  }
  phaseRows.push(['rules (all listeners)', ruleTotal, wallMs ? ruleTotal / wallMs : 0]);
  let out = table(['Rule', 'Time (ms)', 'Relative'], ruleRows);
  out += '\n';
  out += table(['Phase', 'Time (ms)', 'of wall'], phaseRows);
  out += `wall time ${wallMs.toFixed(1)} ms\n`;
  return out;
}
