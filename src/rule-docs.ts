import fs from 'node:fs';
import path from 'node:path';

/**
 * Reads `docs/rules/<id>.md` for each rule id that has a page, for SARIF's `help.markdown`. The CLI calls it
 * (reporters never touch the file system); a missing page is simply left out.
 */
export function loadRuleDocs(ruleIds: Iterable<string>, docsDir: string): Record<string, string> {
  const docs: Record<string, string> = {};
  for (const id of [...new Set(ruleIds)].sort()) {
    if (!/^[a-z0-9-]+$/.test(id)) continue;
    try {
      docs[id] = fs.readFileSync(path.join(docsDir, `${id}.md`), 'utf8');
    } catch {
      // no page for this rule (yet): SARIF falls back to the description and the docs URL
    }
  }
  return docs;
}
