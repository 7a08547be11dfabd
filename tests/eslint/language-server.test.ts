/**
 * The editor path: `vscode-eslint-language-server` (what VS Code, Neovim and Zed run) over stdio, opened on the
 * fixture workspace whose eslint.config.mjs uses the built plugin. Pulled diagnostics carry errlint's findings with
 * their docs links, and code actions offer the fix or the suggestions.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import { fileRules } from '../../src/eslint/plugin.js';
import type { Finding } from '../../src/types.js';
import { repoRoot } from './helpers/cases.js';
import { ensureBuilt } from './helpers/project.js';

interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
  severity: number;
  source?: string;
  code?: string | number;
  codeDescription?: { href: string };
}

interface CodeAction {
  title: string;
  kind?: string;
  edit?: { changes?: Record<string, { range: Diagnostic['range']; newText: string }[]>; documentChanges?: unknown[] };
}

const workspace = path.join(repoRoot, 'tests/eslint/fixtures/project');
const file = path.join(workspace, 'src/payments.ts');
const uri = pathToFileURL(file).href;
const server = path.join(repoRoot, 'node_modules/vscode-langservers-extracted/bin/vscode-eslint-language-server');

// What vscode-eslint sends for `workspace/configuration` (and nvim-lspconfig mirrors), flat config on.
const settings = {
  validate: 'on',
  packageManager: 'npm',
  useESLintClass: false,
  useFlatConfig: true,
  // `true` here makes the server look for ESLint 8's FlatESLint class, which ESLint 9 and 10 no longer export.
  experimental: { useFlatConfig: false },
  codeAction: { disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' }, showDocumentation: { enable: true } },
  codeActionOnSave: { enable: false, mode: 'all' },
  format: false,
  quiet: false,
  onIgnoredFiles: 'off',
  options: {},
  rulesCustomizations: [],
  run: 'onType',
  problems: { shortenToSingleLine: false },
  nodePath: null,
  workingDirectory: { mode: 'location' },
  workspaceFolder: { uri: pathToFileURL(workspace).href, name: 'project' },
};

let proc: ChildProcess | undefined;
let connection: MessageConnection | undefined;
const stderr: string[] = [];
const serverErrors: string[] = [];
const ids = new Set(fileRules.map((r) => `errlint/${r.meta.id}`));

beforeAll(async () => {
  ensureBuilt();
  proc = spawn(process.execPath, [server, '--stdio'], { cwd: workspace, stdio: ['pipe', 'pipe', 'pipe'] });
  proc.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  connection = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => settings));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('eslint/noConfig', () => ({}));
  connection.onRequest('eslint/noLibrary', () => ({}));
  connection.onRequest('eslint/probeFailed', () => ({}));
  connection.onRequest('eslint/confirmESLintExecution', () => 4);
  connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
    if (params.type === 1) serverErrors.push(params.message);
  });
  connection.onNotification(() => undefined);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(workspace).href,
    workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'project' }],
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
      textDocument: {
        publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true },
        diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll', 'source.fixAll.eslint'] } } },
      },
    },
  });
  await connection.sendNotification('initialized', {});
}, 180_000);

afterAll(async () => {
  try {
    await Promise.race([connection?.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 3000))]);
    await connection?.sendNotification('exit');
  } catch {
    // The server may already be gone; it is killed below either way.
  }
  connection?.dispose();
  proc?.kill();
});

/** Findings of the recommended rules for the opened file, from errlint's own audit. */
async function expectedFindings(): Promise<Finding[]> {
  const off = Object.fromEntries(fileRules.filter((r) => r.meta.preset !== 'recommended').map((r) => [r.meta.id, 'off' as const]));
  const result = await audit({ cwd: workspace, paths: ['src/payments.ts'], config: { rules: off } });
  return result.findings.filter((f) => fileRules.some((r) => r.meta.id === f.ruleId && r.meta.preset === 'recommended'));
}

describe('vscode-eslint-language-server', () => {
  it('reports errlint findings as diagnostics and offers their fixes and suggestions', async () => {
    await connection!.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: readFileSync(file, 'utf8') } });
    // The server answers pull diagnostics (LSP 3.17 `textDocument/diagnostic`), as VS Code and Neovim request them.
    const report = (await connection!.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { kind: string; items: Diagnostic[] };
    expect(report.kind, stderr.join('')).toBe('full');
    expect(serverErrors).toEqual([]);
    // A directive may name a rule this checkout does not ship yet ("Definition for rule … was not found").
    const ours = report.items.filter((d) => ids.has(String(d.code)));
    const expected = await expectedFindings();
    const key = (line: number, character: number, code: string) => `${line}:${character} ${code}`;
    expect(ours.map((d) => key(d.range.start.line + 1, d.range.start.character + 1, String(d.code))).sort()).toEqual(
      expected.map((f) => key(f.line, f.column, `errlint/${f.ruleId}`)).sort(),
    );
    for (const d of ours) {
      expect(d.source).toBe('eslint');
      expect(d.codeDescription?.href).toMatch(/\/docs\/rules\/[a-z-]+\.md$/);
    }
    for (const f of expected) {
      const d = ours.find((x) => x.code === `errlint/${f.ruleId}` && x.range.start.line + 1 === f.line && x.range.start.character + 1 === f.column)!;
      expect(d.message).toBe(f.message);
      const actions = (await connection!.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } })) as CodeAction[];
      const titles = actions.map((a) => a.title);
      expect(titles).toContain(`Disable ${d.code} for this line`);
      if (f.suggestions.some((s) => s.safe)) expect(titles).toContain(`Fix this ${d.code} problem`);
      // The server appends the rule id to a suggestion's description.
      for (const s of f.suggestions.filter((x) => !x.safe)) expect(titles).toContain(`${s.description} (${d.code})`);
    }
  });
});
