import type * as ts from 'typescript';
import { dottedName, functionName, isFunctionLike, namesIn, skipOuter, type FunctionLike } from '../src/analysis/ast.js';
import { contractChangeReason } from '../src/analysis/callers.js';
import { importsOf, resolveName } from '../src/analysis/scope.js';
import { defineRule } from '../src/define-rule.js';
import type { SuggestionDescriptor, TextEdit, TS } from '../src/types.js';

export type MessageIds = 'booleanOrNothing' | 'dataOrFalse' | 'dataOrErrorString' | 'dataOrError' | 'throwError' | 'throwMessage' | 'returnNull' | 'rewriteByHand';

export type Options = Record<string, never>;

/** What one return expression encodes. */
export type ReturnKind = 'void' | 'undefined' | 'null' | 'true' | 'false' | 'boolean' | 'error' | 'errorString' | 'string' | 'data' | 'jsx' | 'unknown';

interface ReturnValue {
  kind: ReturnKind;
  /** The expression classified (a branch of `a ? b : c` is its own value). */
  node: ts.Node;
  statement: ts.ReturnStatement | ts.Expression;
}

const ERROR_WORDS = /\b(error|fail(ed|ure)?|invalid|not found|denied|unauthori[sz]ed|forbidden|unable|cannot|can't|could not|couldn't|missing|required|expired|insufficient|declined|rejected|timed? ?out|wrong|incorrect|not allowed|already exists|does not exist|no such|not exist)\b/i;
const BOOLEAN_NAME = /^(is|has|can|should|was|were|did|does|will|needs?|allow(s|ed)?|must|may)[A-Z_]|^(ok|valid|isValid|success|succeeded|exists|found|enabled|disabled|done|matches|matched|allowed|authorized|authorised|active|verified|passed)$/;
const BOOLEAN_CALL = /^(is|has|can|should|check|validate|verify|exists?|includes|some|every|test|startsWith|endsWith|contains|matches|equals|compare|has[A-Z]\w*|is[A-Z]\w*|can[A-Z]\w*|should[A-Z]\w*)$/;
const DATA_CALL = /^(find|findOne|findUnique|findFirst|findById|findByPk|findAll|findMany|findOneBy|findBy|fetch[A-Z]?\w*|load[A-Z]?\w*|create[A-Z]?\w*|build[A-Z]?\w*|query|select\w*|parse|list[A-Z]?\w*|search\w*|retrieve\w*|lookup\w*|insert\w*|save|upsert|map|flatMap|filter|slice|concat|split|from|toJSON|toObject|json|getOne|getMany|getRawOne|getRawMany|execute|executeTakeFirst|executeTakeFirstOrThrow|aggregate|populate|lean|exec)$/;
const TRY_NAME = /^(try|maybe|parse|coerce|decode|as|to)[A-Z_]|OrNull$|OrUndefined$|OrNothing$/;
// a function named as a predicate (`shouldCompress`, `includesMember`) returns a truthy value or false by design
const PREDICATE_NAME = /^(is|has|can|should|was|were|did|does|will|needs?|must|may|includes|contains|matches|allows?)[A-Z_]/;
// a single lowercase word (`'invalid'`, `'none'`) is a label from a string union, not an error message
const LABEL = /^[a-z][a-z0-9_-]*$/;

export default defineRule<MessageIds, Options>({
  meta: {
    id: 'inconsistent-return',
    family: 'integrity',
    risk: 'medium',
    description: 'Disallow return values that encode failure ambiguously, such as a boolean or null, or data or false.',
    messages: {
      booleanOrNothing: '{{name}} returns {{values}} (lines {{lines}}); return one typed status, or throw a typed error for the failure.',
      dataOrFalse: '{{name}} returns a value or false (lines {{lines}}); return null for a missing value, or throw a typed error for a failure.',
      dataOrErrorString: '{{name}} returns a value or an error message (lines {{lines}}); throw a typed error instead of returning its message.',
      dataOrError: '{{name}} returns a value or an Error (lines {{lines}}); throw the error, or return a typed result union.',
      throwError: 'Throw the error instead of returning it.',
      throwMessage: 'Throw an Error with this message instead of returning it.',
      returnNull: 'Return null instead of false for the missing value.',
      rewriteByHand: 'No throwing rewrite is offered: {{reason}}.',
    },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    defaultOptions: {},
    fixable: false,
    hasSuggestions: true,
    // precision about 0.25 on unseen repositories, few findings (issue 14)
    preset: 'strict',
    precision: 'low',
    roles: ['server', 'client', 'script'],
    cwe: ['CWE-253'],
  },
  create(context) {
    const { ts: t, sourceFile: sf } = context;
    // each function's own return statements in source order, gathered in the one traversal (not a walk per function)
    const returns = new Map<ts.Node, ts.ReturnStatement[]>();
    const check = (node: ts.Node): void => {
      const fn = node as FunctionLike;
      const own = returns.get(fn);
      returns.delete(fn);
      if (!fn.body || !t.isBlock(fn.body) || fn.asteriskToken || t.isConstructorDeclaration(fn) || t.isSetAccessorDeclaration(fn)) return;
      const values = returnValues(t, fn, own ?? []);
      if (values.length < 2 || values.some((v) => v.kind === 'jsx')) return;
      const found = classifyMix(t, fn, values);
      if (!found || declaresProjectType(t, fn) || implementsContract(t, fn)) return;
      const lines = [...new Set(found.involved.map((v) => sf.getLineAndCharacterOfPosition(v.statement.getStart(sf)).line + 1))].sort((a, b) => a - b);
      const name = functionName(t, fn);
      context.report({
        ...reportTarget(t, fn, sf),
        messageId: found.messageId,
        data: { name: name ? `'${name}'` : 'This function', lines: lines.join(', '), ...(found.values ? { values: found.values } : {}) },
        ...(found.suggest ? { suggest: [found.suggest] } : {}),
      });
    };
    return {
      ReturnStatement(node) {
        // a return belongs to the nearest enclosing function; one inside a class body outside any method, to none
        let owner = node.parent;
        while (owner && !isFunctionLike(t, owner) && !t.isClassLike(owner)) owner = owner.parent;
        if (!owner || !isFunctionLike(t, owner)) return;
        const list = returns.get(owner);
        if (list) list.push(node);
        else returns.set(owner, [node]);
      },
      'FunctionDeclaration:exit': check,
      'FunctionExpression:exit': check,
      'ArrowFunction:exit': check,
      'MethodDeclaration:exit': check,
      'GetAccessor:exit': check,
    };
  },
});

function reportTarget(t: TS, fn: FunctionLike, sf: ts.SourceFile): { node: ts.Node } | { range: [number, number] } {
  if ((t.isFunctionDeclaration(fn) || t.isMethodDeclaration(fn) || t.isGetAccessorDeclaration(fn) || t.isFunctionExpression(fn)) && fn.name) return { node: fn.name };
  const p = fn.parent;
  if (p && (t.isVariableDeclaration(p) || t.isPropertyAssignment(p) || t.isPropertyDeclaration(p)) && p.name) return { node: p.name };
  if (t.isArrowFunction(fn)) return { node: fn.equalsGreaterThanToken };
  const start = fn.getStart(sf);
  return { range: [start, start + 'function'.length] };
}

/** The function declares a return type the project names (`Promise<PaymentStatus>`, `Result<User>`). */
function declaresProjectType(t: TS, fn: FunctionLike): boolean {
  const type = fn.type;
  if (!type) return false;
  const names: string[] = [];
  const visit = (n: ts.Node): void => {
    if (t.isTypeReferenceNode(n)) {
      const name = t.isIdentifier(n.typeName) ? n.typeName.text : n.typeName.right.text;
      if (name === 'Promise' || name === 'PromiseLike' || name === 'Awaited') n.typeArguments?.forEach(visit);
      else names.push(t.isIdentifier(n.typeName) ? n.typeName.text : n.typeName.getText());
      return;
    }
    if (t.isUnionTypeNode(n) || t.isParenthesizedTypeNode(n)) t.forEachChild(n, visit);
  };
  visit(type);
  return names.some((name) => {
    const root = name.split('.')[0]!;
    const d = resolveName(t, root, fn);
    if (d && (d.kind === 'class' || d.kind === 'import')) return d.kind === 'class' || isProjectModule(d.import?.module ?? '');
    return isDeclaredType(t, fn.getSourceFile(), root);
  });
}

/**
 * The return shape is someone else's contract: an `override`, a method of a class that extends or implements
 * another type, or a method of an object literal typed by its declaration (`const model: OAuthModel = { … }`).
 */
function implementsContract(t: TS, fn: FunctionLike): boolean {
  if (t.isMethodDeclaration(fn) || t.isGetAccessorDeclaration(fn) || t.isPropertyDeclaration(fn.parent)) {
    if ((t.getModifiers(fn) ?? []).some((m) => m.kind === t.SyntaxKind.OverrideKeyword)) return true;
    const cls = t.isClassLike(fn.parent) ? fn.parent : t.isPropertyDeclaration(fn.parent) && t.isClassLike(fn.parent.parent) ? fn.parent.parent : undefined;
    if (cls && (cls.heritageClauses ?? []).length > 0) return true;
  }
  const obj: ts.Node | undefined = t.isMethodDeclaration(fn) ? fn.parent : t.isPropertyAssignment(fn.parent) ? fn.parent.parent : undefined;
  if (obj && t.isObjectLiteralExpression(obj)) {
    let p = obj.parent;
    while (p && (t.isParenthesizedExpression(p) || t.isAsExpression(p))) p = p.parent;
    if (p && ((t.isVariableDeclaration(p) && p.type) || t.isSatisfiesExpression(p) || t.isCallExpression(p) || t.isReturnStatement(p) || t.isPropertyAssignment(p))) return true;
  }
  return false;
}

function isProjectModule(specifier: string): boolean {
  return /^(\.{1,2}\/|@\/|~\/|#|src\/|@app\/|@server\/|@shared\/|@lib\/|@common\/)/.test(specifier);
}

// Per file: the types it declares anywhere and the names it imports from project modules, collected once.
const declaredTypes = new WeakMap<ts.SourceFile, Set<string>>();

function isDeclaredType(t: TS, sf: ts.SourceFile, name: string): boolean {
  let names = declaredTypes.get(sf);
  if (!names) {
    const found = new Set<string>();
    const visit = (n: ts.Node): void => {
      if ((t.isTypeAliasDeclaration(n) || t.isInterfaceDeclaration(n) || t.isEnumDeclaration(n) || t.isClassDeclaration(n)) && n.name) found.add(n.name.text);
      if (t.isImportDeclaration(n)) return;
      t.forEachChild(n, visit);
    };
    visit(sf);
    for (const b of importsOf(t, sf).values()) if (b.kind === 'import' && b.imported !== '*' && isProjectModule(b.module)) found.add(b.node.text);
    declaredTypes.set(sf, (names = found));
  }
  return names.has(name);
}

/** Every value the function can return (`own`: its return statements), `a ? b : c` and `a ?? b` split into their branches. */
function returnValues(t: TS, fn: FunctionLike, own: readonly ts.ReturnStatement[]): ReturnValue[] {
  const out: ReturnValue[] = [];
  for (const n of own) {
    if (!n.expression) out.push({ kind: 'void', node: n, statement: n });
    else for (const [kind, node] of branches(t, n.expression, fn)) out.push({ kind, node, statement: n });
  }
  return out;
}

function branches(t: TS, expr: ts.Expression, fn: FunctionLike): [ReturnKind, ts.Expression][] {
  const asserted = assertedKind(t, expr);
  if (asserted) return [[asserted, expr]];
  let e = skipOuter(t, expr);
  if (t.isAwaitExpression(e)) e = skipOuter(t, e.expression);
  if (t.isConditionalExpression(e)) return [...branches(t, e.whenTrue, fn), ...branches(t, e.whenFalse, fn)];
  if (t.isBinaryExpression(e) && (e.operatorToken.kind === t.SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === t.SyntaxKind.BarBarToken)) {
    // `x || false` / `x ?? false` coerces to a falsy flag: a truthiness check, not a failure value
    const right = skipOuter(t, e.right);
    if (right.kind === t.SyntaxKind.FalseKeyword) return [['unknown', e]];
    const left = classify(t, e.left, fn, 0);
    // `x || false`, `user ?? null`: the left side when present, the fallback otherwise
    if (left === 'boolean' || left === 'true' || left === 'false') return [['boolean', e]];
    return [[left, e.left], ...branches(t, e.right, fn)];
  }
  return [[classify(t, e, fn, 0), e]];
}

/** What an expression is, from its syntax and, for a local constant, its initializer. */
export function classify(t: TS, expr: ts.Expression, fn: FunctionLike, depth: number): ReturnKind {
  const asserted = assertedKind(t, expr);
  if (asserted) return asserted;
  let e = skipOuter(t, expr);
  if (t.isAwaitExpression(e)) e = skipOuter(t, e.expression);
  switch (e.kind) {
    case t.SyntaxKind.NullKeyword:
      return 'null';
    case t.SyntaxKind.TrueKeyword:
      return 'true';
    case t.SyntaxKind.FalseKeyword:
      return 'false';
  }
  if (t.isIdentifier(e)) {
    if (e.text === 'undefined') return 'undefined';
    const d = resolveName(t, e.text, e);
    if (d?.kind === 'catch') return narrowedToNonError(t, e) ? 'unknown' : 'error';
    if (d?.kind === 'var' && d.init && d.isConst && depth < 2 && !d.destructured) {
      const k = classify(t, d.init, fn, depth + 1);
      if (k !== 'unknown') return k === 'true' || k === 'false' ? 'boolean' : k === 'null' || k === 'undefined' ? 'unknown' : k;
    }
    if (d?.kind === 'param' && d.type) {
      if (d.type.kind === t.SyntaxKind.BooleanKeyword) return 'boolean';
      if (d.type.kind === t.SyntaxKind.StringKeyword) return 'string';
    }
    return BOOLEAN_NAME.test(e.text) ? 'boolean' : 'unknown';
  }
  if (t.isVoidExpression(e)) return 'undefined';
  if (t.isPrefixUnaryExpression(e) && e.operator === t.SyntaxKind.ExclamationToken) return 'boolean';
  if (t.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    const comparisons = [
      t.SyntaxKind.EqualsEqualsToken, t.SyntaxKind.EqualsEqualsEqualsToken, t.SyntaxKind.ExclamationEqualsToken, t.SyntaxKind.ExclamationEqualsEqualsToken,
      t.SyntaxKind.LessThanToken, t.SyntaxKind.LessThanEqualsToken, t.SyntaxKind.GreaterThanToken, t.SyntaxKind.GreaterThanEqualsToken,
      t.SyntaxKind.InstanceOfKeyword, t.SyntaxKind.InKeyword,
    ];
    if (comparisons.includes(op)) return 'boolean';
    if (op === t.SyntaxKind.PlusToken) {
      const l = classify(t, e.left, fn, depth + 1);
      const r = classify(t, e.right, fn, depth + 1);
      if (l === 'string' || l === 'errorString' || r === 'string' || r === 'errorString') return l === 'errorString' ? 'errorString' : 'string';
      return t.isNumericLiteral(skipOuter(t, e.left)) || t.isNumericLiteral(skipOuter(t, e.right)) ? 'data' : 'unknown';
    }
    // arithmetic is a number
    if ([t.SyntaxKind.MinusToken, t.SyntaxKind.AsteriskToken, t.SyntaxKind.SlashToken, t.SyntaxKind.PercentToken, t.SyntaxKind.AsteriskAsteriskToken].includes(op)) return 'data';
    return 'unknown';
  }
  if (t.isStringLiteral(e) || t.isNoSubstitutionTemplateLiteral(e)) return ERROR_WORDS.test(e.text) && !LABEL.test(e.text) ? 'errorString' : 'string';
  if (t.isTemplateExpression(e)) return ERROR_WORDS.test(e.head.text + e.templateSpans.map((s) => s.literal.text).join(' ')) ? 'errorString' : 'string';
  if (t.isNumericLiteral(e) || t.isObjectLiteralExpression(e) || t.isArrayLiteralExpression(e) || t.isBigIntLiteral(e) || t.isRegularExpressionLiteral(e)) return 'data';
  if (t.isJsxElement(e) || t.isJsxSelfClosingElement(e) || t.isJsxFragment(e)) return 'jsx';
  if (t.isNewExpression(e)) {
    const name = t.isIdentifier(e.expression) ? e.expression.text : t.isPropertyAccessExpression(e.expression) ? e.expression.name.text : '';
    if (/(Error|Exception)$/.test(name)) return 'error';
    return name === 'Boolean' ? 'boolean' : 'data';
  }
  if (t.isCallExpression(e)) {
    const callee = skipOuter(t, e.expression);
    const name = t.isIdentifier(callee) ? callee.text : t.isPropertyAccessExpression(callee) ? callee.name.text : '';
    if (name === 'Boolean') return 'boolean';
    if (/(Error|Exception)$/.test(name) && /^[A-Z]/.test(name)) return 'error';
    if (t.isPropertyAccessExpression(callee) && callee.expression.getText() === 'JSON' && name === 'parse') return 'data';
    if (BOOLEAN_CALL.test(name)) return 'boolean';
    if (DATA_CALL.test(name)) return 'data';
    if (name === 'String' || name === 'toString' || name === 'join' || name === 'trim' || name === 'toLowerCase' || name === 'toUpperCase') return 'string';
    return 'unknown';
  }
  if (t.isPropertyAccessExpression(e)) return BOOLEAN_NAME.test(e.name.text) ? 'boolean' : 'unknown';
  return 'unknown';
}

/**
 * A caught value returned under `if (err instanceof Response)`: the catch re-delivers a thrown non-Error value
 * (Remix's thrown Response), not a failure turned into a return value.
 */
function narrowedToNonError(t: TS, id: ts.Identifier): boolean {
  for (let n: ts.Node = id; n.parent && !t.isCatchClause(n); n = n.parent) {
    const p = n.parent;
    if (t.isIfStatement(p) && p.thenStatement === n) {
      const c = skipOuter(t, p.expression);
      if (t.isBinaryExpression(c) && c.operatorToken.kind === t.SyntaxKind.InstanceOfKeyword && t.isIdentifier(skipOuter(t, c.left)) && (skipOuter(t, c.left) as ts.Identifier).text === id.text) {
        return !/(Error|Exception)$/.test(dottedName(t, c.right) ?? '');
      }
    }
  }
  return false;
}

/** The declared return type's union members other than null / undefined / void / boolean. */
function declaredNonFlagMembers(t: TS, fn: FunctionLike): { boolean: boolean; other: boolean } {
  const out = { boolean: false, other: false };
  const visit = (n: ts.TypeNode): void => {
    if (t.isUnionTypeNode(n)) return n.types.forEach(visit);
    if (t.isParenthesizedTypeNode(n)) return visit(n.type);
    if (t.isTypeReferenceNode(n) && t.isIdentifier(n.typeName) && n.typeName.text === 'Promise' && n.typeArguments?.[0]) return visit(n.typeArguments[0]);
    if (n.kind === t.SyntaxKind.BooleanKeyword) { out.boolean = true; return; }
    // `T | false` declares the sentinel this rule is about; `T | true` puts false in a boolean domain
    if (t.isLiteralTypeNode(n) && n.literal.kind === t.SyntaxKind.TrueKeyword) { out.boolean = true; return; }
    if (t.isLiteralTypeNode(n) && n.literal.kind === t.SyntaxKind.FalseKeyword) return;
    if (t.isLiteralTypeNode(n) && n.literal.kind === t.SyntaxKind.NullKeyword) return;
    if (n.kind === t.SyntaxKind.UndefinedKeyword || n.kind === t.SyntaxKind.VoidKeyword || n.kind === t.SyntaxKind.AnyKeyword || n.kind === t.SyntaxKind.UnknownKeyword) return;
    out.other = true;
  };
  if (fn.type) visit(fn.type);
  return out;
}

/** `x as boolean` / `<string>x`: the author states the primitive type the expression has. */
function assertedKind(t: TS, expr: ts.Expression): ReturnKind | undefined {
  let e: ts.Expression = expr;
  while (t.isParenthesizedExpression(e)) e = e.expression;
  if (!t.isAsExpression(e) && !t.isTypeAssertionExpression(e)) return undefined;
  if (e.type.kind === t.SyntaxKind.BooleanKeyword) return 'boolean';
  if (e.type.kind === t.SyntaxKind.StringKeyword) return 'string';
  return undefined;
}

function isSelfCall(t: TS, node: ts.Node, name: string): boolean {
  if (!name || !t.isCallExpression(node)) return false;
  const callee = skipOuter(t, node.expression);
  return (t.isIdentifier(callee) ? callee.text : t.isPropertyAccessExpression(callee) ? callee.name.text : '') === name.split('.').pop();
}

interface Mix {
  messageId: Exclude<MessageIds, 'throwError' | 'throwMessage' | 'returnNull' | 'rewriteByHand'>;
  involved: ReturnValue[];
  values?: string;
  suggest?: SuggestionDescriptor<MessageIds>;
}

function isInlineCallback(t: TS, fn: FunctionLike): boolean {
  const p = fn.parent;
  return !!p && ((t.isCallExpression(p) && p.arguments.includes(fn as ts.Expression)) || t.isPropertyAssignment(p) || t.isJsxExpression(p));
}

/**
 * Whether the errors a function returns are part of the result it declares, so throwing them would break what its
 * callers are promised: its return type names their class (`Promise<Tag | DuplicateEntityError>`), or a decorator
 * declares the result type (`@Mutation(() => CreateTagResult)`: a GraphQL union of the entity and its errors).
 */
function errorsInDeclaredResult(t: TS, fn: FunctionLike, errors: ReturnValue[]): boolean {
  const decorators = t.canHaveDecorators(fn) ? (t.getDecorators(fn) ?? []) : [];
  if (decorators.some((d) => t.isCallExpression(d.expression) && d.expression.arguments.some((a) => t.isArrowFunction(a) || t.isFunctionExpression(a)))) return true;
  const declared = fn.type;
  if (!declared) return false;
  return errors.some((v) => {
    const e = skipOuter(t, v.node as ts.Expression);
    return t.isNewExpression(e) && t.isIdentifier(e.expression) && namesIn(t, declared).includes(e.expression.text);
  });
}

/**
 * A rewrite from returning the failure to throwing it, or — when the function's callers rely on the returned
 * value (exported, passed on, not awaited, or using it as their answer: `src/analysis/callers.ts`) — the reason none
 * is offered.
 */
function throwing(t: TS, fn: FunctionLike, rewrite: SuggestionDescriptor<MessageIds>): SuggestionDescriptor<MessageIds> {
  const reason = contractChangeReason(t, fn, { kind: 'value', value: 'other' });
  return reason ? { messageId: 'rewriteByHand', data: { reason }, edits: [] } : rewrite;
}

function classifyMix(t: TS, fn: FunctionLike, values: ReturnValue[]): Mix | undefined {
  const of = (...kinds: ReturnKind[]): ReturnValue[] => values.filter((v) => kinds.includes(v.kind));
  const booleans = of('true', 'false', 'boolean');
  const nothing = of('null', 'undefined', 'void');
  const data = of('data', 'string');
  const nonStringData = of('data');
  const falses = of('false');
  const errors = of('error');
  const errorStrings = of('errorString');
  const name = functionName(t, fn) ?? '';
  const inline = isInlineCallback(t, fn);
  const sf = fn.getSourceFile();

  const declared = declaredNonFlagMembers(t, fn);
  // an error factory (`createTaskError`, `toHttpException`) returns errors by design
  if (nonStringData.length > 0 && errors.length > 0 && booleans.length === 0 && !/(Error|Exception)/.test(name)) {
    const edits: TextEdit[] = errors.map((v) => {
      const st = v.statement as ts.ReturnStatement;
      return { range: [st.getStart(sf), st.expression!.getStart(sf)], text: 'throw ' };
    });
    const whole = errors.every((v) => t.isReturnStatement(v.statement) && skipOuter(t, v.statement.expression!) === v.node);
    return { messageId: 'dataOrError', involved: [...nonStringData, ...errors], ...(whole && !errorsInDeclaredResult(t, fn, errors) ? { suggest: throwing(t, fn, { messageId: 'throwError', edits }) } : {}) };
  }
  if (nonStringData.length > 0 && errorStrings.length > 0 && booleans.length === 0 && !inline) {
    const whole = errorStrings.every((v) => t.isReturnStatement(v.statement) && skipOuter(t, v.statement.expression!) === v.node);
    const edits: TextEdit[] = errorStrings.map((v) => {
      const st = v.statement as ts.ReturnStatement;
      return { range: [st.getStart(sf), st.getEnd()], text: `throw new Error(${st.expression!.getText(sf)});` };
    });
    return { messageId: 'dataOrErrorString', involved: [...nonStringData, ...errorStrings], ...(whole ? { suggest: throwing(t, fn, { messageId: 'throwMessage', edits }) } : {}) };
  }
  // false next to `true` or a computed boolean is a value of a boolean domain (`'warn' | boolean`), not a sentinel
  if (data.length > 0 && falses.length > 0 && of('true', 'boolean').length === 0 && !inline && !PREDICATE_NAME.test(name) && !declared.boolean) {
    const whole = falses.every((v) => t.isReturnStatement(v.statement) && skipOuter(t, v.statement.expression!) === v.node);
    const edits: TextEdit[] = falses.map((v) => ({ range: [v.node.getStart(sf), v.node.getEnd()], text: 'null' }));
    return { messageId: 'dataOrFalse', involved: [...data, ...falses], ...(whole && !fn.type ? { suggest: { messageId: 'returnNull', edits } } : {}) };
  }
  // true-or-nothing (or false-or-nothing) has two states a truthiness check reads correctly; the seed's bug needs three
  const literals = of('true', 'false').length;
  // `return;` / `return false` / `return configPath`: a third, opaque value beside a flag and nothing (not a recursive retry)
  const opaque = of('unknown').filter((v) => !isSelfCall(t, v.node, name));
  const bothPolarities = literals > 0 && (of('boolean').length > 0 || (of('true').length > 0 && of('false').length > 0) || opaque.length > 0);
  // a declared `string | number | boolean | null` makes the booleans values, not a status
  if (bothPolarities && nothing.length > 0 && data.length === 0 && !declared.other && !inline && !TRY_NAME.test(name)) {
    const kinds = [...new Set(nothing.map((v) => (v.kind === 'void' ? 'undefined' : v.kind)))];
    // name what the function really returns: `true, false or null`, `false, another value or undefined`
    const states = [
      ...(of('true').length ? ['true'] : []),
      ...(of('false').length ? ['false'] : []),
      ...(of('boolean').length ? ['a boolean'] : []),
      ...(opaque.length ? ['another value'] : []),
      ...kinds,
    ];
    const values = `${states.slice(0, -1).join(', ')} or ${states[states.length - 1]}`;
    return { messageId: 'booleanOrNothing', involved: [...booleans, ...nothing, ...opaque], values };
  }
  return undefined;
}
