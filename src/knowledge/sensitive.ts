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
