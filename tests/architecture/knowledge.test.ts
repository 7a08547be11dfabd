import fs from 'node:fs';
import path from 'node:path';
import type * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { compiler as t } from '../../src/ts.js';

const root = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}${e.name}`;
    if (e.isDirectory()) return sourceFiles(`${rel}/`);
    return e.name.endsWith('.ts') ? [rel] : [];
  });
}

const parse = (file: string, text = fs.readFileSync(path.join(root, file), 'utf8')): ts.SourceFile =>
  t.createSourceFile(file, text, t.ScriptTarget.Latest, true, t.ScriptKind.TS);

const CODE = [...sourceFiles('src/'), ...sourceFiles('rules/')];

// ---------------------------------------------------------------------------------------------------------------
// 1. Vocabularies live in src/knowledge/. A module-level regular expression or `new Set` of names outside it is
//    either a vocabulary (move it) or a structural pattern, listed here with what it is.
// ---------------------------------------------------------------------------------------------------------------

/**
 * The module-level patterns and name sets that live outside src/knowledge/, by why. A new one is either knowledge
 * (move it, by concept) or belongs to one of these groups; the test fails until it is listed.
 */
const OUTSIDE_KNOWLEDGE: Record<string, string[]> = {
  // a path, file name, extension or module-specifier shape: where a file is, not what code says
  'structural: a path or file-name pattern': [
    'rules/console-logging.ts:CLI_PATH', 'rules/inconsistent-error-shape.ts:INTERNAL_PATH',
    'rules/inconsistent-error-shape.ts:JSX_FILE', 'rules/inconsistent-error-shape.ts:NUXT_SERVER',
    'rules/inconsistent-error-shape.ts:WEBHOOK_PATH', 'rules/leaked-error-response.ts:ADMIN_SEGMENT',
    'rules/leaked-error-response.ts:INSTALLER_MODULE', 'rules/missing-error-boundary.ts:ENTRY_FILE',
    'rules/missing-error-boundary.ts:NEXT_ERROR_PAGE', 'src/analysis/data-layers/sequelize.ts:MODULE',
    'src/analysis/database.ts:MODEL_PATH', 'src/analysis/write-units.ts:PROJECT_MODULE',
    'src/discovery.ts:SKIPPED_DIRS', 'src/init.ts:LOCAL_LOGGER', 'src/model/error-options.ts:ES2022_LIB',
    'src/model/error-options.ts:TEST_CONFIG', 'src/model/resolve.ts:DECLARATION',
    'src/model/resolve.ts:SKIPPED_DIRS', 'src/model/resolve.ts:SOURCE',
  ],
  // the syntax of a directive, pragma, import, link or generated header, or a cheap whole-file pre-check that
  // only decides whether a file is worth walking (the AST decides the rest)
  'structural: a syntax pattern or a whole-file pre-check': [
    'rules/inconsistent-return.ts:LABEL', 'src/analysis/catch.ts:LINK',
    'src/analysis/directives.ts:DIRECTIVE',
    'src/analysis/loggers.ts:FILE_NO_CONSOLE_DIRECTIVE', 'src/engine/file-runner.ts:FLOW_PRAGMA',
    'src/init.ts:IMPORT', 'src/model/summaries.ts:MENTIONS_CLS_STORE', 'src/model/summaries.ts:SETS_AXIOS_DEFAULT',
  ],
  // formats errlint itself writes or prints
  'structural: a cache, temporary-file or terminal format': [
    'src/engine/cache.ts:HEADER', 'src/reporters/shared.ts:UNPRINTABLE', 'src/write-file.ts:TEMP',
  ],
  // the role classifier reads a file's raw text before it is parsed, through its own tokenizer (codeOnly) that
  // blanks strings and comments; moving it onto the parsed file or TypeScript's scanner is still to do
  'debt: the raw-text role classifier': [
    'src/model/roles.ts:BROWSER_GLOBAL', 'src/model/roles.ts:BUILD_SCRIPT', 'src/model/roles.ts:BUNDLER_IMPORT',
    'src/model/roles.ts:CLIENT_API', 'src/model/roles.ts:CLIENT_ONLY_IMPORT', 'src/model/roles.ts:CLI_IMPORT',
    'src/model/roles.ts:COMPILED_JS', 'src/model/roles.ts:COMPONENT_FOLDER', 'src/model/roles.ts:CONFIG_FILE',
    'src/model/roles.ts:EMAIL_TEMPLATE_IMPORT', 'src/model/roles.ts:GENERATED_HEADER',
    'src/model/roles.ts:HOOK_CALL', 'src/model/roles.ts:HOOK_MODULE', 'src/model/roles.ts:HOOK_NAME',
    'src/model/roles.ts:HTTP_SERVER_IMPORT', 'src/model/roles.ts:LOCAL_DOM', 'src/model/roles.ts:REGEX_AFTER_WORD',
    'src/model/roles.ts:ROUTE_HANDLER', 'src/model/roles.ts:ROUTE_SERVER_EXPORT', 'src/model/roles.ts:SERVER_DOM',
    'src/model/roles.ts:SERVER_HOOKS', 'src/model/roles.ts:SERVER_IMPORT', 'src/model/roles.ts:SERVER_ONLY_IMPORT',
    'src/model/roles.ts:SERVER_SIDE_PROPS', 'src/model/roles.ts:TEST_IMPORT', 'src/model/roles.ts:TEST_PACKAGE_NAME',
    'src/model/roles.ts:TOOL_CONFIG_NAMES', 'src/model/roles.ts:UI_IMPORT', 'src/model/roles.ts:USE_IMPORT',
  ],
  // vocabularies still beside the code that matches them; move each to src/knowledge/ by concept (issue 13)
  'debt: vocabularies not yet moved to src/knowledge/': [
    // added by the branches merged beside the move (session 6): move them with the rest
    'src/analysis/catch.ts:VALUE_PREDICATE', 'src/analysis/database.ts:CLIENT_ACCESSOR', 'src/analysis/database.ts:BUILDS_SQL_TEXT',
    'src/analysis/frameworks/hono.ts:STATUS_SECOND', 'src/analysis/write-units.ts:RETURNS_CALL', 'src/model/roles.ts:REACT_SERVER_IMPORT',
    'src/model/write-model.ts:DATA_STORE', 'src/model/write-model.ts:NOT_DATABASE', 'rules/inconsistent-error-shape.ts:BROWSER_LANDING',
    'src/analysis/data-layers/mongoose.ts:MONGO_SESSION',
    'rules/console-logging.ts:CONSOLE_METHODS', 'rules/console-logging.ts:LOG_METHOD_NAMES',
    'rules/generic-error.ts:BAD_INPUT', 'rules/generic-error.ts:BUG_CONSTANT', 'rules/generic-error.ts:CODE_LOOKUP',
    'rules/generic-error.ts:CONFIG_MESSAGE', 'rules/generic-error.ts:FRAMEWORK_ERROR_CALLBACKS',
    'rules/generic-error.ts:INVARIANT', 'rules/generic-error.ts:PROCEDURE_METHODS', 'rules/generic-error.ts:REFUSAL',
    'rules/generic-error.ts:SETTING_MESSAGE', 'rules/generic-error.ts:TECHNICAL',
    'rules/generic-error.ts:TYPE_FIELDS', 'rules/inconsistent-error-shape.ts:ERRORISH_NAME',
    'rules/inconsistent-error-shape.ts:ERROR_REPORT_KEYS', 'rules/inconsistent-error-shape.ts:H3_MODULES',
    'rules/inconsistent-error-shape.ts:HANDLER_REGISTRARS', 'rules/inconsistent-error-shape.ts:NESTED_KEYS',
    'rules/inconsistent-error-shape.ts:OPTION_EXCEPTIONS', 'rules/inconsistent-error-shape.ts:PROXY_CALLS',
    'rules/inconsistent-return.ts:BOOLEAN_CALL', 'rules/inconsistent-return.ts:BOOLEAN_NAME',
    'rules/inconsistent-return.ts:DATA_CALL', 'rules/inconsistent-return.ts:ERROR_WORDS',
    'rules/inconsistent-return.ts:PREDICATE_NAME', 'rules/inconsistent-return.ts:TRY_NAME',
    'rules/leaked-error-response.ts:AWAITED_INPUT_CHECK', 'rules/leaked-error-response.ts:INPUT_PARSERS',
    'rules/leaked-error-response.ts:LIFECYCLE_HOOKS', 'rules/leaked-error-response.ts:PROJECT_INPUT_CHECK',
    'rules/leaked-error-response.ts:RESPONSE_OBJECTS', 'rules/lost-error-context.ts:FAILURE_LEVELS',
    'rules/lost-error-context.ts:HAND_ON_CALLS', 'rules/missing-error-boundary.ts:ERROR_HANDLER_OPTIONS',
    'rules/missing-error-boundary.ts:ERROR_MIDDLEWARE_NAME', 'rules/missing-error-boundary.ts:NODE_HTTP_MODULES',
    'rules/missing-error-boundary.ts:NODE_SERVER_FACTORIES', 'rules/missing-error-boundary.ts:PROCESS_EVENTS',
    'rules/missing-error-boundary.ts:PROCESS_HANDLER_MODULES', 'rules/missing-error-boundary.ts:ROUTE_EXPORTS',
    'rules/missing-transaction.ts:FACTORY', 'rules/missing-transaction.ts:PROMISE_COMBINATOR',
    'rules/missing-transaction.ts:READ_VERB', 'rules/missing-transaction.ts:TRANSACTION_ARG',
    'rules/sensitive-data-exposure.ts:COUNT_METHODS',
    'rules/sensitive-data-exposure.ts:ERROR_CLASS', 'rules/sensitive-data-exposure.ts:HEADER_GETTERS',
    'rules/sensitive-data-exposure.ts:KEEP_METHODS', 'rules/sensitive-data-exposure.ts:LINK_FIELD',
    'rules/sensitive-data-exposure.ts:PRIVATE_ERROR_KEYS', 'rules/sensitive-data-exposure.ts:REQUEST_INPUT',
    'rules/sensitive-data-exposure.ts:REQUEST_OBJECT', 'rules/sensitive-data-exposure.ts:TOKENIZER_METHODS',
    'rules/swallowed-catch.ts:CLEANUP_FUNCTION', 'rules/swallowed-catch.ts:EMPTY_ANSWER',
    'rules/swallowed-catch.ts:FAILURE_CALLBACK', 'rules/swallowed-catch.ts:FAILURE_STATE',
    'rules/swallowed-catch.ts:FALLBACK_CONTRACT', 'rules/swallowed-catch.ts:FALLBACK_HELPER',
    'rules/swallowed-catch.ts:HEALTH', 'rules/swallowed-catch.ts:INTENT_BINDING',
    'rules/swallowed-catch.ts:LEVEL_NAME', 'rules/swallowed-catch.ts:LOCK_RECEIVER',
    'rules/swallowed-catch.ts:PER_ITEM_METHODS', 'rules/swallowed-catch.ts:PREDICATE',
    'rules/swallowed-catch.ts:READS_ANALYTICS', 'rules/swallowed-catch.ts:RELEASE_METHOD',
    'rules/swallowed-catch.ts:TELEMETRY_FUNCTION', 'rules/unchecked-http-call.ts:TIMEOUT_WRAPPER',
    'src/analysis/ast.ts:HTTP_METHOD_DECORATORS', 'src/analysis/ast.ts:ROUTE_HANDLER_EXPORTS',
    'src/analysis/browser.ts:PAGE_FUNCTION_METHODS', 'src/analysis/callers.ts:NULLABLE_NAME',
    'src/analysis/callers.ts:PASS_THROUGH', 'src/analysis/catch.ts:BENIGN_METHODS',
    'src/analysis/catch.ts:CALLBACK_NAMES', 'src/analysis/catch.ts:CARRY_ON_COMMENT',
    'src/analysis/catch.ts:CLEANUP_METHODS', 'src/analysis/catch.ts:CONFIG_RECEIVERS',
    'src/analysis/catch.ts:DISCARDABLE_RESULT', 'src/analysis/catch.ts:FAILURE_KEY',
    'src/analysis/catch.ts:FAILURE_LITERAL', 'src/analysis/catch.ts:FAILURE_METHOD',
    'src/analysis/catch.ts:GUARDED_CLEANUP_METHODS', 'src/analysis/catch.ts:IGNORE_WORDS',
    'src/analysis/catch.ts:INPUT_FAULT', 'src/analysis/catch.ts:LINK_ONLY_COMMENT',
    'src/analysis/catch.ts:NO_REASON_COMMENT', 'src/analysis/catch.ts:PARSE_CALLS',
    'src/analysis/catch.ts:PARSE_HELPER', 'src/analysis/catch.ts:PROBE_CALLS', 'src/analysis/catch.ts:PROBE_METHODS',
    'src/analysis/catch.ts:PROMISE_NOOPS', 'src/analysis/catch.ts:RESPONSE_STATUS_METHODS',
    'src/analysis/catch.ts:SCHEMA_METHODS', 'src/analysis/catch.ts:SCHEMA_ROOTS', 'src/analysis/catch.ts:STATUS_KEY',
    'src/analysis/catch.ts:TELEMETRY_METHODS', 'src/analysis/catch.ts:TELEMETRY_RECEIVERS',
    'src/analysis/catch.ts:VERIFY_CALL', 'src/analysis/data-layers/knex.ts:TABLE_STARTS',
    'src/analysis/data-layers/sql.ts:FACTORIES', 'src/analysis/data-layers/typeorm.ts:GET_REPOSITORY',
    'src/analysis/data-layers/typeorm.ts:KINDS', 'src/analysis/database.ts:ITERATION_METHODS',
    'src/analysis/database.ts:NOT_MODEL_NAME', 'src/analysis/database.ts:PROMISE_METHODS',
    'src/analysis/database.ts:TX_TYPE', 'src/analysis/effects.ts:HTTP_CLIENT_ROOTS',
    'src/analysis/error-classes.ts:CLIENT_ERROR_CLASS',
    'src/analysis/error-classes.ts:CLIENT_STATUS_NAMES',
    'src/analysis/error-sites.ts:TEXT_MEMBERS', 
    'src/analysis/flow.ts:OBJECT_CALLS', 'src/analysis/flow.ts:STRINGIFY_CALLS',
    'src/analysis/flow.ts:STRING_METHODS', 'src/analysis/frameworks/express.ts:REQ_NAMES',
    'src/analysis/frameworks/express.ts:RES_NAMES', 'src/analysis/http.ts:BUILTIN_ERRORS',
    'src/analysis/http.ts:ERROR_HANDLER_REGISTRARS', 'src/analysis/http.ts:INTERNAL_WORDS',
    'src/analysis/http.ts:ITERATION_METHODS', 'src/analysis/http.ts:MESSAGE_TESTS',
    'src/analysis/logger-calls.ts:PINO_RECEIVER', 'src/analysis/loggers.ts:BUILT_IN_ERROR_NAMES',
    'src/analysis/propagation.ts:PASS_THROUGH_CALLBACKS', 'src/analysis/propagation.ts:RESPONSE_ROOT',
    'src/analysis/propagation.ts:SYNC_ONLY_CALLBACKS', 
    
    'src/analysis/write-units.ts:QUEUE_ENQUEUE',
    'src/model/logger-summaries.ts:STATUS_KEY', 'src/model/summaries.ts:TIMEOUT_KEY',
  ],
};

const LISTED = new Set(Object.values(OUTSIDE_KNOWLEDGE).flat());

/** A regular expression (literal or `new RegExp`) or a `new Set` of string literals. */
function isPatternOrNameSet(init: ts.Expression): boolean {
  let e = init;
  while (t.isAsExpression(e) || t.isSatisfiesExpression(e) || t.isParenthesizedExpression(e)) e = e.expression;
  if (t.isRegularExpressionLiteral(e)) return true;
  if (!t.isNewExpression(e) || !t.isIdentifier(e.expression)) return false;
  if (e.expression.text === 'RegExp') return true;
  if (e.expression.text !== 'Set') return false;
  const arg = e.arguments?.[0];
  return arg !== undefined && t.isArrayLiteralExpression(arg) && arg.elements.length > 0 && arg.elements.every((x) => t.isStringLiteralLike(x));
}

/** `file:NAME` of every module-level pattern or name set of `file`. */
function moduleLevelPatterns(file: string, sf = parse(file)): string[] {
  const out: string[] = [];
  for (const st of sf.statements) {
    if (!t.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      if (t.isIdentifier(d.name) && d.initializer && isPatternOrNameSet(d.initializer)) out.push(`${file}:${d.name.text}`);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// 2. No pattern runs over the source text of a node: a rule reads identifiers, property names and callees from
//    the AST. `node.getText()` (or a name holding it) fed to `RegExp#test/exec` or `String#match/search/includes/
//    startsWith/endsWith` is a substring match over code, comments and strings alike.
// ---------------------------------------------------------------------------------------------------------------

/** `file:function` of the sites that may still search a node's text, by why. */
const TEXT_MATCH_ALLOWED: Record<string, string[]> = {
  // the spelling of a declared type (`Error | undefined`, `Promise<T | null>`, `TransactionHost<Adapter>`): a type
  // annotation holds no strings or comments, and these read its shape; reading the type nodes is still to do
  'debt: the text of a type annotation': [
    'src/analysis/callers.ts:declaresNullable', 'src/analysis/database.ts:handleFromDecl', 'src/analysis/database.ts:transactionHostHandle',
    'src/analysis/database.ts:carrierArgument', 'src/analysis/error-classes.ts:isErrorParameter', 'src/analysis/error-classes.ts:takesMessageFirst',
    'src/analysis/loggers.ts:findLoggerInScope', 'src/analysis/callers.ts:crossFileCallersCondition',
  ],
  // two expressions compared by their text as a key (`queryRunner` and `queryRunner.manager`: the same handle)
  'structural: an expression\'s text used as the key of a handle': [
    'src/analysis/database.ts:summarize', 'rules/missing-transaction.ts:throughRoot', 'rules/missing-transaction.ts:visit',
  ],
};
const TEXT_LISTED = new Set(Object.values(TEXT_MATCH_ALLOWED).flat());

const TEXT_READERS = new Set(['getText', 'getFullText']);
const REGEX_METHODS = new Set(['test', 'exec']);
const STRING_SEARCHES = new Set(['match', 'matchAll', 'search', 'includes', 'startsWith', 'endsWith']);

/** The function (or file) a declaration's name is visible in. */
function scopeOf(n: ts.Node): ts.Node {
  for (let p = n.parent; p; p = p.parent) if (t.isFunctionLike(p) || t.isSourceFile(p)) return p;
  return n.getSourceFile();
}

/** Whether `n` reads a node's text: a `getText()` call, or a name declared (in a scope around it) to hold one. */
function readsNodeText(n: ts.Node, textNames: ReadonlyMap<string, ReadonlySet<ts.Node>>): boolean {
  let found = false;
  const visit = (x: ts.Node): void => {
    if (found) return;
    if (t.isCallExpression(x) && t.isPropertyAccessExpression(x.expression) && TEXT_READERS.has(x.expression.name.text)) found = true;
    else if (t.isIdentifier(x) && !(t.isPropertyAccessExpression(x.parent) && x.parent.name === x)) {
      const scopes = textNames.get(x.text);
      for (let p: ts.Node | undefined = x.parent; p && scopes && !found; p = p.parent) if (scopes.has(p)) found = true;
    } else t.forEachChild(x, visit);
  };
  visit(n);
  return found;
}

/** The name of the function (or variable, method, property) a node is written in, the innermost named one. */
function enclosingName(n: ts.Node): string {
  for (let p = n.parent; p; p = p.parent) {
    if ((t.isFunctionDeclaration(p) || t.isMethodDeclaration(p)) && p.name && t.isIdentifier(p.name)) return p.name.text;
    if ((t.isArrowFunction(p) || t.isFunctionExpression(p)) && t.isVariableDeclaration(p.parent) && t.isIdentifier(p.parent.name)) return p.parent.name.text;
  }
  return '(top level)';
}

/** `file:function` of every pattern or substring search whose subject is a node's text. */
function nodeTextMatches(file: string, sf = parse(file)): string[] {
  // names that hold a node's text: `const text = fn.getText(sf)`, by the scope they are declared in
  const textNames = new Map<string, Set<ts.Node>>();
  const collect = (n: ts.Node): void => {
    if ((t.isVariableDeclaration(n) || t.isParameter(n)) && t.isIdentifier(n.name) && n.initializer && readsNodeText(n.initializer, new Map())) {
      const scopes = textNames.get(n.name.text) ?? new Set();
      scopes.add(scopeOf(n));
      textNames.set(n.name.text, scopes);
    }
    t.forEachChild(n, collect);
  };
  collect(sf);
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    if (t.isCallExpression(n) && t.isPropertyAccessExpression(n.expression)) {
      const method = n.expression.name.text;
      const subject = REGEX_METHODS.has(method) ? n.arguments[0] : STRING_SEARCHES.has(method) ? n.expression.expression : undefined;
      if (subject && readsNodeText(subject, textNames)) out.push(`${file}:${enclosingName(n)}`);
    }
    t.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

describe('knowledge as data', () => {
  it('keeps vocabularies in src/knowledge/: module-level patterns and name sets elsewhere are listed as structural', () => {
    const found = CODE.filter((f) => !f.startsWith('src/knowledge/')).flatMap((f) => moduleLevelPatterns(f));
    expect(found.filter((k) => !LISTED.has(k))).toEqual([]);
    // the list names only what still exists
    expect([...LISTED].filter((k) => !found.includes(k))).toEqual([]);
  });

  it('runs no pattern over a node\'s source text', () => {
    const found = CODE.flatMap((f) => nodeTextMatches(f));
    expect(found.filter((k) => !TEXT_LISTED.has(k))).toEqual([]);
    expect([...TEXT_LISTED].filter((k) => !found.includes(k))).toEqual([]);
  });

  it('catches a module-level vocabulary and a pattern over getText()', () => {
    const code = `const NAMES = new Set(['a', 'b']);
const WORD = /^(?:x|y)$/;
const other = new Set(list);
export function f(node, sf) {
  const text = node.getText(sf);
  return WORD.test(node.getText()) || text.includes('x') || /y/.test(text) || node.getText().length > 3;
}`;
    const sf = parse('probe.ts', code);
    expect(moduleLevelPatterns('probe.ts', sf)).toEqual(['probe.ts:NAMES', 'probe.ts:WORD']);
    expect(nodeTextMatches('probe.ts', sf)).toEqual(['probe.ts:f', 'probe.ts:f', 'probe.ts:f']);
  });
});
