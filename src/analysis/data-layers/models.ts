/**
 * Writes through a model or a loaded record by vocabulary alone (`Order.create(…)`, `order.save()`): the shape
 * Mongoose, Sequelize and every layer the config defines share. A model of an unknown layer is matched against
 * every layer whose models are known by name, and takes the one whose vocabulary has the method.
 */
import { argsOf, has, isArrayArg, type Handle, type LayerContext, type Match, type Seg } from './api.js';

/** `Model.write(…)`; `bulk` adds a layer's own bulk shapes (Sequelize's `Model.update` writes every matching row). */
export function modelWrite(cx: LayerContext, h: Handle, segs: Seg[], start: number, candidates: readonly string[], bulk?: (layer: string, method: string) => boolean): Match | undefined {
  const s0 = segs[start];
  if (!s0) return undefined;
  const first = s0.name;
  if (!s0.call) return first === 'collection' ? cx.matchSegments(h, segs, start + 1) : undefined;
  const ids = h.layer === 'unknown' ? candidates : [h.layer];
  const w = cx.writeMethod(ids, first);
  if (!w || first === undefined) return undefined;
  let layer = h.layer;
  if (layer === 'unknown') {
    const owners = candidates.filter((id) => {
      const l = cx.vocabulary(id);
      return has(l?.writeMethods, first) || has(l?.bulkWriteMethods, first);
    });
    layer = owners.length === 1 ? owners[0]! : 'unknown';
  }
  const isBulk = w.bulk || (first === 'create' && isArrayArg(cx.t, argsOf(s0)[0])) || (bulk?.(layer, first) ?? false);
  return { writeIndex: start, method: first, layer, bulk: isBulk, raw: false, receiverEnd: start - 1 };
}

/** `record.save()`: a write method of a loaded record. */
export function recordWrite(cx: LayerContext, h: Handle, segs: Seg[], start: number, candidates: readonly string[]): Match | undefined {
  const s0 = segs[start];
  if (!s0?.call || !s0.name) return undefined;
  const ids = h.layer === 'unknown' ? candidates : [h.layer];
  if (!ids.some((id) => has(cx.vocabulary(id)?.recordWriteMethods, s0.name))) return undefined;
  return { writeIndex: start, method: s0.name, layer: h.layer, bulk: false, raw: false, receiverEnd: start - 1 };
}
