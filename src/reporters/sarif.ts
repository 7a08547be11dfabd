import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { computeFingerprints, FINGERPRINT_KEY } from '../baseline.js';
import { exitCodeFor, type AuditResult, type Reporter, type ReporterOptions, type RuleInfo, type SarifOptions } from '../result.js';
import type { FileError, Finding, RiskLevel } from '../types.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/errlint/errlint';
/** GitHub code scanning accepts at most this many results per run. */
export const MAX_SARIF_RESULTS = 25_000;
export const DEFAULT_AUTOMATION_ID = 'errlint/';
const SRCROOT = '%SRCROOT%';
const MAX_SNIPPET = 2000;

/** Rules outside the registry that can still report: a descriptor so every result has a rule. */
const BUILTIN_RULES: Record<string, RuleInfo> = {
  'unused-disable-directive': {
    id: 'unused-disable-directive',
    family: 'catch',
    risk: 'low',
    description: 'Report errlint-disable directives that suppress nothing.',
    docsUrl: `${INFORMATION_URI}#suppressions`,
    fixable: true,
    hasSuggestions: false,
    cwe: [],
    precision: 'very-high',
    preset: 'recommended',
    scope: 'file',
  },
};

const NOTIFICATIONS: Record<string, { name: string; text: string }> = {
  'parse-error': { name: 'ParseError', text: 'A file could not be parsed, so no rule ran on it.' },
  'read-error': { name: 'ReadError', text: 'A file could not be read.' },
  'analysis-error': { name: 'AnalysisError', text: 'A file parsed but could not be analysed (nested too deeply, over the time budget, or an errlint failure).' },
  'file-skipped': { name: 'FileSkipped', text: 'A file was skipped: too large, binary or minified.' },
  'results-truncated': { name: 'ResultsTruncated', text: 'The run has more results than a SARIF consumer accepts; the lowest-risk ones were left out.' },
};

/** Result level: what blocks a merge is an error, what deserves a look a warning. */
export function sarifLevel(risk: RiskLevel): Sarif.Result.level {
  return risk === 'critical' || risk === 'high' ? 'error' : risk === 'medium' ? 'warning' : 'note';
}

function problemSeverity(risk: RiskLevel): 'error' | 'warning' | 'recommendation' {
  return risk === 'critical' || risk === 'high' ? 'error' : risk === 'medium' ? 'warning' : 'recommendation';
}

/** GitHub's security-severity bands: >= 9 critical, 7–8.9 high, 4–6.9 medium, below 4 low. */
const SECURITY_SEVERITY: Record<RiskLevel, string> = { critical: '9.1', high: '7.5', medium: '5.5', low: '3.0' };

/** A security rule: a boundary rule (what crosses to clients, logs or other services) with a CWE. */
export function isSecurityRule(rule: RuleInfo): boolean {
  return rule.family === 'boundary' && rule.cwe.length > 0;
}

function pascalCase(id: string): string {
  return id.replace(/(^|[-_])([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}

/** `src/a b.ts` → `src/a%20b.ts`: a relative URI reference per path segment. */
export function relativeUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

/** The first paragraph after the title of a rule's doc page. */
function docSummary(markdown: string): string | undefined {
  const body = markdown.replace(/\r\n/g, '\n').replace(/^# .*\n+/, '');
  const para = body.split(/\n\s*\n/)[0]?.trim();
  return para && !para.startsWith('#') ? para.replace(/\s*\n\s*/g, ' ') : undefined;
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function ruleDescriptor(rule: RuleInfo, help: string | undefined): Sarif.ReportingDescriptor {
  const summary = help ? docSummary(help) : undefined;
  const tags = ['error-handling', rule.family, ...(isSecurityRule(rule) ? ['security'] : []), ...rule.cwe.map((c) => `external/cwe/${c.toLowerCase()}`)];
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: sentence(rule.description) },
    fullDescription: { text: sentence(summary ?? rule.description) },
    helpUri: rule.docsUrl,
    help: {
      text: `${sentence(summary ?? rule.description)} Documentation: ${rule.docsUrl}`,
      ...(help ? { markdown: help.replace(/\r\n/g, '\n').trim() } : {}),
    },
    defaultConfiguration: { level: sarifLevel(rule.risk) },
    properties: {
      tags,
      precision: rule.precision,
      'problem.severity': problemSeverity(rule.risk),
      ...(isSecurityRule(rule) ? { 'security-severity': SECURITY_SEVERITY[rule.risk] } : {}),
      risk: rule.risk,
      fixable: rule.fixable,
    },
  };
}

function artifactLocation(file: string): Sarif.ArtifactLocation {
  return { uri: relativeUri(file), uriBaseId: SRCROOT };
}

function fixesOf(f: Finding): Sarif.Fix[] {
  return f.suggestions
    .filter((s) => s.edits.length > 0)
    .map((s) => ({
      description: { text: sentence(s.description) },
      artifactChanges: [
        {
          artifactLocation: artifactLocation(f.file),
          replacements: [...s.edits]
            .sort((a, b) => a.range[0] - b.range[0])
            .map((e) => ({ deletedRegion: { charOffset: e.range[0], charLength: e.range[1] - e.range[0] }, insertedContent: { text: e.text } })),
        },
      ],
      properties: { safe: s.safe, messageId: s.messageId },
    }));
}

function notification(id: string, level: Sarif.Notification.level, text: string, error?: FileError): Sarif.Notification {
  return {
    descriptor: { id },
    level,
    message: { text: sentence(text) },
    ...(error
      ? { locations: [{ physicalLocation: { artifactLocation: artifactLocation(error.file), ...(error.line ? { region: { startLine: error.line, startColumn: error.column ?? 1 } } : {}) } }] }
      : {}),
  };
}

/** The flagged code, so a viewer without the sources still shows it; left out for very long regions. */
function snippetOf(result: AuditResult, f: Finding): { snippet?: Sarif.ArtifactContent } {
  const text = result.sources?.get(f.file);
  if (text === undefined || f.range[1] > text.length || f.range[1] - f.range[0] > MAX_SNIPPET) return {};
  return { snippet: { text: text.slice(f.range[0], f.range[1]) } };
}

/** Keeps the `max` highest-scoring findings, in their original (file, line) order. */
function truncate(findings: readonly Finding[], max: number): Finding[] {
  if (findings.length <= max) return [...findings];
  const keep = new Set(
    findings
      .map((f, i) => ({ f, i }))
      .sort((a, b) => b.f.score - a.f.score || a.i - b.i)
      .slice(0, max)
      .map((x) => x.i),
  );
  return findings.filter((_, i) => keep.has(i));
}

/** Builds the SARIF log object (see `sarifReporter` for the text). */
export function toSarif(result: AuditResult, options: ReporterOptions & SarifOptions): Sarif.Log {
  const ruleMap = new Map<string, RuleInfo>(result.rules.map((r) => [r.id, r]));
  for (const f of result.findings) if (!ruleMap.has(f.ruleId)) ruleMap.set(f.ruleId, BUILTIN_RULES[f.ruleId] ?? { ...BUILTIN_RULES['unused-disable-directive']!, id: f.ruleId, description: f.ruleId, docsUrl: INFORMATION_URI });
  const rules = [...ruleMap.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));

  const fingerprints = computeFingerprints(result.findings, result.sources);
  const fingerprintOf = new Map(result.findings.map((f, i) => [f, fingerprints[i]!.fingerprint]));
  const max = options.maxResults ?? MAX_SARIF_RESULTS;
  const kept = truncate(result.findings, max);

  const results: Sarif.Result[] = kept.map((f) => {
    const fixes = fixesOf(f);
    return {
      ruleId: f.ruleId,
      ruleIndex: ruleIndex.get(f.ruleId)!,
      level: sarifLevel(f.risk),
      message: { text: sentence(f.message) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(f.file),
            region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn, ...snippetOf(result, f) },
          },
        },
      ],
      partialFingerprints: { [FINGERPRINT_KEY]: fingerprintOf.get(f)! },
      rank: f.score,
      ...(fixes.length ? { fixes } : {}),
      properties: { risk: f.risk, score: f.score, factors: f.factors.map((x) => ({ id: x.id, label: x.label, weight: x.weight })) },
    };
  });

  const notifications: Sarif.Notification[] = result.errors.map((e) =>
    e.kind === 'parse'
      ? notification('parse-error', 'error', `Cannot parse ${e.file}: ${e.message}`, e)
      : e.kind === 'read' || e.kind === 'analysis'
        ? notification(`${e.kind}-error`, 'error', `${e.file}: ${e.message}`, e)
        : notification('file-skipped', 'note', `${e.file}: ${e.message}`, e),
  );
  if (kept.length < result.findings.length) {
    notifications.push(
      notification(
        'results-truncated',
        'warning',
        `${result.findings.length} findings exceed the limit of ${max} results per run: the ${max} highest-risk findings are included. Use --format json for every finding`,
      ),
    );
  }
  const usedNotifications = [...new Set(notifications.map((n) => n.descriptor!.id!))].sort();

  const invocation: Sarif.Invocation = {
    executionSuccessful: true,
    exitCode: options.exitCode ?? exitCodeFor(result, options.failOn),
    ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
  };

  const cwd = options.cwd || result.cwd;
  const run: Sarif.Run = {
    tool: {
      driver: {
        name: 'errlint',
        version: result.tool.version,
        semanticVersion: result.tool.version,
        informationUri: INFORMATION_URI,
        rules: rules.map((r) => ruleDescriptor(r, options.ruleHelp?.[r.id])),
        ...(usedNotifications.length
          ? {
              notifications: usedNotifications.map((id) => {
                const { name, text } = NOTIFICATIONS[id]!;
                return { id, name, shortDescription: { text }, fullDescription: { text }, help: { text: `${text} Documentation: ${INFORMATION_URI}` } };
              }),
            }
          : {}),
      },
    },
    automationDetails: { id: options.automationId ?? DEFAULT_AUTOMATION_ID },
    originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(cwd).href.replace(/\/?$/, '/')}` } },
    invocations: [invocation],
    results,
    columnKind: 'utf16CodeUnits',
    properties: {
      filesScanned: result.filesScanned,
      findings: result.findings.length,
      ...(result.baseline ? { baseline: result.baseline } : {}),
    },
  };
  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
}

/**
 * SARIF 2.1.0 for code scanning: one run, every rule that ran (with help, tags, CWE, precision and
 * security-severity), results with risk, factors, fingerprints and fixes, parse errors as notifications.
 * Deterministic: no timestamps and no wall time, whatever `timing` says (timing belongs to text and JSON).
 */
export const sarifReporter = ((result: AuditResult, options: ReporterOptions & SarifOptions) => `${JSON.stringify(toSarif(result, options), null, 2)}\n`) satisfies Reporter;
