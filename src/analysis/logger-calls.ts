/**
 * Writing logger calls for suggestions: which flavour an existing logger call is, how to add the error to it
 * in that flavour's idiom, how to turn a console call into a logger call, and the small edits around them
 * (a catch binding, an import). Returns text and edits; never decides what is a finding.
 */
import type * as ts from 'typescript';
import type { Knowledge } from '../knowledge/index.js';
import type { LoggerFlavour } from '../knowledge/loggers.js';
import type { TS } from '../ts.js';
import type { TextEdit } from '../types.js';
import { insertImport } from '../edits/index.js';
import { dottedName, skipOuter } from './ast.js';
import { classMember, enclosingClass, resolveName, type ImportMap } from './scope.js';
import { errorUse, findLoggerInScope, type ErrorUse, type LoggerInScope } from './loggers.js';

const PINO_RECEIVER = /^(?:request|req|reply|fastify|app|server|instance|ctx)\.log$/;

/** How the logger `name` (or `this.name`) at `at` was made: its initializer or declared type. */
function declarationOf(t: TS, at: ts.Node, name: string, member: boolean): ts.Expression | ts.TypeNode | undefined {
  if (member) {
    const cls = enclosingClass(t, at);
    const m = cls && classMember(t, cls, name);
    return m?.init ?? m?.type;
  }
  const d = resolveName(t, name, at);
  return d && (d.kind === 'var' || d.kind === 'param') ? (d.init ?? d.type) : undefined;
}

function flavourOfModule(module: string): LoggerFlavour | undefined {
  if (module === 'pino' || module === 'nestjs-pino' || module === 'pino-http' || module === 'fastify') return 'pino';
  if (module === 'winston' || module === 'nest-winston') return 'winston';
  if (module === 'bunyan') return 'bunyan';
  if (module === '@nestjs/common') return 'nest';
  return undefined;
}

/** The flavour of a logger expression from how it was made: `pino()`, `new Logger()`, a `PinoLogger` type… */
function flavourOfDeclaration(t: TS, decl: ts.Expression | ts.TypeNode, imports: ImportMap, depth: number): LoggerFlavour | undefined {
  if (depth > 3) return undefined;
  if (t.isTypeNode(decl)) {
    if (!t.isTypeReferenceNode(decl)) return undefined;
    const name = dottedName(t, decl.typeName as ts.Expression) ?? '';
    const root = imports.get(name.split('.')[0]!);
    if (/^(?:PinoLogger|Pino|FastifyBaseLogger|FastifyLoggerInstance)$|^pino\./.test(name)) return 'pino';
    if (root) return flavourOfModule(root.module);
    return undefined;
  }
  const e = skipOuter(t, decl);
  if (t.isNewExpression(e) || t.isCallExpression(e)) {
    const callee = dottedName(t, e.expression) ?? '';
    const root = callee.split('.')[0]!;
    const b = imports.get(root);
    if (b) {
      const f = flavourOfModule(b.module);
      if (f) return f;
    }
    // parent.child({...}) keeps the parent's flavour
    const inner = skipOuter(t, e.expression);
    if (t.isPropertyAccessExpression(inner) && inner.name.text === 'child') return flavourOfExpression(t, inner.expression, imports, depth + 1);
  }
  return undefined;
}

function flavourOfExpression(t: TS, expr: ts.Expression, imports: ImportMap, depth: number): LoggerFlavour | undefined {
  const text = dottedName(t, expr);
  if (!text) return undefined;
  if (PINO_RECEIVER.test(text)) return 'pino';
  const parts = text.split('.');
  const b = parts.length === 1 ? imports.get(parts[0]!) : undefined;
  if (b) return flavourOfModule(b.module);
  const member = parts.length === 2 && parts[0] === 'this';
  if (parts.length !== 1 && !member) return undefined;
  const decl = declarationOf(t, expr, parts[parts.length - 1]!, member);
  return decl ? flavourOfDeclaration(t, decl, imports, depth) : undefined;
}

/**
 * The flavour of the logger a call is made on, when the file shows it: the configured logger's binding, a
 * Fastify/pino-http request logger, a variable or member made by `pino()`, `winston.createLogger()`,
 * `bunyan.createLogger()`, NestJS `new Logger()`, or typed as one. `undefined` when unknown.
 */
export function flavourOfLogCall(t: TS, call: ts.CallExpression, knowledge: Knowledge, imports: ImportMap): LoggerFlavour | undefined {
  const callee = skipOuter(t, call.expression);
  if (!t.isPropertyAccessExpression(callee)) return undefined;
  const receiver = dottedName(t, callee.expression);
  const configured = knowledge.loggers.logger;
  if (configured && receiver === configured.binding) return configured.flavour;
  return flavourOfExpression(t, callee.expression, imports, 0);
}

/** `{ err }` or `{ err: e }`. */
function prop(key: string, value: string): string {
  return key === value ? key : `${key}: ${value}`;
}

/**
 * Edits that add the error to an existing logger call in the flavour's idiom, or `undefined` when the call's
 * shape does not allow a sure edit:
 * pino/bunyan `log.error({ err }, msg)`, winston `log.error(msg, { error })`, NestJS
 * `this.logger.error(msg, err.stack)`, console-compatible `log.error(msg, err)`.
 */
export function addErrorToLogCall(t: TS, call: ts.CallExpression, flavour: LoggerFlavour, errText: string, errorIsTyped: boolean): TextEdit[] | undefined {
  const sf = call.getSourceFile();
  const args = call.arguments;
  const first = args[0] ? skipOuter(t, args[0]) : undefined;
  const closeParen = call.getEnd() - 1;
  const appendArg = (text: string): TextEdit => (args.length > 0 ? { range: [args[args.length - 1]!.getEnd(), args[args.length - 1]!.getEnd()], text: `, ${text}` } : { range: [closeParen, closeParen], text });
  const insertProp = (obj: ts.ObjectLiteralExpression, text: string): TextEdit =>
    obj.properties.length === 0 ? { range: [obj.getStart(sf) + 1, obj.getEnd() - 1], text: ` ${text} ` } : { range: [obj.properties[0]!.getStart(sf), obj.properties[0]!.getStart(sf)], text: `${text}, ` };
  switch (flavour) {
    case 'pino':
    case 'bunyan': {
      if (!first) return [{ range: [closeParen, closeParen], text: errText }];
      if (t.isObjectLiteralExpression(first)) {
        if (first.properties.some((p) => p.name && t.isIdentifier(p.name) && p.name.text === 'err')) return undefined;
        return [insertProp(first, prop('err', errText))];
      }
      return [{ range: [args[0]!.getStart(sf), args[0]!.getStart(sf)], text: `{ ${prop('err', errText)} }, ` }];
    }
    case 'winston': {
      if (args.length === 0) return undefined;
      const second = args[1] ? skipOuter(t, args[1]) : undefined;
      if (args.length === 1) return [appendArg(`{ ${prop('error', errText)} }`)];
      if (args.length === 2 && second && t.isObjectLiteralExpression(second)) {
        if (second.properties.some((p) => p.name && t.isIdentifier(p.name) && p.name.text === 'error')) return undefined;
        return [insertProp(second, prop('error', errText))];
      }
      return undefined;
    }
    case 'nest': {
      const stack = errorIsTyped ? `${errText}.stack` : `${errText} instanceof Error ? ${errText}.stack : String(${errText})`;
      // error(message, stack?, context?): only a one-argument call has the stack slot free; warn, log, debug and
      // verbose take (message, context?), where a stack would be printed as the context
      const method = t.isPropertyAccessExpression(call.expression) ? call.expression.name.text : undefined;
      if (args.length === 1 && method === 'error') return [appendArg(stack)];
      return undefined;
    }
    default:
      if (args.length === 0) return [{ range: [closeParen, closeParen], text: errText }];
      return [appendArg(errText)];
  }
}

/** Message parts and the error argument of a console call. */
interface ConsoleArgs {
  message: ts.Expression[];
  error?: ts.Expression;
  extras: ts.Expression[];
}

function splitConsoleArgs(t: TS, call: ts.CallExpression, isRef: (e: ts.Expression) => ErrorUse): ConsoleArgs | undefined {
  const out: ConsoleArgs = { message: [], extras: [] };
  for (const a of call.arguments) {
    const x = skipOuter(t, a);
    if (t.isSpreadElement(x)) return undefined;
    const use = errorUse(t, x, isRef);
    if (use === 'value' && !out.error && (t.isIdentifier(x) || t.isPropertyAccessExpression(x))) out.error = x;
    else if (t.isStringLiteralLike(x) || t.isTemplateExpression(x) || use === 'message') out.message.push(x);
    else if (t.isIdentifier(x) || t.isPropertyAccessExpression(x)) out.extras.push(x);
    else return undefined;
  }
  return out;
}

function escapeTemplate(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
}

/** One message expression from console-style parts, joined by spaces like console does. */
function joinMessage(t: TS, parts: ts.Expression[], sf: ts.SourceFile): string | undefined {
  if (parts.length === 0) return undefined;
  if (parts.length === 1) {
    const only = parts[0]!;
    return t.isStringLiteralLike(only) || t.isTemplateExpression(only) ? only.getText(sf) : `String(${only.getText(sf)})`;
  }
  const pieces = parts.map((p) => {
    if (t.isStringLiteral(p) || t.isNoSubstitutionTemplateLiteral(p)) return escapeTemplate(p.text);
    if (t.isTemplateExpression(p)) return p.getText(sf).slice(1, -1);
    return `\${${p.getText(sf)}}`;
  });
  return '`' + pieces.join(' ') + '`';
}

function extraKey(t: TS, e: ts.Expression): string {
  return t.isPropertyAccessExpression(e) ? e.name.text : (e as ts.Identifier).text;
}

const LEVELS: Record<string, Record<LoggerFlavour, string>> = {
  error: { pino: 'error', bunyan: 'error', winston: 'error', nest: 'error', 'console-compatible': 'error' },
  warn: { pino: 'warn', bunyan: 'warn', winston: 'warn', nest: 'warn', 'console-compatible': 'warn' },
  info: { pino: 'info', bunyan: 'info', winston: 'info', nest: 'log', 'console-compatible': 'info' },
  log: { pino: 'info', bunyan: 'info', winston: 'info', nest: 'log', 'console-compatible': 'info' },
  debug: { pino: 'debug', bunyan: 'debug', winston: 'debug', nest: 'debug', 'console-compatible': 'debug' },
  trace: { pino: 'trace', bunyan: 'trace', winston: 'debug', nest: 'verbose', 'console-compatible': 'debug' },
};

/**
 * The logger call that replaces a console call, in the logger's idiom; `errText` adds the site's error when the
 * console call did not pass it. `undefined` when the arguments do not map onto the idiom with certainty.
 */
export function consoleCallAsLogger(
  t: TS,
  call: ts.CallExpression,
  method: string,
  logger: LoggerInScope,
  isRef: (e: ts.Expression) => ErrorUse,
  addError: string | undefined,
): string | undefined {
  const sf = call.getSourceFile();
  const level = LEVELS[method]?.[logger.flavour];
  if (!level) return undefined;
  const parts = splitConsoleArgs(t, call, isRef);
  if (!parts) return undefined;
  const err = parts.error?.getText(sf) ?? addError;
  if (logger.shape === 'function') {
    // logError(err) / logError(msg, err): only for an error report that maps onto the function's arguments
    if (level !== 'error' || !err || parts.extras.length > 0) return undefined;
    const text = joinMessage(t, parts.message, sf);
    if (logger.errorArgument === 'only') return text ? undefined : `${logger.text}(${err})`;
    if (!text) return undefined;
    return logger.errorArgument === 'after-message' ? `${logger.text}(${text}, ${err})` : `${logger.text}(${err}, ${text})`;
  }
  const target = `${logger.text}.${level}`;
  if (logger.flavour === 'console-compatible') {
    const args = call.arguments.map((a) => a.getText(sf));
    if (!parts.error && addError) args.push(addError);
    return `${target}(${args.join(', ')})`;
  }
  const message = joinMessage(t, parts.message, sf);
  const extras = parts.extras.map((e) => prop(extraKey(t, e), e.getText(sf)));
  if (new Set(parts.extras.map((e) => extraKey(t, e))).size !== extras.length) return undefined;
  switch (logger.flavour) {
    case 'pino':
    case 'bunyan': {
      const fields = [...(err ? [prop('err', err)] : []), ...extras];
      if (fields.length === 0) return message ? `${target}(${message})` : undefined;
      if (!message) return err && extras.length === 0 ? `${target}(${err})` : `${target}({ ${fields.join(', ')} })`;
      return `${target}({ ${fields.join(', ')} }, ${message})`;
    }
    case 'winston': {
      const fields = [...(err ? [prop('error', err)] : []), ...extras];
      if (!message) return err && extras.length === 0 ? `${target}(${err})` : undefined;
      return fields.length ? `${target}(${message}, { ${fields.join(', ')} })` : `${target}(${message})`;
    }
    case 'nest': {
      if (!message || extras.length > 0) return undefined;
      if (!err || level !== 'error') return `${target}(${message})`;
      return `${target}(${message}, ${err} instanceof Error ? ${err}.stack : String(${err}))`;
    }
  }
  return undefined;
}

/** The logger suggestions may call at `node`, from `loggers.ts`, with the import edit it needs. */
export function loggerForSuggestion(t: TS, node: ts.Node, knowledge: Knowledge, imports: ImportMap, filePath: string): { logger: LoggerInScope; edits: TextEdit[] } | undefined {
  const logger = findLoggerInScope(t, node, knowledge, imports, filePath);
  if (!logger) return undefined;
  return { logger, edits: logger.import ? [insertImport(t, node.getSourceFile(), logger.import)] : [] };
}
