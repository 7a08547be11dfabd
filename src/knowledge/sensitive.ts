import type { JsonSchema } from '../types.js';
import { stringList } from './string-list.js';

/** Names of values that must not reach logs, error messages or error responses, and how they get masked. */
export interface SensitiveKnowledge {
  /**
   * Sensitive names, matched against identifiers, properties, destructured keys and object keys by words
   * (`userPassword`, `STRIPE_SECRET_KEY` and `access_token` all match).
   */
  names: string[];
  /** Names of card data; a finding on them is critical. */
  cardNames: string[];
  /** Names that look sensitive but are not: `nextPageToken`, `cancellationToken`. */
  ignoreNames: string[];
  /** Calls whose result is safe to log: `mask(x)`, `redact(x)`, `hash(x)`. */
  maskFunctions: string[];
  /** Log paths the project's logger redacts (pino `redact` configured in another module). */
  redactPaths: string[];
}

export const defaultSensitive: SensitiveKnowledge = {
  names: [
    'password', 'passwd', 'pwd', 'passphrase', 'secret', 'token', 'accessToken', 'refreshToken', 'idToken', 'apiKey',
    'api_key', 'privateKey', 'secretKey', 'clientSecret', 'authorization', 'cookie', 'cookies', 'credential', 'credentials', 'creds', 'cardNumber',
    'card_number', 'pan', 'cvv', 'cvc', 'cvv2', 'ssn', 'iban',
  ],
  cardNames: ['cardNumber', 'card_number', 'pan', 'cvv', 'cvc', 'cvv2'],
  ignoreNames: [
    'nextPageToken', 'pageToken', 'nextToken', 'continuationToken', 'cancellationToken', 'cancelToken', 'syncToken',
    'csrfToken', 'xsrfToken', 'tokenType', 'tokenUrl', 'tokenEndpoint', 'secretName', 'secretId', 'secretArn',
    'cookieName', 'cookieOptions',
  ],
  maskFunctions: ['mask', 'redact', 'hash', 'sha256', 'sha1', 'md5', 'hmac', 'obfuscate', 'truncate', 'last4', 'maskCard', 'maskPan', 'maskEmail', 'fingerprint', 'createHash', 'bcrypt.hash', 'argon2.hash', 'scrypt'],
  redactPaths: [],
};


export const sensitiveSchema: JsonSchema = {
  type: 'object',
  description: 'Names of sensitive values and how they are masked, added to the built-in ones.',
  additionalProperties: false,
  properties: {
    names: stringList('Sensitive names, matched by words against identifiers, properties and object keys.'),
    cardNames: stringList('Names of card data; findings on them are critical.'),
    ignoreNames: stringList('Names that look sensitive but are not, e.g. `nextPageToken`.'),
    maskFunctions: stringList('Calls whose result is safe to log, e.g. `mask`.'),
    redactPaths: stringList("Log paths the project's logger redacts, e.g. `req.headers.authorization` or `*.password`."),
  },
};

// --- words around a sensitive term, compared with whole words of a name (nameWords) ----------------------------

/** Words after the sensitive term that still name the raw value (`passwordConfirmation`, `apiKeyValue`). */
export const VALUE_SUFFIX: ReadonlySet<string> = new Set(['value', 'raw', 'plain', 'plaintext', 'str', 'string', 'text', 'header', 'b64', 'base64', 'encoded', 'hex', 'confirm', 'confirmation', 'input', 'key', 'data', 'secret', 'token', 'bytes', 'buf', 'buffer', 'env', 'param', 'cleartext', 'number', 'num', 'code']);
/** Words before the term that say the value is a flag, a derived form or a different thing. */
export const DENY_WORDS: ReadonlySet<string> = new Set([
  'is', 'has', 'should', 'can', 'show', 'hide', 'toggle', 'require', 'requires', 'required', 'needs', 'validate', 'valid',
  'invalid', 'check', 'verify', 'compare', 'hash', 'hashed', 'mask', 'masked', 'redact', 'redacted', 'encrypt', 'encrypted',
  'enc', 'obfuscated', 'max', 'min', 'csrf', 'xsrf', 'next', 'page', 'continuation', 'cancellation', 'cancel', 'sync',
  'forgot', 'with', 'without', 'no', 'use', 'set', 'get', 'on', 'handle', 'last4', 'last', 'first', 'prefix', 'suffix',
  'salt', 'salted', 'digest', 'sha', 'sha256', 'bcrypt', 'fake', 'dummy', 'mock', 'sample', 'example', 'test', 'placeholder',
  // error codes and messages about the value, not the value: WRONG_CREDENTIAL, INVALID_TOKEN, missingPassword
  'wrong', 'bad', 'missing', 'expired', 'unknown', 'empty', 'error', 'err', 'incorrect', 'mismatch', 'reset',
  // a lifetime, not the value: expireInToken, expiresToken, tokenTtl is excluded by its suffix already
  'expire', 'expires', 'expiry', 'expiration', 'ttl', 'lifetime',
]);
/**
 * Words before `token` that make it a unit of text or of model usage, not a credential: `totalTokens`,
 * `inputTokens` (LLM usage counts), `pathTokens`, a cron or RRULE parser's `cronTokens`, a webhook's
 * `validationToken` (which the subscriber echoes back by design).
 */
export const TEXT_TOKEN_WORDS: ReadonlySet<string> = new Set([
  'total', 'input', 'output', 'prompt', 'completion', 'cached', 'reasoning', 'used', 'remaining', 'estimated', 'num',
  'path', 'parse', 'parsed', 'parser', 'lexer', 'lex', 'syntax', 'cron', 'rrule', 'search', 'word', 'validation',
]);
