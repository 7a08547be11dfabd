/** Express (and Connect-style frameworks): the shape of an error middleware, `(err, req, res, next) => …`. */

const REQ_NAMES = /^_*(req|request|ctx|context|event|_)$/;
const RES_NAMES = /^_*(res|response|reply|rep|h)$/;

/** Whether parameters with these names make an error middleware: four of them, the request or response in place. */
export function isErrorMiddlewareShape(names: readonly string[]): boolean {
  return names.length === 4 && (REQ_NAMES.test(names[1]!) || RES_NAMES.test(names[2]!));
}
