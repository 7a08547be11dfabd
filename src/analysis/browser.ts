import type * as ts from 'typescript';
import { isFunctionLike, skipOuter } from './ast.js';
import type { TS } from '../ts.js';

/**
 * Playwright / Puppeteer methods that serialise a function and run it in the page, not in Node:
 * `page.evaluate(fn)`, `locator.evaluate(fn)`, `page.$eval(sel, fn)`, `page.$$eval(sel, fn)`, `evaluateHandle`,
 * `evaluateAll`, `page.addInitScript(fn)`, `page.waitForFunction(fn)`, Puppeteer's `evaluateOnNewDocument(fn)`.
 */
const PAGE_FUNCTION_METHODS = new Set(['evaluate', 'evaluateHandle', 'evaluateAll', '$eval', '$$eval', 'addInitScript', 'waitForFunction', 'evaluateOnNewDocument']);

/**
 * Whether `node` is inside a function that a browser-automation call runs in the page: there it has no access to
 * the server's scope (its logger, `next`, the request), and what it throws becomes the call's rejection.
 */
export function runsInPage(t: TS, node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node; n; n = n.parent) {
    if (!isFunctionLike(t, n)) continue;
    const call = n.parent;
    if (!call || !t.isCallExpression(call) || !call.arguments.some((a) => skipOuter(t, a) === n)) continue;
    const callee = skipOuter(t, call.expression);
    if (t.isPropertyAccessExpression(callee) && PAGE_FUNCTION_METHODS.has(callee.name.text)) return true;
  }
  return false;
}
