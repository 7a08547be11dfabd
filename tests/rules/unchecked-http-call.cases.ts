import type { RuleCases } from '../utils/rule-tester.js';

export const cases: RuleCases = {
  valid: [
    `async function charge(amount: number) {
  const res = await fetch('https://api.gateway.com/charge', { method: 'POST', body: JSON.stringify({ amount }), signal: AbortSignal.timeout(5000) });
  if (!res.ok) throw new GatewayError(res.status);
  return res.json();
}`,
    `async function status(id: string) {
  const res = await fetch(\`\${BASE}/payments/\${id}\`, { signal: AbortSignal.timeout(3000) });
  if (res.status === 404) return null;
  return res.json();
}`,
    `import axios from 'axios';
export async function rates() {
  const { data } = await axios.get('https://api.rates.com/latest', { timeout: 5000 });
  return data;
}`,
    // axios.defaults.timeout applies to every call in the file
    `import axios from 'axios';
axios.defaults.timeout = 5000;
export async function rates() {
  return (await axios.get('https://api.rates.com/latest')).data;
}`,
    `import axios from 'axios';
const api = axios.create({ baseURL: 'https://api.gateway.com', timeout: 10000 });
export const charge = (body: unknown) => api.post('/charge', body);`,
    `import axios from 'axios';
const api = axios.create({ baseURL: 'https://api.gateway.com' });
api.defaults.timeout = 8000;
export const charge = (body: unknown) => api.post('/charge', body);`,
    // a relative URL only works in a browser: the page calls its own API
    `export async function load() {
  const res = await fetch('/api/orders');
  return res.json();
}`,
    {
      code: `'use client';
export async function load(id: string) {
  const res = await fetch(\`/api/orders/\${id}\`);
  if (!res.ok) throw new Error('failed');
  return res.json();
}`,
      filename: "app/orders/client.tsx",
    },
    {
      code: `it('charges', async () => {
  const res = await fetch('http://localhost:3000/charge');
  expect((await res.json()).ok).toBe(true);
});`,
      filename: "src/charge.spec.ts",
    },
    // the caller's options may carry a signal
    `export async function request(url: string, options: RequestInit) {
  const res = await fetch(url, options);
  if (!res.ok) throw new HttpError(res.status);
  return res.json();
}`,
    `export async function request(url: string, init: RequestInit = {}) {
  const res = await fetch(url, { ...init, signal: init.signal ?? AbortSignal.timeout(10000) });
  if (!res.ok) throw new HttpError(res.status, await res.text());
  return res.json() as Promise<unknown>;
}`,
    `export function ping(url: string) {
  return fetch(url, { signal: AbortSignal.timeout(2000) });
}`,
    `export async function withDeadline(url: string) {
  const res = await Promise.race([fetch(url), timeout(5000)]);
  return res;
}`,
    `import got from 'got';
export const rates = () => got('https://api.rates.com/latest', { timeout: { request: 5000 } }).json();`,
    `import superagent from 'superagent';
export const rates = () => superagent.get('https://api.rates.com/latest').timeout(5000);`,
    // ky times out after 10 s by itself and rejects a non-2xx answer
    `import ky from 'ky';
export const rates = () => ky.get('https://api.rates.com/latest').json();`,
    `import ky from 'ky';
const api = ky.create({ prefixUrl: 'https://api.gateway.com' });
export const charge = (body: unknown) => api.post('charge', { json: body }).json();`,
    // the call's own timeout wins over the instance's `timeout: false`
    `import ky from 'ky';
const api = ky.extend({ timeout: false });
export const rates = () => api.get('https://api.rates.com/latest', { timeout: 5000 }).json();`,
    `import ky from 'ky';
export async function rates() {
  const res = await ky('https://api.rates.com/latest', { throwHttpErrors: false });
  if (!res.ok) throw new RatesError(res.status);
  return res.json();
}`,
    `import https from 'node:https';
export function ping(url: string) {
  const req = https.request(url, (res) => res.resume());
  req.setTimeout(5000, () => req.destroy());
  req.end();
}`,
    // a 'timeout' listener on the request: the socket's timeout is handled where the call is made
    `import http from 'node:http';
export function probe(host: string) {
  const req = http.get({ host, path: '/healthz' }, (res) => res.resume());
  req.once('timeout', () => req.destroy(new Error('probe timed out')));
}`,
    // browser code is not judged: a failed call shows on the page that made it
    {
      code: `'use client';
export async function loadInvoices() {
  const res = await fetch('https://billing.example.com/invoices');
  return res.json();
}`,
      filename: 'app/invoices/load.ts',
    },
    {
      code: `export async function pushAvatar(target: string, picture: File) {
  const res = await fetch(target, { method: 'PUT', body: picture });
  return res.json();
}`,
      filename: 'packages/frontend/src/avatar.ts',
    },
    // a script runs in front of its user: a hang is seen and interrupted, so no timeout is asked for
    {
      code: `export async function exportRows() {
  const res = await fetch('https://analytics.example.com/export');
  if (!res.ok) throw new Error(\`export failed: \${res.status}\`);
  return res.text();
}`,
      filename: 'scripts/export-rows.ts',
    },
    // the request library with a timeout: its promise wrapper rejects on non-2xx by itself
    `const request = require('request-promise');
export async function sponsors() {
  return request({ uri: 'https://sponsors.example.org/list', json: true, timeout: 8000 });
}`,
    `import rp from 'request-promise-native';
export const rates = () => rp.get('https://rates.example.com/daily', { timeout: 5000, json: true });`,
    // ky has a 10 s default timeout and throws on non-2xx
    `import ky from 'ky';
export const rates = () => ky.get('https://api.rates.com/latest').json();`,
    // a local function named fetch is a project wrapper
    `async function fetch(url: string) {
  return http.get(url);
}
export const load = () => fetch('https://api.example.com');`,
    `export class OrdersClient {
  load(id: string) {
    return this.fetch(\`https://api.example.com/orders/\${id}\`);
  }
}`,
    // axios rejects on non-2xx statuses
    `import axios from 'axios';
export async function charge(body: unknown) {
  const res = await axios.post('https://api.gateway.com/charge', body, { timeout: 10000 });
  return res.data;
}`,
    // reading the error body before checking ok is fine
    `export async function charge(body: unknown) {
  const res = await fetch('https://api.gateway.com/charge', { method: 'POST', body: JSON.stringify(body), signal: AbortSignal.timeout(5000) });
  const data = await res.json();
  if (!res.ok) throw new GatewayError(res.status, data.message);
  return data;
}`,
    `export async function charge() {
  const res = await fetch('https://api.gateway.com/charge', { signal: AbortSignal.timeout(5000) });
  await assertOk(res);
  return res.json();
}`,
    {
      code: `export async function load() {
  const res = await fetch('https://api.example.com/orders');
  if (!res.ok) throw new Error('failed');
  return res.json();
}`,
      options: {"checkTimeout":false},
    },
    `export async function forward(request: Request) {
  const res = await fetch(request);
  if (!res.ok) throw new Error('upstream failed');
  return res.json();
}`,
    // browser code: timeouts are not required, the status is checked
    {
      code: `export default function Orders() {
  const load = async () => {
    const res = await fetch(\`\${API_URL}/orders\`);
    if (!res.ok) throw new Error('failed');
    return res.json();
  };
  return <button onClick={load}>Load</button>;
}`,
      filename: "src/components/orders.tsx",
    },
    `import { request } from 'undici';
export async function rates() {
  const { statusCode, body } = await request('https://api.rates.com/latest', { headersTimeout: 5000, bodyTimeout: 5000 });
  if (statusCode !== 200) throw new Error(\`rates: \${statusCode}\`);
  return body.json();
}`,
    // the pending request is raced against a timer a line later
    `import { request } from 'undici';
import { setTimeout } from 'node:timers/promises';

export async function latestVersion(pkg: string) {
  const pending = request(\`https://registry.npmjs.org/\${pkg}\`);
  const res = await Promise.race([pending, setTimeout(1000, null)]);
  return res ? res.statusCode : undefined;
}`,
    // ky has a 10 s default timeout and throws on non-2xx responses
    `import ky from 'ky';
export async function rates() {
  return ky.get('https://api.example.com/rates').json();
}`,
    // @nestjs/axios: the timeout is set once in HttpModule.register({ timeout }), in another module
    `import { HttpService } from '@nestjs/axios';
export class RatesService {
  constructor(private readonly http: HttpService) {}
  rates() {
    return this.http.get('https://api.example.com/rates');
  }
}`,
    // a wrapper that sets its own dispatcher (and with it the timeouts) is not a bare fetch
    `function fetchWithProxy(url: string, init: RequestInit = {}) {
  return fetch(url, { ...init, dispatcher: proxyAgent() });
}
export async function getProfile(id: string) {
  const res = await fetchWithProxy(\`https://api.example.com/users/\${id}\`);
  if (!res.ok) throw new Error(\`profile: \${res.status}\`);
  return res.json();
}`,
    // the spread's function sets the timeout in one of its answers, or the spread is the caller's (a parameter)
    `function requestOptions(slow: boolean) {
  return slow ? { signal: AbortSignal.timeout(30000) } : { signal: AbortSignal.timeout(5000) };
}
const defaults = () => ({ ...requestOptions(false), headers: { Accept: 'application/json' } });
export async function quote(symbol: string) {
  const res = await fetch(\`https://quotes.example.com/\${symbol}\`, { ...defaults(), method: 'GET' });
  if (!res.ok) throw new Error('quote failed');
  return res.json();
}`,
    `export async function quote(symbol: string, init: RequestInit) {
  const options = { ...init, method: 'GET' };
  const res = await fetch(\`https://quotes.example.com/\${symbol}\`, options);
  if (!res.ok) throw new Error('quote failed');
  return res.json();
}`,
  ],
  invalid: [
    // suggestion set 4: a long-poll endpoint (its URL says so): a fixed 10 s total would end every poll early
    {
      code: `import axios from 'axios';
export async function nextMessages(cursor: string) {
  const res = await axios.get(\`https://queue.example.com/v1/messages/longpoll?cursor=\${cursor}\`);
  return res.data;
}`,
      errors: [{ messageId: 'missingTimeout', line: 3, column: 21, suggestions: [{ messageId: 'timeoutByHand', data: { reason: 'this call is documented (`longpoll`) to wait for its answer on purpose, and a fixed total timeout would cut it short; pick a bound that fits it, or bound only the connection' }, output: `import axios from 'axios';
export async function nextMessages(cursor: string) {
  const res = await axios.get(\`https://queue.example.com/v1/messages/longpoll?cursor=\${cursor}\`);
  return res.data;
}` }] }],
    },
    // a comment documents a slow answer
    {
      code: `import axios from 'axios';
export async function buildImage(spec: ImageSpec) {
  // the builder answers once the image is built, which can take several minutes
  const res = await axios.post('https://builder.example.com/v1/images', spec);
  return res.data;
}`,
      errors: [{ messageId: 'missingTimeout', line: 4, column: 21, suggestions: [{ messageId: 'timeoutByHand', data: { reason: 'this call is documented ("can take") to wait for its answer on purpose, and a fixed total timeout would cut it short; pick a bound that fits it, or bound only the connection' }, output: `import axios from 'axios';
export async function buildImage(spec: ImageSpec) {
  // the builder answers once the image is built, which can take several minutes
  const res = await axios.post('https://builder.example.com/v1/images', spec);
  return res.data;
}` }] }],
    },
    // options built in a local with a spread: the spread is a function of the file whose every return is visible
    // (a proxy agent or nothing), so no timeout is set anywhere
    {
      code: `function proxyOptions() {
  return process.env.HTTPS_PROXY ? { agent: new ProxyAgent() } : {};
}
export async function callLicenseServer(url: string, body: string) {
  const options = { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, ...proxyOptions() };
  const res = await fetch(url, options);
  if (!res.ok) throw new Error(\`License server answered \${res.status}\`);
  return res.json();
}`,
      errors: [{ messageId: 'missingTimeout', line: 6, column: 21, endLine: 6, endColumn: 40, suggestions: [] }],
    },
    {
      code: `const base = { headers: { Accept: 'application/json' } };
export async function quote(symbol: string) {
  const res = await fetch(\`https://quotes.example.com/\${symbol}\`, { ...base, method: 'GET' });
  if (!res.ok) throw new Error('quote failed');
  return res.json();
}`,
      errors: [
        {
          messageId: 'missingTimeout', line: 3, column: 21, endLine: 3, endColumn: 94,
          suggestions: [{ messageId: 'addTimeout', output: `const base = { headers: { Accept: 'application/json' } };
export async function quote(symbol: string) {
  const res = await fetch(\`https://quotes.example.com/\${symbol}\`, { ...base, method: 'GET', signal: AbortSignal.timeout(10000) });
  if (!res.ok) throw new Error('quote failed');
  return res.json();
}` }],
        },
      ],
    },
    // issue 13: \`results.pipe(out)\` streams another value, not this response (the receiver's text used to be matched
    // by its prefix \`res\`): a fixed timeout is still safe to suggest
    {
      code: `export async function relay(url: string, results: NodeJS.ReadableStream, out: NodeJS.WritableStream) {
  const res = await fetch(url, { method: 'POST' });
  results.pipe(out);
  if (!res.ok) throw new Error('relay failed');
}`,
      errors: [
        {
          messageId: 'missingTimeout', line: 2, column: 21, endLine: 2, endColumn: 51,
          suggestions: [{ messageId: 'addTimeout', output: `export async function relay(url: string, results: NodeJS.ReadableStream, out: NodeJS.WritableStream) {
  const res = await fetch(url, { method: 'POST', signal: AbortSignal.timeout(10000) });
  results.pipe(out);
  if (!res.ok) throw new Error('relay failed');
}` }],
        },
      ],
    },
    // the request library (and its promise wrappers) has no default timeout
    {
      code: `const request = require('request-promise');
export async function upgrade() {
  await request({ method: 'POST', uri: 'http://updater.internal/upgrade' });
}`,
      errors: [
        {
          messageId: 'missingTimeout', line: 3, column: 9, endLine: 3, endColumn: 76,
          suggestions: [
            { messageId: 'addTimeout', output: `const request = require('request-promise');
export async function upgrade() {
  await request({ method: 'POST', uri: 'http://updater.internal/upgrade', timeout: 10000 });
}` },
          ],
        },
      ],
    },
    // a script's unchecked status still writes an error page as data
    {
      code: `export async function importRates() {
  const res = await fetch('https://rates.example.com/daily');
  return res.json();
}`,
      filename: 'scripts/import-rates.ts',
      errors: [{ messageId: 'uncheckedStatus', line: 2, column: 21, endLine: 2, endColumn: 61 }],
    },
    // LLM tool implementations deep in a package are server code, not dev tooling
    {
      code: `export async function searchPapers(q: string) {
  const res = await fetch(\`https://papers.example.org/search?q=\${q}\`);
  if (!res.ok) throw new Error('search failed');
  return res.json();
}`,
      filename: 'packages/components/nodes/tools/papers/core.ts',
      errors: [{ messageId: 'missingTimeout', line: 2, column: 21, endLine: 2, endColumn: 70 }],
    },
    // node-fetch under another name, then aliased to fetch
    {
      code: `import fetchLib from 'node-fetch';
const fetch = fetchLib;
export async function getRates() {
  const res = await fetch('https://rates.example.com/latest');
  if (!res.ok) throw new Error(\`rates: \${res.status}\`);
  return res.json();
}`,
      errors: [
        // no package.json says which node-fetch this is: 2 takes `timeout`, 3 `signal` (tests/model/library-versions.test.ts)
        { messageId: 'missingTimeout', line: 4, column: 21, endLine: 4, endColumn: 62, suggestions: [{ messageId: 'timeoutByHand', output: `import fetchLib from 'node-fetch';
const fetch = fetchLib;
export async function getRates() {
  const res = await fetch('https://rates.example.com/latest');
  if (!res.ok) throw new Error(\`rates: \${res.status}\`);
  return res.json();
}` }] },
      ],
    },
    // a project wrapper that hands URL and options to fetch
    {
      code: `function fetchWithProxy(url: string, init: RequestInit = {}) {
  return fetch(url, { ...init, agent: proxyAgent });
}
export async function getProfile(id: string) {
  const res = await fetchWithProxy(\`https://api.example.com/users/\${id}\`);
  if (!res.ok) throw new Error(\`profile: \${res.status}\`);
  return res.json();
}`,
      errors: [
        { messageId: 'missingTimeout', line: 5, column: 21, endLine: 5, endColumn: 74, suggestions: [{ messageId: 'addTimeout', output: `function fetchWithProxy(url: string, init: RequestInit = {}) {
  return fetch(url, { ...init, agent: proxyAgent });
}
export async function getProfile(id: string) {
  const res = await fetchWithProxy(\`https://api.example.com/users/\${id}\`, { signal: AbortSignal.timeout(10000) });
  if (!res.ok) throw new Error(\`profile: \${res.status}\`);
  return res.json();
}` }] },
      ],
    },
    // an integration class's own fetch method
    {
      code: `export class SlackProvider {
  async fetch(url: string, options: RequestInit = {}) {
    return fetch(url, options);
  }
  async post(text: string) {
    const res = await this.fetch('https://slack.com/api/chat.postMessage', { method: 'POST', body: JSON.stringify({ text }) });
    if (!res.ok) throw new Error(\`slack: \${res.status}\`);
    return res.json();
  }
}`,
      errors: [
        { messageId: 'missingTimeout', line: 6, column: 23, endLine: 6, endColumn: 127, suggestions: [{ messageId: 'addTimeout', output: `export class SlackProvider {
  async fetch(url: string, options: RequestInit = {}) {
    return fetch(url, options);
  }
  async post(text: string) {
    const res = await this.fetch('https://slack.com/api/chat.postMessage', { method: 'POST', body: JSON.stringify({ text }), signal: AbortSignal.timeout(10000) });
    if (!res.ok) throw new Error(\`slack: \${res.status}\`);
    return res.json();
  }
}` }] },
      ],
    },
    // NestJS HttpModule imported without a timeout
    {
      code: `import { Module } from '@nestjs/common';
import { HttpModule } from '@nestjs/axios';
@Module({
  imports: [HttpModule, HttpModule.register({ baseURL: 'https://api.example.com' }), HttpModule.register({ timeout: 5000 })],
  providers: [RatesService],
})
export class RatesModule {}`,
      errors: [
        { messageId: 'missingTimeout', line: 4, column: 13, endLine: 4, endColumn: 23, suggestions: [{ messageId: 'addTimeout', output: `import { Module } from '@nestjs/common';
import { HttpModule } from '@nestjs/axios';
@Module({
  imports: [HttpModule.register({ timeout: 10000 }), HttpModule.register({ baseURL: 'https://api.example.com' }), HttpModule.register({ timeout: 5000 })],
  providers: [RatesService],
})
export class RatesModule {}` }] },
        { messageId: 'missingTimeout', line: 4, column: 25, endLine: 4, endColumn: 84, suggestions: [{ messageId: 'addTimeout', output: `import { Module } from '@nestjs/common';
import { HttpModule } from '@nestjs/axios';
@Module({
  imports: [HttpModule, HttpModule.register({ baseURL: 'https://api.example.com', timeout: 10000 }), HttpModule.register({ timeout: 5000 })],
  providers: [RatesService],
})
export class RatesModule {}` }] },
      ],
    },
    // the seed: a gateway call with no timeout and no status check (high risk: payment endpoint)
    {
      code: `export class PaymentService {
  async callPaymentGateway(payment: Payment) {
    const url = 'https://api.payment-gateway.com/charge';
    const response = await fetch(url, { method: 'POST', body: JSON.stringify({ amount: payment.amount }) });
    return response.json();
  }
}`,
      errors: [
        {
          messageId: 'missingTimeoutAndStatus', line: 4, column: 28, endLine: 4, endColumn: 108,
          suggestions: [
            { messageId: 'addTimeout', output: `export class PaymentService {
  async callPaymentGateway(payment: Payment) {
    const url = 'https://api.payment-gateway.com/charge';
    const response = await fetch(url, { method: 'POST', body: JSON.stringify({ amount: payment.amount }), signal: AbortSignal.timeout(10000) });
    return response.json();
  }
}` },
            { messageId: 'addStatusCheck', output: `class HttpStatusError extends Error {
  status = 0;

  constructor(status = 0, message = '') {
    super(message);
    this.name = 'HttpStatusError';
    this.status = status;
  }
}

export class PaymentService {
  async callPaymentGateway(payment: Payment) {
    const url = 'https://api.payment-gateway.com/charge';
    const response = await fetch(url, { method: 'POST', body: JSON.stringify({ amount: payment.amount }) });
    if (!response.ok) {
      throw new HttpStatusError(response.status, \`Request failed with status \${response.status}\`);
    }
    return response.json();
  }
}` },
          ],
        },
      ],
    },
    {
      code: `async function load() {
  const res = await fetch('https://api.example.com/orders', {
    method: 'GET',
    headers: { accept: 'application/json' },
  });
  if (!res.ok) throw new Error('failed');
  return res.json();
}`,
      errors: [
        {
          messageId: 'missingTimeout', line: 2, column: 21, endLine: 5, endColumn: 5,
          suggestions: [
            { messageId: 'addTimeout', output: `async function load() {
  const res = await fetch('https://api.example.com/orders', {
    method: 'GET',
    headers: { accept: 'application/json' },
    signal: AbortSignal.timeout(10000),
  });
  if (!res.ok) throw new Error('failed');
  return res.json();
}` },
          ],
        },
      ],
    },
    {
      code: `import { logger } from './logger';

async function load() {
  const res = await fetch('https://api.example.com/orders', { signal: AbortSignal.timeout(5000) });
  return res.json();
}`,
      errors: [
        {
          messageId: 'uncheckedStatus', line: 4, column: 21, endLine: 4, endColumn: 99,
          suggestions: [
            { messageId: 'addStatusCheck', output: `import { logger } from './logger';

class HttpStatusError extends Error {
  status = 0;

  constructor(status = 0, message = '') {
    super(message);
    this.name = 'HttpStatusError';
    this.status = status;
  }
}

async function load() {
  const res = await fetch('https://api.example.com/orders', { signal: AbortSignal.timeout(5000) });
  if (!res.ok) {
    throw new HttpStatusError(res.status, \`Request failed with status \${res.status}\`);
  }
  return res.json();
}` },
          ],
        },
      ],
    },
    {
      code: `const data = await fetch('https://api.example.com/orders').then((r) => r.json());`,
      errors: [
        {
          messageId: 'missingTimeoutAndStatus', line: 1, column: 20, endLine: 1, endColumn: 59,
          suggestions: [
            { messageId: 'addTimeout', output: `const data = await fetch('https://api.example.com/orders', { signal: AbortSignal.timeout(10000) }).then((r) => r.json());` },
          ],
        },
      ],
    },
    {
      code: `async function load() {
  return (await fetch('https://api.example.com/orders', { signal })).json();
}`,
      errors: [
        {
          messageId: 'uncheckedStatus', line: 2, column: 17, endLine: 2, endColumn: 68,
        },
      ],
    },
    {
      code: `import axios from 'axios';
export const rates = () => axios.get('https://api.rates.com/latest');`,
      errors: [
        {
          messageId: 'missingTimeout', line: 2, column: 28, endLine: 2, endColumn: 69,
          suggestions: [
            { messageId: 'addTimeout', output: `import axios from 'axios';
export const rates = () => axios.get('https://api.rates.com/latest', { timeout: 10000 });` },
          ],
        },
      ],
    },
    {
      code: `import axios from 'axios';
export const charge = (body: unknown) => axios.post('https://api.gateway.com/charge', body);`,
      errors: [
        {
          messageId: 'missingTimeout', line: 2, column: 42, endLine: 2, endColumn: 92,
          suggestions: [
            { messageId: 'addTimeout', output: `import axios from 'axios';
export const charge = (body: unknown) => axios.post('https://api.gateway.com/charge', body, { timeout: 10000 });` },
          ],
        },
      ],
    },
    {
      code: `import axios from 'axios';
export const ping = () => axios.post('https://api.gateway.com/ping');`,
      errors: [
        {
          messageId: 'missingTimeout', line: 2, column: 27, endLine: 2, endColumn: 69,
          suggestions: [
            { messageId: 'addTimeout', output: `import axios from 'axios';
export const ping = () => axios.post('https://api.gateway.com/ping', undefined, { timeout: 10000 });` },
          ],
        },
      ],
    },
    {
      code: `import axios from 'axios';
export const refund = (id: string) => axios({ method: 'post', url: \`https://api.gateway.com/refunds/\${id}\` });`,
      errors: [
        {
          messageId: 'missingTimeout', line: 2, column: 39, endLine: 2, endColumn: 110,
          suggestions: [
            { messageId: 'addTimeout', output: `import axios from 'axios';
export const refund = (id: string) => axios({ method: 'post', url: \`https://api.gateway.com/refunds/\${id}\`, timeout: 10000 });` },
          ],
        },
      ],
    },
    // issue 16, seen on a real backend: axios(config) with the config in a variable; a second argument is ignored
    // when the first is a config, so \`axios(config, { timeout })\` set no timeout: no rewrite
    {
      code: `import axios from 'axios';
export async function sendSms(config: object) {
  return axios(config);
}`,
      errors: [{ messageId: 'missingTimeout', line: 3, column: 10, suggestions: [] }],
    },
    // a literal URL says which form it is: the options go second
    {
      code: `import axios from 'axios';
export const status = () => axios('https://status.gateway.com/v1');`,
      errors: [
        {
          messageId: 'missingTimeout', line: 2, column: 29,
          suggestions: [
            { messageId: 'addTimeout', output: `import axios from 'axios';
export const status = () => axios('https://status.gateway.com/v1', { timeout: 10000 });` },
          ],
        },
      ],
    },
    {
      code: `import axios from 'axios';
const api = axios.create({ baseURL: 'https://api.gateway.com' });
export const charge = (body: unknown) => api.post('/charge', body);`,
      errors: [
        {
          messageId: 'missingTimeout', line: 3, column: 42, endLine: 3, endColumn: 67,
          suggestions: [
            { messageId: 'addTimeout', output: `import axios from 'axios';
const api = axios.create({ baseURL: 'https://api.gateway.com' });
export const charge = (body: unknown) => api.post('/charge', body, { timeout: 10000 });` },
          ],
        },
      ],
    },
    {
      code: `import axios from 'axios';
@Injectable()
export class BillingClient {
  private readonly http = axios.create({ baseURL: 'https://billing.example.com' });
  invoice(id: string) {
    return this.http.get(\`/invoices/\${id}\`);
  }
}`,
      errors: [
        {
          messageId: 'missingTimeout', line: 6, column: 12, endLine: 6, endColumn: 44,
          suggestions: [
            { messageId: 'addTimeout', output: `import axios from 'axios';
@Injectable()
export class BillingClient {
  private readonly http = axios.create({ baseURL: 'https://billing.example.com' });
  invoice(id: string) {
    return this.http.get(\`/invoices/\${id}\`, { timeout: 10000 });
  }
}` },
          ],
        },
      ],
    },
    {
      code: `import got from 'got';
export const rates = () => got('https://api.rates.com/latest').json();`,
      errors: [
        {
          messageId: 'missingTimeout', line: 2, column: 28, endLine: 2, endColumn: 63,
          suggestions: [
            { messageId: 'addTimeout', output: `import got from 'got';
export const rates = () => got('https://api.rates.com/latest', { timeout: { request: 10000 } }).json();` },
          ],
        },
      ],
    },
    {
      code: `import got from 'got';
export const charge = (body: unknown) => got.post('https://api.gateway.com/charge', { json: body }).json();`,
      errors: [
        {
          messageId: 'missingTimeout', line: 2, column: 42, endLine: 2, endColumn: 100,
          suggestions: [
            { messageId: 'addTimeout', output: `import got from 'got';
export const charge = (body: unknown) => got.post('https://api.gateway.com/charge', { json: body, timeout: { request: 10000 } }).json();` },
          ],
        },
      ],
    },
    {
      code: `import { request } from 'undici';
export async function rates() {
  const { body } = await request('https://api.rates.com/latest');
  return body.json();
}`,
      errors: [
        {
          messageId: 'missingTimeoutAndStatus', line: 3, column: 26, endLine: 3, endColumn: 65,
          suggestions: [
            { messageId: 'addTimeout', output: `import { request } from 'undici';
export async function rates() {
  const { body } = await request('https://api.rates.com/latest', { signal: AbortSignal.timeout(10000) });
  return body.json();
}` },
          ],
        },
      ],
    },
    {
      code: `import superagent from 'superagent';
export const rates = () => superagent.get('https://api.rates.com/latest').set('accept', 'json');`,
      errors: [
        {
          messageId: 'missingTimeout', line: 2, column: 28, endLine: 2, endColumn: 74,
          suggestions: [
            { messageId: 'addTimeout', output: `import superagent from 'superagent';
export const rates = () => superagent.get('https://api.rates.com/latest').timeout(10000).set('accept', 'json');` },
          ],
        },
      ],
    },
    {
      code: `import ky from 'ky';
export const charge = (body: unknown) => ky.post('https://api.gateway.com/charge', { json: body, timeout: false }).json();`,
      errors: [
        {
          messageId: 'missingTimeout', line: 2, column: 42, endLine: 2, endColumn: 115,
          suggestions: [
            { messageId: 'addTimeout', output: `import ky from 'ky';
export const charge = (body: unknown) => ky.post('https://api.gateway.com/charge', { json: body, timeout: 10000 }).json();` },
          ],
        },
      ],
    },
    // an instance made without a timeout: the fix belongs where it was made, not on each call
    {
      code: `import ky from 'ky';
const api = ky.create({ prefixUrl: 'https://api.rates.com', timeout: false });
export const rates = () => api.get('latest').json();`,
      errors: [{ messageId: 'missingTimeout', line: 3, column: 28, endLine: 3, endColumn: 45, suggestions: [] }],
    },
    {
      code: `import ky from 'ky';
export async function rates() {
  const res = await ky('https://api.rates.com/latest', { throwHttpErrors: false });
  return res.json();
}`,
      errors: [{ messageId: 'uncheckedStatus', line: 3, column: 21, endLine: 3, endColumn: 83 }],
    },
    {
      code: `import https from 'node:https';
export function ping(url: string) {
  https.request(url, { method: 'POST' }, (res) => res.resume()).end();
}`,
      errors: [
        {
          messageId: 'missingTimeout', line: 3, column: 3, endLine: 3, endColumn: 64,
        },
      ],
    },
    {
      code: `import { ofetch } from 'ofetch';
export const rates = () => ofetch('https://api.rates.com/latest');`,
      errors: [
        {
          messageId: 'missingTimeout', line: 2, column: 28, endLine: 2, endColumn: 66,
          suggestions: [
            { messageId: 'addTimeout', output: `import { ofetch } from 'ofetch';
export const rates = () => ofetch('https://api.rates.com/latest', { timeout: 10000 });` },
          ],
        },
      ],
    },
    {
      code: `const options = { method: 'POST' };
export async function ping() {
  const res = await fetch('https://api.example.com/ping', options);
  if (!res.ok) throw new Error('ping failed');
}`,
      errors: [
        {
          messageId: 'missingTimeout', line: 3, column: 21, endLine: 3, endColumn: 67,
        },
      ],
    },
    {
      code: `export async function GET() {
  const res = await fetch('https://api.github.com/repos/acme/app');
  const { stargazers_count } = await res.json();
  return Response.json({ stars: stargazers_count });
}`,
      filename: "app/api/stars/route.ts",
      errors: [
        {
          messageId: 'missingTimeoutAndStatus', line: 2, column: 21, endLine: 2, endColumn: 67,
          suggestions: [
            { messageId: 'addTimeout', output: `export async function GET() {
  const res = await fetch('https://api.github.com/repos/acme/app', { signal: AbortSignal.timeout(10000) });
  const { stargazers_count } = await res.json();
  return Response.json({ stars: stargazers_count });
}` },
            { messageId: 'addStatusCheck', output: `class HttpStatusError extends Error {
  status = 0;

  constructor(status = 0, message = '') {
    super(message);
    this.name = 'HttpStatusError';
    this.status = status;
  }
}

export async function GET() {
  const res = await fetch('https://api.github.com/repos/acme/app');
  if (!res.ok) {
    throw new HttpStatusError(res.status, \`Request failed with status \${res.status}\`);
  }
  const { stargazers_count } = await res.json();
  return Response.json({ stars: stargazers_count });
}` },
          ],
        },
      ],
    },
    {
      code: `app.get('/rates', async (c) => {
  const res = await fetch('https://api.rates.com/latest', { headers: { accept: 'application/json' } });
  return c.json(await res.json());
});`,
      errors: [
        {
          messageId: 'missingTimeoutAndStatus', line: 2, column: 21, endLine: 2, endColumn: 103,
          suggestions: [
            { messageId: 'addTimeout', output: `app.get('/rates', async (c) => {
  const res = await fetch('https://api.rates.com/latest', { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(10000) });
  return c.json(await res.json());
});` },
            { messageId: 'addStatusCheck', output: `class HttpStatusError extends Error {
  status = 0;

  constructor(status = 0, message = '') {
    super(message);
    this.name = 'HttpStatusError';
    this.status = status;
  }
}

app.get('/rates', async (c) => {
  const res = await fetch('https://api.rates.com/latest', { headers: { accept: 'application/json' } });
  if (!res.ok) {
    throw new HttpStatusError(res.status, \`Request failed with status \${res.status}\`);
  }
  return c.json(await res.json());
});` },
          ],
        },
      ],
    },
    {
      code: `fastify.get('/profile', async (request, reply) => {
  const res = await fetch('https://auth.example.com/userinfo', { signal: AbortSignal.timeout(5000), headers: { authorization: request.headers.authorization } });
  return res.json();
});`,
      errors: [
        {
          messageId: 'uncheckedStatus', line: 2, column: 21, endLine: 2, endColumn: 161,
          suggestions: [
            { messageId: 'addStatusCheck', output: `class HttpStatusError extends Error {
  status = 0;

  constructor(status = 0, message = '') {
    super(message);
    this.name = 'HttpStatusError';
    this.status = status;
  }
}

fastify.get('/profile', async (request, reply) => {
  const res = await fetch('https://auth.example.com/userinfo', { signal: AbortSignal.timeout(5000), headers: { authorization: request.headers.authorization } });
  if (!res.ok) {
    throw new HttpStatusError(res.status, \`Request failed with status \${res.status}\`);
  }
  return res.json();
});` },
          ],
        },
      ],
    },
    {
      code: `export const appRouter = router({
  rates: publicProcedure.query(async () => {
    const res = await fetch('https://api.rates.com/latest');
    return res.json();
  }),
});`,
      errors: [
        {
          messageId: 'missingTimeoutAndStatus', line: 3, column: 23, endLine: 3, endColumn: 60,
          suggestions: [
            { messageId: 'addTimeout', output: `export const appRouter = router({
  rates: publicProcedure.query(async () => {
    const res = await fetch('https://api.rates.com/latest', { signal: AbortSignal.timeout(10000) });
    return res.json();
  }),
});` },
            { messageId: 'addStatusCheck', output: `class HttpStatusError extends Error {
  status = 0;

  constructor(status = 0, message = '') {
    super(message);
    this.name = 'HttpStatusError';
    this.status = status;
  }
}

export const appRouter = router({
  rates: publicProcedure.query(async () => {
    const res = await fetch('https://api.rates.com/latest');
    if (!res.ok) {
      throw new HttpStatusError(res.status, \`Request failed with status \${res.status}\`);
    }
    return res.json();
  }),
});` },
          ],
        },
      ],
    },
    // validateStatus makes axios resolve on every status
    {
      code: `import axios from 'axios';
export async function charge(body: unknown) {
  const res = await axios.post('https://api.gateway.com/charge', body, { timeout: 5000, validateStatus: () => true });
  return res.data;
}`,
      errors: [
        {
          messageId: 'uncheckedStatus', line: 3, column: 21, endLine: 3, endColumn: 118,
        },
      ],
    },
    {
      code: `export async function ping() {
  await fetch('https://api.example.com/ping');
}`,
      options: {"suggestedTimeoutMs":3000},
      errors: [
        {
          messageId: 'missingTimeout', line: 2, column: 9, endLine: 2, endColumn: 46,
          suggestions: [
            { messageId: 'addTimeout', output: `export async function ping() {
  await fetch('https://api.example.com/ping', { signal: AbortSignal.timeout(3000) });
}` },
          ],
        },
      ],
    },
    {
      code: `export async function load() {
  const res = await fetch('https://api.example.com/orders', { signal: AbortSignal.timeout(5000) });
  return res.json();
}`,
      filename: "src/load.js",
      errors: [
        {
          messageId: 'uncheckedStatus', line: 2, column: 21, endLine: 2, endColumn: 99,
          suggestions: [
            { messageId: 'addStatusCheck', output: `class HttpStatusError extends Error {
  status = 0;

  constructor(status = 0, message = '') {
    super(message);
    this.name = 'HttpStatusError';
    this.status = status;
  }
}

export async function load() {
  const res = await fetch('https://api.example.com/orders', { signal: AbortSignal.timeout(5000) });
  if (!res.ok) {
    throw new HttpStatusError(res.status, \`Request failed with status \${res.status}\`);
  }
  return res.json();
}` },
          ],
        },
      ],
    },
    // inside a transaction: high risk
    {
      code: `export async function refund(tx, id) {
  await prisma.$transaction(async (tx) => {
    await tx.refund.create({ data: { id } });
    await fetch(\`https://api.gateway.com/refunds/\${id}\`, { method: 'POST' });
  });
}`,
      errors: [
        {
          messageId: 'missingTimeout', line: 4, column: 11, endLine: 4, endColumn: 77,
          suggestions: [
            { messageId: 'addTimeout', output: `export async function refund(tx, id) {
  await prisma.$transaction(async (tx) => {
    await tx.refund.create({ data: { id } });
    await fetch(\`https://api.gateway.com/refunds/\${id}\`, { method: 'POST', signal: AbortSignal.timeout(10000) });
  });
}` },
          ],
        },
      ],
    },
    // https.get with a URL and a callback: no options, so no timeout
    {
      code: `import https from 'node:https';

export function fetchCertificate(url: string) {
  return new Promise((resolve, reject) => {
    https.get(url, (res) => resolve(res.headers)).on('error', reject);
  });
}`,
      errors: [
        {
          messageId: 'missingTimeout', line: 5, column: 5, endLine: 5, endColumn: 50,
          suggestions: [
          ],
        },
      ],
    },
    // issue 13: a 'timeout' string that is no listener (a log line, a status label) sets no timeout; the whole
    // function's text used to be searched for one
    {
      code: `import https from 'node:https';
export function upload(path: string, log: Logger) {
  const req = https.request({ host: 'files.example.com', path, method: 'PUT' });
  req.on('error', (e) => log.warn('upload failed', { reason: e.code === 'ETIMEDOUT' ? 'timeout' : 'other' }));
  return req;
}`,
      errors: [{ messageId: 'missingTimeout', line: 3, column: 15, endLine: 3, endColumn: 80 }],
    },
    // https.request with a URL string: no options, and no req.setTimeout
    {
      code: `import https from 'node:https';

export function ping() {
  const req = https.request('https://status.example.com/ping', (res) => res.resume());
  req.end();
}`,
      errors: [
        {
          messageId: 'missingTimeout', line: 4, column: 15, endLine: 4, endColumn: 86,
          suggestions: [
          ],
        },
      ],
    },

    // issue 16 (suggestion set 3, reviewer): a storage client that streams downloads and uploads file content — a
    // fixed 10 s total timeout would abort every long transfer, on the streaming calls and, through the same
    // service, on the others; no timeout is added and the message says why
    {
      code: `import { Readable } from 'stream';
export class BucketStore {
  constructor(private url: string) {}
  async put(name: string, data: Buffer) {
    await fetch(\`\${this.url}/object/\${name}\`, { method: 'POST', body: data });
  }
  async open(name: string): Promise<Readable> {
    const res = await fetch(\`\${this.url}/object/\${name}\`);
    return Readable.fromWeb(res.body as any);
  }
  async remove(name: string) {
    await fetch(\`\${this.url}/object/\${name}\`, { method: 'DELETE' });
  }
}`,
      errors: [
        { messageId: 'missingTimeout', line: 5, column: 11, suggestions: [
        { messageId: 'timeoutByHand', data: { reason: `this call moves a body of unbounded size (a file upload or a streamed download), and a fixed total timeout would abort every transfer longer than it; bound the connection and idle time instead` }, output: `import { Readable } from 'stream';
export class BucketStore {
  constructor(private url: string) {}
  async put(name: string, data: Buffer) {
    await fetch(\`\${this.url}/object/\${name}\`, { method: 'POST', body: data });
  }
  async open(name: string): Promise<Readable> {
    const res = await fetch(\`\${this.url}/object/\${name}\`);
    return Readable.fromWeb(res.body as any);
  }
  async remove(name: string) {
    await fetch(\`\${this.url}/object/\${name}\`, { method: 'DELETE' });
  }
}` },
      ] },
        { messageId: 'missingTimeoutAndStatus', line: 8, column: 23, suggestions: [
        { messageId: 'timeoutByHand', data: { reason: `this call moves a body of unbounded size (a file upload or a streamed download), and a fixed total timeout would abort every transfer longer than it; bound the connection and idle time instead` }, output: `import { Readable } from 'stream';
export class BucketStore {
  constructor(private url: string) {}
  async put(name: string, data: Buffer) {
    await fetch(\`\${this.url}/object/\${name}\`, { method: 'POST', body: data });
  }
  async open(name: string): Promise<Readable> {
    const res = await fetch(\`\${this.url}/object/\${name}\`);
    return Readable.fromWeb(res.body as any);
  }
  async remove(name: string) {
    await fetch(\`\${this.url}/object/\${name}\`, { method: 'DELETE' });
  }
}` },
        { messageId: 'addStatusCheck', output: `import { Readable } from 'stream';

class HttpStatusError extends Error {
  status = 0;

  constructor(status = 0, message = '') {
    super(message);
    this.name = 'HttpStatusError';
    this.status = status;
  }
}

export class BucketStore {
  constructor(private url: string) {}
  async put(name: string, data: Buffer) {
    await fetch(\`\${this.url}/object/\${name}\`, { method: 'POST', body: data });
  }
  async open(name: string): Promise<Readable> {
    const res = await fetch(\`\${this.url}/object/\${name}\`);
    if (!res.ok) {
      throw new HttpStatusError(res.status, \`Request failed with status \${res.status}\`);
    }
    return Readable.fromWeb(res.body as any);
  }
  async remove(name: string) {
    await fetch(\`\${this.url}/object/\${name}\`, { method: 'DELETE' });
  }
}` },
      ] },
        { messageId: 'missingTimeout', line: 12, column: 11, suggestions: [
        { messageId: 'timeoutByHand', data: { reason: `\`BucketStore\` also streams large transfers through the same service, so pick its timeouts per call by hand rather than one fixed total` }, output: `import { Readable } from 'stream';
export class BucketStore {
  constructor(private url: string) {}
  async put(name: string, data: Buffer) {
    await fetch(\`\${this.url}/object/\${name}\`, { method: 'POST', body: data });
  }
  async open(name: string): Promise<Readable> {
    const res = await fetch(\`\${this.url}/object/\${name}\`);
    return Readable.fromWeb(res.body as any);
  }
  async remove(name: string) {
    await fetch(\`\${this.url}/object/\${name}\`, { method: 'DELETE' });
  }
}` },
      ] },
      ],
    },
    // an axios download asked for as a stream
    {
      code: `import axios from 'axios';
export async function download(url: string, out: NodeJS.WritableStream) {
  const res = await axios.get(url, { responseType: 'stream' });
  res.data.pipe(out);
}`,
      errors: [{ messageId: 'missingTimeout', line: 3, column: 21, suggestions: [
        { messageId: 'timeoutByHand', data: { reason: `this call moves a body of unbounded size (a file upload or a streamed download), and a fixed total timeout would abort every transfer longer than it; bound the connection and idle time instead` }, output: `import axios from 'axios';
export async function download(url: string, out: NodeJS.WritableStream) {
  const res = await axios.get(url, { responseType: 'stream' });
  res.data.pipe(out);
}` },
      ] }],
    },
  ],
};
