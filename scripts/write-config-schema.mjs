// Regenerates schema/config.schema.json from the rules' meta (run after `npm run build`).
import { writeFileSync } from 'node:fs';
import { allRules } from '../dist/rules/index.js';
import { buildConfigSchema } from '../dist/src/config/schema.js';

const file = new URL('../schema/config.schema.json', import.meta.url);
writeFileSync(file, `${JSON.stringify(buildConfigSchema(allRules), null, 2)}\n`);
console.log(`wrote ${file.pathname} (${allRules.length} rules)`);
