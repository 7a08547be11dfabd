/**
 * Sensitive names: which identifiers, properties and keys hold secrets or card data, judged by words so that
 * `userPassword`, `STRIPE_SECRET_KEY` and `access_token` match while `passwordHash`, `tokenType` and
 * `isSecret` do not.
 */
import type { Knowledge } from '../knowledge/index.js';
import { nameWords } from '../knowledge/words.js';

export interface SensitiveMatch {
  /** The configured name that matched (`password`, `cardNumber`). */
  term: string;
  card: boolean;
}

/** Words after the sensitive term that still name the raw value (`passwordConfirmation`, `apiKeyValue`). */
const VALUE_SUFFIX = new Set(['value', 'raw', 'plain', 'plaintext', 'str', 'string', 'text', 'header', 'b64', 'base64', 'encoded', 'hex', 'confirm', 'confirmation', 'input', 'key', 'data', 'secret', 'token', 'bytes', 'buf', 'buffer', 'env', 'param', 'cleartext', 'number', 'num', 'code']);
/** Words before the term that say the value is a flag, a derived form or a different thing. */
const DENY_WORDS = new Set([
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
const TEXT_TOKEN_WORDS = new Set([
  'total', 'input', 'output', 'prompt', 'completion', 'cached', 'reasoning', 'used', 'remaining', 'estimated', 'num',
  'path', 'parse', 'parsed', 'parser', 'lexer', 'lex', 'syntax', 'cron', 'rrule', 'search', 'word', 'validation',
]);
const termCache = new WeakMap<string[], { term: string; words: string[]; joined: string }[]>();

function terms(names: string[]): { term: string; words: string[]; joined: string }[] {
  let t = termCache.get(names);
  if (!t) {
    t = names.map((term) => ({ term, words: nameWords(term), joined: nameWords(term).join('') }));
    termCache.set(names, t);
  }
  return t;
}

function singular(w: string): string {
  return w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
}

/** Whether `name` names a sensitive value, by the words it is made of. */
export function sensitiveName(name: string, knowledge: Knowledge): SensitiveMatch | undefined {
  const s = knowledge.sensitive;
  const lower = name.toLowerCase();
  if (s.ignoreNames.some((n) => n.toLowerCase() === lower)) return undefined;
  const words = nameWords(name);
  if (words.length === 0) return undefined;
  for (const { term, words: tw, joined } of terms(s.names)) {
    for (let i = 0; i < words.length; i++) {
      let len = 0;
      if (singular(words[i]!) === joined || words[i] === joined) len = 1;
      else if (tw.length > 1 && tw.every((w, k) => (k === tw.length - 1 ? singular(words[i + k] ?? '') === w || words[i + k] === w : words[i + k] === w))) len = tw.length;
      if (len === 0) continue;
      const prefix = words.slice(0, i);
      const suffix = words.slice(i + len);
      if (prefix.some((w) => DENY_WORDS.has(w))) continue;
      if (joined === 'token' && prefix.some((w) => TEXT_TOKEN_WORDS.has(w))) continue;
      // any other word after the term makes it something else: tokenType, passwordHash, secretName
      if (suffix.some((w) => !VALUE_SUFFIX.has(w))) continue;
      const card = s.cardNames.includes(term);
      return { term, card };
    }
  }
  return undefined;
}

const textFilters = new WeakMap<string[], { long?: RegExp; short?: RegExp }>();

/**
 * A cheap test on a file's text: false when no configured name can match any identifier, key or string in it,
 * so a rule can skip the file. Long names are looked for in the lowercased text with an optional `_`/`-` between
 * their words (`api_key`, `apiKey`, `X-API-KEY`); names of three letters or fewer (`pan`, `cvv`) only as a word or
 * a camelCase part, never inside `company` or `expand`.
 */
export function mayMentionSensitive(text: string, knowledge: Knowledge): boolean {
  const names = knowledge.sensitive.names;
  let f = textFilters.get(names);
  if (!f) {
    const seen = new Set<string>();
    const long: string[] = [];
    const short: string[] = [];
    for (const n of names) {
      const words = nameWords(n);
      const joined = words.join('');
      if (!joined || seen.has(joined)) continue;
      seen.add(joined);
      if (joined.length > 3) {
        long.push(words.join('[_-]?'));
      } else {
        const cap = joined[0]!.toUpperCase() + joined.slice(1);
        const up = joined.toUpperCase();
        short.push(`(?:^|[^A-Za-z])(?:${joined}|${cap}|${up})(?![a-z])|[a-z0-9](?:${cap}|${up})(?![a-z])`);
      }
    }
    f = { long: long.length > 0 ? new RegExp(long.join('|')) : undefined, short: short.length > 0 ? new RegExp(short.join('|')) : undefined };
    textFilters.set(names, f);
  }
  return (f.long?.test(text.toLowerCase()) ?? false) || (f.short?.test(text) ?? false);
}

/** A call that masks or derives a safe value: `mask(x)`, `redact(x)`, `hash(x)`, `crypto.createHash(...)`. */
export function isMaskingCall(calleeName: string, knowledge: Knowledge): boolean {
  const last = calleeName.slice(calleeName.lastIndexOf('.') + 1);
  if (knowledge.sensitive.maskFunctions.includes(calleeName) || knowledge.sensitive.maskFunctions.includes(last)) return true;
    // not `sign`: jwt.sign() makes a bearer token, as secret as what it signs
  return /mask|redact|hash|obfuscat|sanitiz|scrub|truncat|encrypt|anonymi|censor|digest|fingerprint/i.test(last);
}

/** pino `redact` paths: `a.b`, `a["x-y"]`, `a[*].b`, `*.password` → segments. */
export function redactSegments(path: string): string[] {
  return path
    .replace(/\[\s*(['"])(.*?)\1\s*\]/g, '.$2')
    .replace(/\[\s*\*\s*\]/g, '.*')
    .split('.')
    .filter(Boolean);
}

/** True when a redact pattern covers the logged path (a pattern covering a parent object covers its keys). */
export function redactCovers(patterns: string[], path: string[]): boolean {
  return patterns.some((p) => {
    const segs = redactSegments(p);
    if (segs.length === 0 || segs.length > path.length) return false;
    return segs.every((s, i) => s === '*' || s.toLowerCase() === path[i]!.toLowerCase());
  });
}
