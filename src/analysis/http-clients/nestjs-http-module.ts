/**
 * NestJS's HttpModule (`@nestjs/axios`): every HttpService call of a module inherits the axios instance the module
 * registers. `@Module({ imports: [HttpModule] })` registers one without a timeout, and so does
 * `HttpModule.register({ baseURL })`; `registerAsync`'s factory is read when it returns an object literal.
 */
import type * as ts from 'typescript';
import { nestHttpModule } from '../../knowledge/http-clients.js';
import type { TS } from '../../ts.js';
import type { TextEdit } from '../../types.js';
import { dottedName, skipOuter } from '../ast.js';
import { propertyNameText, type ImportMap } from '../scope.js';

/** The local name HttpModule is imported as, if the file imports it. */
export function httpModuleName(imports: ImportMap): string | undefined {
  return [...imports.entries()].find(([, b]) => b.module === nestHttpModule.module && b.imported === nestHttpModule.exportName)?.[0];
}

/** A registration of HttpModule without a timeout, and the edit that adds one. */
export interface RegistrationWithoutTimeout {
  node: ts.Node;
  edits: TextEdit[];
}

/** The registrations without a timeout in the `imports` of a `@Module({ … })` call; none for any other call. */
export function registrationsWithoutTimeout(t: TS, sf: ts.SourceFile, call: ts.CallExpression, local: string, ms: number): RegistrationWithoutTimeout[] {
  if (dottedName(t, call.expression) !== nestHttpModule.decorator) return [];
  const config = call.arguments[0] ? skipOuter(t, call.arguments[0]) : undefined;
  const list = config && t.isObjectLiteralExpression(config) ? config.properties.find((p) => t.isPropertyAssignment(p) && propertyNameText(t, p.name) === 'imports') : undefined;
  if (!list || !t.isPropertyAssignment(list) || !t.isArrayLiteralExpression(skipOuter(t, list.initializer))) return [];
  const out: RegistrationWithoutTimeout[] = [];
  const register = `${local}.${nestHttpModule.register}`;
  const registerAsync = `${local}.${nestHttpModule.registerAsync}`;
  for (const el of (skipOuter(t, list.initializer) as ts.ArrayLiteralExpression).elements) {
    const x = skipOuter(t, el);
    if (t.isIdentifier(x) && x.text === local) {
      out.push({ node: x, edits: [{ range: [x.getStart(sf), x.end], text: `${register}({ timeout: ${ms} })` }] });
      continue;
    }
    const callee = t.isCallExpression(x) ? dottedName(t, x.expression) : undefined;
    if (!t.isCallExpression(x) || (callee !== register && callee !== registerAsync)) continue;
    let options = x.arguments[0] ? skipOuter(t, x.arguments[0]) : undefined;
    if (options && t.isObjectLiteralExpression(options) && callee === registerAsync) {
      const factory = options.properties.find((p) => t.isPropertyAssignment(p) && propertyNameText(t, p.name) === 'useFactory');
      const fn = factory && t.isPropertyAssignment(factory) ? skipOuter(t, factory.initializer) : undefined;
      options = fn && t.isArrowFunction(fn) && !t.isBlock(fn.body) ? skipOuter(t, fn.body) : undefined;
    }
    const timeoutKeys: readonly string[] = nestHttpModule.timeoutKeys;
    if (!options || !t.isObjectLiteralExpression(options) || options.properties.some((p) => t.isSpreadAssignment(p) || (p.name !== undefined && timeoutKeys.includes(propertyNameText(t, p.name) ?? '')))) continue;
    const last = options.properties[options.properties.length - 1];
    const edits: TextEdit[] = last ? [{ range: [last.end, last.end], text: `, timeout: ${ms}` }] : [{ range: [options.getStart(sf) + 1, options.end - 1], text: ` timeout: ${ms} ` }];
    out.push({ node: x, edits });
  }
  return out;
}
