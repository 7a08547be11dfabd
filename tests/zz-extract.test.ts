import { it } from 'vitest';
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
it('extracts', async () => {
  const [rule, ...want] = process.env.X_WANT!.split(',');
  const { cases } = await import(`./rules/${rule}.cases.ts`);
  rmSync('/tmp/tune/chk/src', { recursive: true, force: true });
  let i = 0;
  for (const c of cases.valid) {
    const code = typeof c === 'string' ? c : c.code;
    if (!want.some((n) => code.includes(n))) continue;
    const file = `/tmp/tune/chk/src/${typeof c === 'string' || !c.filename ? `case${i++}.ts` : c.filename}`;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, code);
  }
});
