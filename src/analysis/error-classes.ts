/**
 * What a file says about error classes: which built-ins exist, which classes it declares that extend Error,
 * how their constructors take the original error, and which class looks like the project's error base.
 * The engine is per-file, so a class declared elsewhere is only seen through its import.
 */
import type * as ts from 'typescript';
import type { TS } from '../ts.js';
import { importsOf } from './scope.js';
import { containsNode, skipOuter } from './ast.js';
import { BASE_LIKE, CAUSE_PARAM, CLIENT_ERROR_CODE, ERROR_LIKE_NAME, ERROR_VARIABLE_NAME, NOT_A_MESSAGE } from '../knowledge/errors.js';

/** Global error constructors; their options object (with `cause`) is at `optionsIndex`. */
export const BUILT_IN_ERRORS: ReadonlyMap<string, { optionsIndex: number }> = new Map([
  ['Error', { optionsIndex: 1 }],
  ['EvalError', { optionsIndex: 1 }],
  ['RangeError', { optionsIndex: 1 }],
  ['ReferenceError', { optionsIndex: 1 }],
  ['SyntaxError', { optionsIndex: 1 }],
  ['TypeError', { optionsIndex: 1 }],
  ['URIError', { optionsIndex: 1 }],
  ['AggregateError', { optionsIndex: 2 }],
]);

/** How a constructor accepts the original error. */
export interface ErrorConstructorShape {
  /** Index of a parameter the constructor forwards to `super` as the options object (`{ cause }` goes there). */
  optionsIndex?: number;
  /** Index of a parameter that is the original error itself (`constructor(msg, cause)`). */
  causeIndex?: number;
  /** Number of declared parameters, when the constructor is known. */
  arity?: number;
}

export interface ErrorClassInfo {
  name: string;
  node: ts.ClassDeclaration;
  /** The `extends` expression's name (`Error`, `AppError`, `HttpException`). */
  extendsName: string;
  /** Extends a built-in error directly. */
  extendsBuiltIn: boolean;
  isAbstract: boolean;
  /** Resolved through in-file parents; undefined when the chain leaves the file at an unknown class. */
  ctor: ErrorConstructorShape | undefined;
}

// A client error (4xx) thrown from a catch translates an expected outcome (bad input, missing row, expired
// token); the caught error is the reason, not a fault someone will debug.
export const CLIENT_ERROR_CLASS = /^(?:[A-Z][A-Za-z]*)?(?:BadRequest|AuthRequired|AuthenticationRequired|LoginRequired|BadData|BadInput|Unauthori[sz]ed|Unauthenticated|Forbidden|NotFound|Conflict|Gone|PreconditionFailed|PayloadTooLarge|UnsupportedMediaType|Unprocessable(?:Entity)?|TooManyRequests|RateLimit(?:ed)?|NotAcceptable|MethodNotAllowed|NotAllowed|Validation|Invalid[A-Za-z]*|UserInput|Authentication|Permission|AccessDenied|Duplicate[A-Za-z]*|AlreadyExists|Exists|ImATeapot|Misdirected)(?:Error|Exception)$/;
/** HTTP status names of a client error: `HttpStatus.NOT_FOUND`, tRPC's `'UNAUTHORIZED'`. */
export const CLIENT_STATUS_NAMES = /^(?:BAD_REQUEST|UNAUTHORIZED|FORBIDDEN|NOT_FOUND|CONFLICT|GONE|PRECONDITION_FAILED|PAYLOAD_TOO_LARGE|UNSUPPORTED_MEDIA_TYPE|UNPROCESSABLE_ENTITY|UNPROCESSABLE_CONTENT|TOO_MANY_REQUESTS|NOT_ACCEPTABLE|METHOD_NOT_SUPPORTED|METHOD_NOT_ALLOWED|PARSE_ERROR|TIMEOUT|CLIENT_CLOSED_REQUEST)$/;

/** `status: 500` / `statusCode: 503` in an object literal: the error states a server status itself. */
function isServerStatusProperty(t: TS, x: ts.Node): boolean {
  return t.isPropertyAssignment(x) && t.isIdentifier(x.name) && (x.name.text === 'status' || x.name.text === 'statusCode') && t.isNumericLiteral(x.initializer) && /^5\d\d$/.test(x.initializer.text);
}

/** `new HttpException(body, 404)`, `new HttpException(body, HttpStatus.NOT_FOUND)`, `new TRPCError({ code: 'NOT_FOUND' })`. */
export function isClientStatusThrow(t: TS, name: string, args: readonly ts.Expression[]): boolean {
  const isClient = (e: ts.Expression | undefined): boolean => {
    if (!e) return false;
    const x = skipOuter(t, e);
    if (t.isNumericLiteral(x)) return Number(x.text) >= 400 && Number(x.text) < 500;
    if (t.isPropertyAccessExpression(x)) return CLIENT_STATUS_NAMES.test(x.name.text);
    if (t.isStringLiteralLike(x)) return CLIENT_STATUS_NAMES.test(x.text);
    return false;
  };
  if (name === 'HttpException' || name === 'HTTPException' || name === 'HttpError' || name === 'RpcException') return args.some((a, i) => i <= 1 && isClient(a));
  // new RequestError('session.mfa.webauthn_verification_failed') / new AppError({ code: 'user.invalid_token' }): an error-code key that names bad input
  const codeOf = (e: ts.Expression | undefined): string | undefined => {
    const x = e ? skipOuter(t, e) : undefined;
    if (!x) return undefined;
    if (t.isStringLiteralLike(x)) return x.text;
    if (!t.isObjectLiteralExpression(x)) return undefined;
    const code = x.properties.find((p) => t.isPropertyAssignment(p) && t.isIdentifier(p.name) && p.name.text === 'code');
    return code && t.isPropertyAssignment(code) && t.isStringLiteralLike(code.initializer) ? code.initializer.text : undefined;
  };
  const code = codeOf(args[0]);
  if (code && CLIENT_ERROR_CODE.test(code) && !args.some((a) => containsNode(t, a, (x) => isServerStatusProperty(t, x)))) return true;
  const first = args[0] ? skipOuter(t, args[0]) : undefined;
  if (first && t.isObjectLiteralExpression(first)) {
    return first.properties.some((p) => t.isPropertyAssignment(p) && t.isIdentifier(p.name) && /^(?:code|status|statusCode)$/.test(p.name.text) && isClient(p.initializer));
  }
  return false;
}

export function isErrorLikeName(name: string): boolean {
  return ERROR_LIKE_NAME.test(name);
}

export function isErrorVariableName(name: string): boolean {
  return ERROR_VARIABLE_NAME.test(name);
}

/** `err`, `error: unknown`, `cause?: Error`, `e: any`: a parameter named or typed as the error it receives. */
export function isErrorParameter(t: TS, p: ts.ParameterDeclaration): boolean {
  if (!t.isIdentifier(p.name)) return false;
  const type = p.type?.getText().replace(/\s+/g, '') ?? '';
  if (/(?:^|\|)(?:\w+\.)?\w*(?:Error|Exception)(?:$|\|)/.test(type)) return true;
  return isErrorVariableName(p.name.text) && (type === '' || /^(?:unknown|any|Error|unknown\|undefined|Error\|undefined)$/.test(type));
}

function heritageName(t: TS, node: ts.ClassDeclaration): string | undefined {
  const clause = node.heritageClauses?.find((h) => h.token === t.SyntaxKind.ExtendsKeyword);
  const expr = clause?.types[0]?.expression;
  if (!expr) return undefined;
  if (t.isIdentifier(expr)) return expr.text;
  if (t.isPropertyAccessExpression(expr)) return expr.name.text;
  return undefined;
}

function isAbstractClass(t: TS, node: ts.ClassDeclaration): boolean {
  return (t.getModifiers(node) ?? []).some((m) => m.kind === t.SyntaxKind.AbstractKeyword);
}

function typeText(node: ts.TypeNode | undefined, sf: ts.SourceFile): string {
  return node ? node.getText(sf) : '';
}

/** Reads a constructor: which parameter is forwarded to `super` as options, which one is the original error. */
function constructorShape(t: TS, ctor: ts.ConstructorDeclaration, sf: ts.SourceFile): ErrorConstructorShape {
  const names = ctor.parameters.map((p) => (t.isIdentifier(p.name) ? p.name.text : undefined));
  const shape: ErrorConstructorShape = { arity: ctor.parameters.length };
  ctor.parameters.forEach((p, i) => {
    const type = typeText(p.type, sf);
    if (/\bErrorOptions\b|\bcause\??\s*:/.test(type)) shape.optionsIndex ??= i;
    else if (/^(?:Error|unknown|any|Error \| undefined|unknown \| undefined)$/.test(type.replace(/\s+/g, ' ')) && names[i] && CAUSE_PARAM.test(names[i]!)) shape.causeIndex ??= i;
  });
  const indexOf = (e: ts.Expression): number => (t.isIdentifier(e) ? names.indexOf(e.text) : -1);
  const visit = (n: ts.Node): void => {
    // super(message, options) / super(message, { cause })
    if (t.isCallExpression(n) && n.expression.kind === t.SyntaxKind.SuperKeyword) {
      n.arguments.forEach((arg, argIndex) => {
        if (argIndex === 0) return;
        const i = indexOf(arg);
        if (i >= 0) shape.optionsIndex ??= i;
        if (t.isObjectLiteralExpression(arg)) {
          for (const prop of arg.properties) {
            if (t.isShorthandPropertyAssignment(prop) && prop.name.text === 'cause') {
              const j = names.indexOf('cause');
              if (j >= 0) shape.causeIndex ??= j;
            } else if (t.isPropertyAssignment(prop) && t.isIdentifier(prop.name) && prop.name.text === 'cause') {
              const j = indexOf(prop.initializer);
              if (j >= 0) shape.causeIndex ??= j;
            } else if (t.isSpreadAssignment(prop)) {
              const j = indexOf(prop.expression);
              if (j >= 0) shape.optionsIndex ??= j;
            }
          }
        }
      });
    }
    // this.cause = cause / this.originalError = err
    if (t.isBinaryExpression(n) && n.operatorToken.kind === t.SyntaxKind.EqualsToken && t.isPropertyAccessExpression(n.left) && n.left.expression.kind === t.SyntaxKind.ThisKeyword) {
      const i = indexOf(n.right);
      if (i >= 0 && (CAUSE_PARAM.test(n.left.name.text) || CAUSE_PARAM.test(names[i] ?? ''))) shape.causeIndex ??= i;
    }
    if (!(t.isFunctionLike(n) && n !== ctor)) t.forEachChild(n, visit);
  };
  if (ctor.body) visit(ctor.body);
  // constructor(message: string, public readonly cause?: unknown)
  ctor.parameters.forEach((p, i) => {
    if (t.getModifiers(p)?.length && names[i] && CAUSE_PARAM.test(names[i]!)) shape.causeIndex ??= i;
  });
  return shape;
}

/** Classes declared at any depth of the file that extend a built-in error or an error-like class. */
const classesCache = new WeakMap<ts.SourceFile, Map<string, ErrorClassInfo>>();

export function collectErrorClasses(t: TS, sf: ts.SourceFile): Map<string, ErrorClassInfo> {
  let cached = classesCache.get(sf);
  if (!cached) classesCache.set(sf, (cached = computeErrorClasses(t, sf)));
  return cached;
}

function computeErrorClasses(t: TS, sf: ts.SourceFile): Map<string, ErrorClassInfo> {
  const raw = new Map<string, { node: ts.ClassDeclaration; extendsName: string }>();
  const visit = (n: ts.Node): void => {
    if (t.isClassDeclaration(n) && n.name) {
      const ext = heritageName(t, n);
      if (ext) raw.set(n.name.text, { node: n, extendsName: ext });
    }
    t.forEachChild(n, visit);
  };
  visit(sf);
  const out = new Map<string, ErrorClassInfo>();
  const resolve = (name: string, depth: number): ErrorClassInfo | undefined => {
    const done = out.get(name);
    if (done) return done;
    const entry = raw.get(name);
    if (!entry || depth > 10) return undefined;
    const parent = entry.extendsName;
    const parentInfo = parent !== name ? resolve(parent, depth + 1) : undefined;
    const builtIn = BUILT_IN_ERRORS.get(parent);
    if (!builtIn && !parentInfo && !isErrorLikeName(parent)) return undefined;
    const ctorNode = entry.node.members.find((m): m is ts.ConstructorDeclaration => t.isConstructorDeclaration(m) && m.body !== undefined);
    let ctor: ErrorConstructorShape | undefined;
    if (ctorNode) ctor = constructorShape(t, ctorNode, sf);
    else if (builtIn) ctor = { optionsIndex: builtIn.optionsIndex };
    else ctor = parentInfo?.ctor;
    const info: ErrorClassInfo = { name, node: entry.node, extendsName: parent, extendsBuiltIn: builtIn !== undefined, isAbstract: isAbstractClass(t, entry.node), ctor };
    out.set(name, info);
    return info;
  };
  for (const name of raw.keys()) resolve(name, 0);
  return out;
}

/**
 * `new X(message)` means what it says: X declares no constructor (it inherits Error's), or its first parameter is
 * a message — typed `string` or named like one. `constructor(status: number, message: string)` is not.
 */
function takesMessageFirst(t: TS, node: ts.ClassDeclaration, sf: ts.SourceFile): boolean {
  const ctor = node.members.find((m): m is ts.ConstructorDeclaration => t.isConstructorDeclaration(m) && m.body !== undefined);
  const first = ctor?.parameters[0];
  if (!ctor || !first) return !ctor;
  // constructor(resource: string, id: string): `new X(message)` would not compile
  if (ctor.parameters.slice(1).some((p) => !p.questionToken && !p.initializer && !p.dotDotDotToken)) return false;
  const name = t.isIdentifier(first.name) ? first.name.text : '';
  if (/^(?:message|msg|text|description|reason|detail|details)$/i.test(name)) return true;
  // constructor(id: string) { super(`${id} not found`) }: a string that is not the message
  if (NOT_A_MESSAGE.test(name)) return false;
  const type = first.type ? first.type.getText(sf).replace(/\s+/g, '') : '';
  return type !== '' && /^(?:string|string\|undefined|undefined\|string)$/.test(type);
}

/** A module specifier inside the project: relative, or a common source alias (`@/`, `~/`, `src/`). */
export function isProjectModule(specifier: string): boolean {
  return /^(?:\.{1,2}\/|\.$|@\/|~\/|#|src\/|app\/|@app\/|@src\/|@common\/|@shared\/|@core\/|@lib\/)/.test(specifier);
}

export interface BaseErrorClass {
  name: string;
  /** Declared in this file, or imported from a project module. */
  source: 'file' | 'import';
  /**
   * `new X(message)` may replace `new Error(message)`: not abstract, a base of other classes (or named as one), and
   * its constructor takes the message first and nothing else it requires.
   */
  instantiable: boolean;
}

/**
 * The project's own error base class as far as this file shows it: a class declared here that extends a
 * built-in error directly (base-like names first), else a base-like name (`AppError`, `DomainException`)
 * imported from a project module.
 */
export function findBaseErrorClass(t: TS, sf: ts.SourceFile, classes = collectErrorClasses(t, sf), imports = importsOf(t, sf)): BaseErrorClass | undefined {
  const direct = [...classes.values()].filter((c) => c.extendsBuiltIn && c.extendsName === 'Error');
  const parent = (c: ErrorClassInfo): boolean => BASE_LIKE.test(c.name) || (classes.size > 1 && [...classes.values()].some((o) => o.extendsName === c.name));
  const pick = direct.find((c) => BASE_LIKE.test(c.name)) ?? direct.find(parent) ?? direct[0];
  // `new X(message)` must type-check: a class whose constructor starts with something else is named, never written in;
  // nor is a class of one kind of failure that is nobody's parent (`NotFoundError`): a plain error is not that kind
  if (pick) return { name: pick.name, source: 'file', instantiable: !pick.isAbstract && parent(pick) && takesMessageFirst(t, pick.node, sf) };
  for (const [name, b] of imports) {
    if (isProjectModule(b.module) && BASE_LIKE.test(name)) return { name, source: 'import', instantiable: true };
  }
  return undefined;
}
