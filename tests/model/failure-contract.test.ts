import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../utils/exec.js';
import { tempProject } from '../utils/temp-project.js';

// Issue 16 (suggestion set 3's review): turning a function's failure answer (`return null`) into a throw changes
// what every caller gets. Its callers may live in other files: there the suggestion offers no rewrite and says why,
// while a module-private helper whose only caller awaits it inside a try is rewritten.

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const audit = (cwd: string, ...args: string[]) => run(['audit', '--no-timing', '--rule', 'swallowed-catch', '--preset', 'strict', '--fail-on', 'none', ...args], cwd);

// settings/increase.js: a CommonJS helper that answers null when the update fails
const INCREASE = [
  "const mongoose = require('mongoose');",
  "const Setting = mongoose.model('Setting');",
  'const increaseSetting = async ({ key }) => {',
  '  try {',
  '    return await Setting.findOneAndUpdate({ key }, { $inc: { value: 1 } }, { new: true }).exec();',
  '  } catch (err) {',
  '    return null;',
  '  }',
  '};',
  'module.exports = increaseSetting;',
  '',
].join('\n');

// invoices/create.js: the caller in another file does not await it, so a throw would be an unhandled rejection
const CREATE = [
  "const increaseSetting = require('../settings/increase');",
  'const create = async (req, res) => {',
  '  const invoice = await Invoice.create(req.body);',
  "  increaseSetting({ key: 'last_invoice_number' });",
  '  return res.status(200).json({ result: invoice });',
  '};',
  'module.exports = create;',
  '',
].join('\n');

// a module-private helper awaited inside a try by its only caller: the rethrow reaches that caller's catch
const RENDER = [
  'async function loadTheme(siteId: string) {',
  '  try {',
  '    return await themes.compile(siteId);',
  '  } catch (err) {',
  '    return null;',
  '  }',
  '}',
  'export async function renderSite(siteId: string) {',
  '  try {',
  '    return render(await loadTheme(siteId));',
  '  } catch (e) {',
  '    throw new RenderError(siteId, { cause: e });',
  '  }',
  '}',
  '',
].join('\n');

describe('a suggestion that turns a failure answer into a throw, with callers in other files', () => {
  it('leaves an exported helper alone and says why; rewrites a private one whose caller handles the throw', async () => {
    const cwd = tempProject({ 'src/settings/increase.js': INCREASE, 'src/invoices/create.js': CREATE, 'src/site/render.ts': RENDER }, 'errlint-contract-');
    dirs.push(cwd);
    const report = await audit(cwd, '--format', 'json');
    const findings = (JSON.parse(report.stdout) as { findings: { file: string; suggestions?: { description: string }[] }[] }).findings;
    const increase = findings.find((f) => f.file === 'src/settings/increase.js');
    expect(increase?.suggestions?.map((s) => s.description)).toEqual([
      'No propagating rewrite is offered: `increaseSetting` is exported, so callers in other modules may rely on the value it returns on failure; make it throw only after checking them.',
    ]);
    const applied = await audit(cwd, '--apply-suggestions', 'swallowed-catch');
    expect(applied.stderr).toBe('src/site/render.ts: applied swallowed-catch ×1\nApplied 1 suggestion in 1 file — review the diff.\n');
    expect(fs.readFileSync(path.join(cwd, 'src/settings/increase.js'), 'utf8')).toBe(INCREASE);
    expect(fs.readFileSync(path.join(cwd, 'src/invoices/create.js'), 'utf8')).toBe(CREATE);
    expect(fs.readFileSync(path.join(cwd, 'src/site/render.ts'), 'utf8')).toBe(RENDER.replace('  } catch (err) {\n    return null;', '  } catch (err) {\n    throw err;'));
    // applying again changes nothing
    const again = await audit(cwd, '--apply-suggestions', 'swallowed-catch');
    expect(again.stderr).toBe('Applied 0 suggestions in 0 files.\n');
  });
});
