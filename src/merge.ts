/**
 * `errlint merge <reports...>`: the JSON reports of `--shard` jobs (and of an unsharded job running the
 * project rules) as one result, for any reporter. Fingerprints come from the reports, so the baseline, SARIF
 * and GitLab identify each finding as the whole run would. Code frames are absent: a report holds no source.
 */
import fs from 'node:fs';
import path from 'node:path';
import { allRules } from '../rules/index.js';
import { ruleInfo } from './rule-info.js';
import type { FingerprintedFinding } from './baseline.js';
import { compareFindings } from './engine/lint-source.js';
import { ErrlintError, ioReason, UsageError } from './errors.js';
import type { AuditResult } from './result.js';
import type { FileError, Finding, RiskLevel } from './types.js';
import { VERSION } from './version.js';

interface JsonFinding extends Omit<Finding, 'range' | 'suggestions'> {
  fingerprint: string;
  suggestions: { description: string; safe: boolean; edits: Finding['suggestions'][number]['edits'] }[];
}

interface JsonReport {
  schemaVersion: number;
  tool: { name: string; version: string };
  /** `rules`: the rules the run ran, with their risk (absent in reports of earlier versions). */
  summary: { filesScanned: number; rules?: Record<string, RiskLevel> };
  findings: JsonFinding[];
  errors: FileError[];
}

function readReport(file: string, cwd: string): JsonReport {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(path.resolve(cwd, file), 'utf8'));
  } catch (error) {
    throw new ErrlintError(`Cannot read ${file} as a JSON report: ${ioReason(error)}.`, { cause: error });
  }
  const r = data as Partial<JsonReport>;
  if (r?.schemaVersion !== 1 || r.tool?.name !== 'errlint' || !Array.isArray(r.findings) || !Array.isArray(r.errors)) {
    throw new UsageError(`${file} is not an errlint JSON report (schemaVersion 1): write shard reports with --format json.`);
  }
  return r as JsonReport;
}

/**
 * One result from several JSON reports: findings and errors concatenated and sorted, a finding present in two
 * reports (same fingerprint and place) kept once, files scanned added up (shards are disjoint).
 */
export function mergeReports(files: readonly string[], cwd: string): AuditResult {
  if (files.length === 0) throw new UsageError('errlint merge needs at least one JSON report.');
  const findings: Finding[] = [];
  const errors = new Map<string, FileError>();
  const seen = new Set<string>();
  let filesScanned = 0;
  /** The rules any shard ran; a report that does not list its rules adds those its findings name. */
  const ran = new Map<string, RiskLevel | undefined>();
  for (const file of files) {
    const report = readReport(file, cwd);
    filesScanned += report.summary.filesScanned;
    const listed = report.summary.rules && typeof report.summary.rules === 'object' ? Object.entries(report.summary.rules) : report.findings.map((f) => [f.ruleId, undefined] as const);
    for (const [id, risk] of listed) if (!ran.get(id)) ran.set(id, risk);
    for (const f of report.findings) {
      const key = `${f.fingerprint}\0${f.file}\0${f.line}\0${f.column}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const { fingerprint, suggestions, ...rest } = f;
      const finding: FingerprintedFinding = {
        ...rest,
        range: [0, 0], // not in the report; the fingerprint it carries stands in for the code
        suggestions: suggestions.map((s) => ({ messageId: '', description: s.description, safe: s.safe, edits: s.edits })),
        fingerprint,
      };
      findings.push(finding);
    }
    for (const e of report.errors) errors.set(`${e.file}\0${e.kind}\0${e.message}`, e);
  }
  findings.sort(compareFindings);
  return {
    tool: { name: 'errlint', version: VERSION },
    cwd,
    findings,
    errors: [...errors.values()].sort((a, b) => a.file.localeCompare(b.file)),
    filesScanned,
    durationMs: 0,
    rules: allRules.filter((rule) => ran.has(rule.meta.id)).map((rule) => {
      const info = ruleInfo(rule);
      return { ...info, risk: ran.get(rule.meta.id) ?? info.risk };
    }),
  };
}
