/** Catch bindings: naming the error of a `catch {}` or a parameterless rejection handler so an edit can use it. */
import type { ErrorReceiver } from '../analysis/catch.js';
import type { TS } from '../ts.js';
import type { TextEdit } from '../types.js';
import { freshErrorName } from './names.js';

/**
 * The error's name at `site`, with the edit that declares it when the site has none (`catch {` → `catch (error) {`,
 * `() =>` → `(error) =>`). `undefined` when the error is destructured or the site cannot take a binding.
 */
export function errorBinding(t: TS, site: ErrorReceiver): { name: string; edits: TextEdit[] } | undefined {
  if (site.binding) return { name: site.binding, edits: [] };
  if (site.bindingNode) return undefined;
  const name = freshErrorName(t, site.body ?? site.fn);
  const sf = site.node.getSourceFile();
  if (t.isCatchClause(site.node) && !site.node.variableDeclaration) {
    const at = site.node.getStart(sf) + 'catch'.length;
    return { name, edits: [{ range: [at, at], text: ` (${name})` }] };
  }
  const fn = site.fn;
  if (fn && fn.parameters.length === 0) {
    const at = fn.parameters.pos;
    // `async () =>` and `function () {` have the parenthesis; `async x =>` cannot have zero parameters
    if (sf.text[at - 1] !== '(') return undefined;
    return { name, edits: [{ range: [at, at], text: name }] };
  }
  return undefined;
}
