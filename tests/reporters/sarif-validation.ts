import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import AjvDraft07 from 'ajv';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The devDependency that brings the SARIF multitool and Microsoft's copy of the SARIF 2.1.0 schema. */
export const MULTITOOL_PACKAGE = '@microsoft/sarif-multitool-linux';

/** Where the multitool package is: `SARIF_MULTITOOL_DIR`, else the repo's node_modules. */
export function multitoolDir(): string | undefined {
  const candidates = [process.env.SARIF_MULTITOOL_DIR, path.join(ROOT, 'node_modules', MULTITOOL_PACKAGE)].filter((d): d is string => !!d);
  return candidates.find((d) => fs.existsSync(path.join(d, 'Sarif.Multitool')));
}

/**
 * The SARIF 2.1.0 JSON schema to validate against: `SARIF_SCHEMA`, else `schema/sarif-2.1.0.json` when the
 * repository carries the OASIS file, else the copy shipped in the multitool package.
 */
export function sarifSchemaPath(): string | undefined {
  const candidates = [process.env.SARIF_SCHEMA, path.join(ROOT, 'schema', 'sarif-2.1.0.json')].filter((p): p is string => !!p);
  const dir = multitoolDir();
  if (dir) candidates.push(path.join(dir, 'sarif-2.1.0.json'));
  return candidates.find((p) => fs.existsSync(p));
}

const formats = {
  uri: (s: string) => URL.canParse(s),
  'uri-reference': (s: string) => URL.canParse(s, 'file:///base/'),
  'date-time': (s: string) => !Number.isNaN(Date.parse(s)),
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
};

/** Schema errors of a SARIF log (empty when valid); handles the draft-04 OASIS file and the 2020-12 copy. */
export function schemaErrors(log: unknown, schemaPath: string): string[] {
  const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
  const draft = String(schema.$schema ?? '');
  let validate;
  if (draft.includes('2020-12')) {
    const ajv = new Ajv2020({ strict: false, allErrors: true, formats });
    validate = ajv.compile(schema);
  } else {
    // draft-04 (OASIS): same keywords errlint's output exercises; `id` is the draft-04 spelling of `$id`
    const { $schema: _s, id: _id, ...rest } = schema;
    const ajv = new AjvDraft07.default({ strict: false, allErrors: true, formats });
    validate = ajv.compile(rest);
  }
  if (validate(log)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

export interface MultitoolReport {
  errors: string[];
  warnings: string[];
}

/**
 * Runs `Sarif.Multitool validate --rule-kind "Gh;Sarif"` (the SARIF spec's rules and GitHub's ingestion
 * rules) on `sarifText`. npm here does not run the package's postinstall `chmod`, so it is done here.
 */
export function runMultitool(sarifText: string, dir: string): MultitoolReport {
  const exe = path.join(dir, 'Sarif.Multitool');
  if ((fs.statSync(exe).mode & 0o100) === 0) fs.chmodSync(exe, 0o755);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'errlint-sarif-'));
  try {
    const input = path.join(work, 'errlint.sarif');
    const output = path.join(work, 'validation.sarif');
    fs.writeFileSync(input, sarifText);
    try {
      execFileSync(exe, ['validate', input, '-o', output, '--rule-kind', 'Gh;Sarif', '--level', 'Error;Warning;Note'], {
        stdio: 'pipe',
        env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
        timeout: 120_000,
      });
    } catch (error) {
      // exits non-zero when it finds errors; the log says which
      if (!fs.existsSync(output)) throw error;
    }
    const log = JSON.parse(fs.readFileSync(output, 'utf8')) as { runs: { results?: { ruleId: string; level?: string; message: { text?: string; id?: string; arguments?: string[] } }[]; invocations?: { toolExecutionNotifications?: { level?: string; message: { text?: string } }[] }[] }[] };
    const errors: string[] = [];
    const warnings: string[] = [];
    for (const run of log.runs) {
      for (const r of run.results ?? []) {
        const text = `${r.ruleId}: ${r.message.text ?? `${r.message.id ?? ''} ${(r.message.arguments ?? []).join(' | ')}`}`;
        (r.level === 'error' ? errors : warnings).push(text);
      }
      for (const inv of run.invocations ?? []) for (const n of inv.toolExecutionNotifications ?? []) if (n.level === 'error') errors.push(`tool: ${n.message.text ?? ''}`);
    }
    return { errors, warnings };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
