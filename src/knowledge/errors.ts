/**
 * The names errors and their handlers go by: a caught error's binding, an error event, an error hook, an error
 * class. Each pattern is tested against one whole name read from the AST (a parameter, a property key, a class
 * name), never against source text.
 */

/** A parameter that receives an error: `err`, `error`, `e`, `_err`. */
export const ERROR_PARAM = /^_?(?:err|error|e|ex|exc|exception|reason|cause)$/i;
/** A parameter that receives the request: `req`, `request`. */
export const REQUEST_PARAM = /^_?(?:req|request)$/;
/** Events that deliver an error: `'error'`, `'uncaughtException'`, `'unhandledRejection'`. */
export const ERROR_EVENTS: ReadonlySet<string> = new Set(['error', 'uncaughtException', 'unhandledRejection', 'uncaughtExceptionMonitor']);
/** Methods that register an error handler on an app: `setErrorHandler`, `onError`. */
export const ERROR_HOOK_METHODS: ReadonlySet<string> = new Set(['setErrorHandler', 'onError', 'useErrorHandler', 'setDefaultErrorHandler']);
/** Options that hold an error handler: `onError`, `errorHandler`. */
export const ERROR_HOOK_PROPERTIES = /^(?:onError|errorHandler|handleError|onUncaughtException|onUnhandledRejection)$/;
/** A destructured property that holds the error: `{ error }`, `{ err }`. */
export const DESTRUCTURED_ERROR = /^(?:err|error|exception|cause|reason)$/;
// Error-code keys (`session.invalid_token`, `user.not_found`, `auth.verification_failed`): dotted or snake_case, no spaces.
export const CLIENT_ERROR_CODE = /^[\w.:-]*(?:invalid|not[_.-]?found|unauthori[sz]ed|unauthenticated|forbidden|verification[_.-]failed|expired|malformed|bad[_.-]request|format|conflict|already[_.-]exists|duplicate)[\w.:-]*$/i;
/** A class name that says it is an error: `PaymentError`, `TimeoutException`, `ValidationFailure`. */
export const ERROR_LIKE_NAME = /(?:Error|Exception|Fault|Failure)$/;
/** A constructor parameter that receives the cause: `cause`, `err`, `originalError`, `inner`. */
export const CAUSE_PARAM = /^(?:cause|err|error|e|ex|original|originalError|innerError|inner|innerException|source|sourceError|underlying|underlyingError|reason|parent|wrapped)$/;
/** A variable's or parameter's name that holds a caught error: `e`, `e2`, `err`, `error`, `cause`, `dbError`. */
export const ERROR_VARIABLE_NAME = /^(?:e|e\d|er|err|error|ex|exc|exception|reason|cause|caught|failure|[a-z]\w*(?:Error|Err|Exception))$/;
/** Parameter names of what an error is about, not of its message: `id`, `userId`, `code`, `resource`, `field`. */
export const NOT_A_MESSAGE = /^(?:id|\w+Id|ids|code|errorCode|key|slug|name|\w+Name|resource|entity|model|field|path|url|type|kind|status|statusCode|email|username)$/;
/** The name of a project's base error class: `AppError`, `DomainException`, `ApiError`. */
export const BASE_LIKE = /^(?:App|Application|Base|Domain|Service|Api|API|Core|Custom|Business|Operational|Common|Platform|Server)(?:Error|Exception)$/;
