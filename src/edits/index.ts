/**
 * The edits toolkit every suggestion and fix is built from (as eslint-plugin-unicorn's `fix/`): indentation,
 * import insertion in the file's module system, statements added to and removed from a block keeping its comments, layout-keeping property and argument insertion, fresh names and
 * catch bindings. Edits are plain data, `{ range, text }`.
 */
export { editBlock } from './block.js';
export { errorBinding } from './catch-binding.js';
export { insertImport, topLevelInsertion, type ImportSpec } from './imports.js';
export { indentRange, indentUnit, lineIndent, startsLine } from './indent.js';
export { addArguments, addOption, addProperty, quote } from './insert.js';
export { freshName, identifiersIn } from './names.js';
