import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listRoles, type RoleEntry } from '../../src/model/role-report.js';
import { tempProject } from '../utils/temp-project.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** A repository (with `.git`, so package lookups stop at its root) holding `files`. */
function repo(files: Record<string, string>): string {
  const dir = tempProject(files, 'errlint-roles-');
  fs.mkdirSync(path.join(dir, '.git'));
  dirs.push(dir);
  return dir;
}

const pkg = (name: string, extra: Record<string, unknown> = {}): string => JSON.stringify({ name, private: true, ...extra });

async function roles(cwd: string, paths?: string[]): Promise<Record<string, string>> {
  const entries = await listRoles({ cwd, paths, perFile: true });
  return Object.fromEntries(entries.map((e: RoleEntry) => [e.path, e.platform && e.platform !== 'browser' ? `${e.role}:${e.platform}` : e.role]));
}

describe('roles of code, one monorepo per layout', () => {
  it('a Next.js app with a server half and a client half', async () => {
    const cwd = repo({
      'package.json': pkg('site', { workspaces: ['apps/*'] }),
      'apps/web/package.json': pkg('web', { dependencies: { next: '15.0.0', react: '19.0.0', 'react-dom': '19.0.0', '@prisma/client': '6.0.0' } }),
      'apps/web/app/api/orders/route.ts': 'export async function POST(req: Request) { return Response.json({}); }\n',
      'apps/web/app/orders/page.tsx': 'export default async function Page() { const r = await fetch("https://x"); return <div />; }\n',
      'apps/web/app/orders/actions.ts': "'use server';\nexport async function save() {}\n",
      'apps/web/app/orders/counter.tsx': "'use client';\nexport function Counter() { return <button />; }\n",
      'apps/web/app/orders/filters.tsx': 'export function Filters() { const [q, setQ] = useState(""); return <input />; }\n',
      'apps/web/pages/api/webhook.ts': 'export default async function handler(req, res) { res.end(); }\n',
      'apps/web/pages/settings.tsx': 'export default function Settings() { return <div />; }\n',
      'apps/web/middleware.ts': 'export function middleware() {}\n',
      'apps/web/lib/db.ts': "import { PrismaClient } from '@prisma/client';\nexport const db = new PrismaClient();\n",
      'apps/web/lib/format.ts': 'export const money = (n: number) => n.toFixed(2);\n',
      'apps/web/lib/session.ts': "import 'server-only';\nexport async function session() {}\n",
      'apps/web/components/nav.tsx': "import Link from 'next/link';\nexport function Nav() { return <Link href=\"/\" />; }\n",
      'apps/web/hooks/use-orders.ts': 'export function useOrders() { return useMemo(() => [], []); }\n',
      'apps/web/next.config.ts': 'export default {};\n',
    });
    expect(await roles(cwd)).toEqual({
      'apps/web/app/api/orders/route.ts': 'server',
      'apps/web/app/orders/actions.ts': 'server',
      'apps/web/app/orders/counter.tsx': 'client',
      'apps/web/app/orders/filters.tsx': 'client',
      'apps/web/app/orders/page.tsx': 'server',
      'apps/web/components/nav.tsx': 'client',
      'apps/web/hooks/use-orders.ts': 'client',
      'apps/web/lib/db.ts': 'server',
      'apps/web/lib/format.ts': 'server',
      'apps/web/lib/session.ts': 'server',
      'apps/web/middleware.ts': 'server',
      'apps/web/next.config.ts': 'script',
      'apps/web/pages/api/webhook.ts': 'server',
      'apps/web/pages/settings.tsx': 'client',
    });
  });

  it('a pnpm workspace with api, web, mobile, desktop, extension, CLI and test-helper packages', async () => {
    const cwd = repo({
      'package.json': pkg('acme'),
      'pnpm-workspace.yaml': "packages:\n  - 'apps/*'\n  - 'packages/*' # shared code\n",
      'apps/api/package.json': pkg('@acme/api', { dependencies: { express: '5.0.0', bullmq: '5.0.0' }, devDependencies: { vitest: '4.0.0' } }),
      'apps/api/src/server.ts': "import express from 'express';\nexport const app = express();\n",
      'apps/api/src/orders/service.ts': 'export async function place() {}\n',
      'apps/api/src/orders/service.test.ts': 'export {};\n',
      'apps/api/src/orders/commands/cancel.handler.ts': 'export class CancelHandler {}\n',
      'apps/api/scripts/backfill.ts': 'export {};\n',
      'apps/web/package.json': pkg('@acme/web', { dependencies: { react: '19.0.0', 'react-dom': '19.0.0' }, devDependencies: { vite: '7.0.0' } }),
      'apps/web/src/api.ts': 'export async function load() { return fetch("/api/orders"); }\n',
      'apps/web/src/cache.ts': 'export const db = indexedDB.open("cache");\n',
      'apps/mobile/package.json': pkg('@acme/mobile', { dependencies: { expo: '53.0.0', 'react-native': '0.79.0' } }),
      'apps/mobile/lib/sync.ts': 'export async function sync() {}\n',
      'apps/desktop/package.json': pkg('@acme/desktop', { devDependencies: { electron: '37.0.0' } }),
      'apps/desktop/src/main.ts': "import { app } from 'electron';\nexport {};\n",
      'apps/extension/package.json': pkg('@acme/extension'),
      'apps/extension/public/manifest.json': JSON.stringify({ manifest_version: 3, name: 'Acme' }),
      'apps/extension/src/background.ts': 'export {};\n',
      'apps/vscode/package.json': pkg('acme-vscode', { engines: { vscode: '^1.90.0' } }),
      'apps/vscode/src/extension.ts': 'export function activate() {}\n',
      'packages/cli/package.json': pkg('@acme/cli', { bin: { acme: './dist/index.js' } }),
      'packages/cli/src/index.ts': 'export {};\n',
      'packages/cli/src/upload.ts': 'export {};\n',
      'packages/test-helpers/package.json': pkg('@acme/test-helpers'),
      'packages/test-helpers/src/factories.ts': 'export const order = () => ({});\n',
      'packages/e2e_tests/package.json': pkg('e2e_tests', { devDependencies: { '@playwright/test': '1.55.0' } }),
      'packages/e2e_tests/checkout.ts': 'export {};\n',
      'packages/money/package.json': pkg('@acme/money', { main: 'dist/index.js' }),
      'packages/money/src/index.ts': 'export const add = (a: number, b: number) => a + b;\n',
      'packages/money/lib/index.js': '"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\n',
    });
    expect(await roles(cwd)).toEqual({
      'apps/api/scripts/backfill.ts': 'script',
      'apps/api/src/orders/commands/cancel.handler.ts': 'server',
      'apps/api/src/orders/service.test.ts': 'test',
      'apps/api/src/orders/service.ts': 'server',
      'apps/api/src/server.ts': 'server',
      'apps/desktop/src/main.ts': 'client:desktop',
      'apps/extension/src/background.ts': 'client:extension',
      'apps/mobile/lib/sync.ts': 'client:mobile',
      'apps/vscode/src/extension.ts': 'client:editor',
      'apps/web/src/api.ts': 'client',
      'apps/web/src/cache.ts': 'client',
      'packages/cli/src/index.ts': 'script',
      'packages/cli/src/upload.ts': 'script',
      'packages/e2e_tests/checkout.ts': 'test',
      'packages/money/lib/index.js': 'generated',
      'packages/money/src/index.ts': 'server',
      'packages/test-helpers/src/factories.ts': 'test',
    });
  });

  it('a monorepo root that hoists a server and a browser extension decides file by file', async () => {
    const cwd = repo({
      'package.json': pkg('studio', { workspaces: ['apps/*'], dependencies: { '@nestjs/core': '11.0.0', '@prisma/client': '6.0.0', 'webextension-polyfill': '0.12.0' } }),
      'libraries/server-kit/src/billing.service.ts': "import { Injectable } from '@nestjs/common';\n@Injectable()\nexport class BillingService {}\n",
      'libraries/helpers/src/slug.ts': 'export const slug = (s: string) => s.toLowerCase();\n',
      'libraries/crawler/src/title.ts': "import path from 'node:path';\nexport const title = (page: Page) => page.evaluate(() => document.title);\n",
      'apps/extension/package.json': pkg('@studio/extension', { dependencies: { 'webextension-polyfill': '0.12.0' } }),
      'apps/extension/src/background.ts': 'export {};\n',
    });
    expect(await roles(cwd)).toEqual({
      'apps/extension/src/background.ts': 'client:extension',
      'libraries/crawler/src/title.ts': 'server',
      'libraries/helpers/src/slug.ts': 'server',
      'libraries/server-kit/src/billing.service.ts': 'server',
    });
  });

  it('a NestJS app', async () => {
    const cwd = repo({
      'package.json': pkg('shop', { dependencies: { '@nestjs/core': '11.0.0', '@nestjs/common': '11.0.0', '@nestjs/cqrs': '11.0.0' }, devDependencies: { jest: '30.0.0' } }),
      'src/main.ts': "import { NestFactory } from '@nestjs/core';\nexport {};\n",
      'src/orders/orders.service.ts': 'export class OrdersService {}\n',
      'src/orders/orders.service.spec.ts': 'export {};\n',
      'src/orders/commands/place-order.handler.ts': 'export class PlaceOrderHandler {}\n',
      'src/migrations/1700000000-init.ts': 'export class Init {}\n',
      'src/generated/prisma.ts': 'export {};\n',
      'test/app.e2e-spec.ts': 'export {};\n',
      'test/jest-e2e.json': '{}',
    });
    expect(await roles(cwd)).toEqual({
      'src/generated/prisma.ts': 'generated',
      'src/main.ts': 'server',
      'src/migrations/1700000000-init.ts': 'script',
      'src/orders/commands/place-order.handler.ts': 'server',
      'src/orders/orders.service.spec.ts': 'test',
      'src/orders/orders.service.ts': 'server',
      'test/app.e2e-spec.ts': 'test',
    });
  });

  it('a Remix app under apps/webapp', async () => {
    const cwd = repo({
      'package.json': pkg('platform', { workspaces: ['apps/*'] }),
      'apps/webapp/package.json': pkg('webapp', { dependencies: { '@remix-run/node': '2.0.0', '@remix-run/react': '2.0.0', react: '18.0.0', 'react-dom': '18.0.0' } }),
      'apps/webapp/app/routes/orders.tsx': 'export async function loader() { return fetch("https://x"); }\nexport default function Orders() { const d = useLoaderData(); return <div />; }\n',
      'apps/webapp/app/routes/api.webhook.ts': 'export const action = async () => new Response();\n',
      'apps/webapp/app/routes/about.tsx': 'export default function About() { return <div />; }\n',
      'apps/webapp/app/models/order.server.ts': 'export async function findOrder() {}\n',
      'apps/webapp/app/entry.server.tsx': 'export default function handleRequest() {}\n',
      'apps/webapp/app/entry.client.tsx': 'export {};\n',
      'apps/webapp/app/services/billing.ts': 'export async function charge() {}\n',
      'apps/webapp/app/components/Nav.tsx': 'export function Nav() { return <nav />; }\n',
    });
    expect(await roles(cwd)).toEqual({
      'apps/webapp/app/components/Nav.tsx': 'client',
      'apps/webapp/app/entry.client.tsx': 'client',
      'apps/webapp/app/entry.server.tsx': 'server',
      'apps/webapp/app/models/order.server.ts': 'server',
      'apps/webapp/app/routes/about.tsx': 'client',
      'apps/webapp/app/routes/api.webhook.ts': 'server',
      'apps/webapp/app/routes/orders.tsx': 'server',
      'apps/webapp/app/services/billing.ts': 'server',
    });
  });

  it('a SvelteKit app', async () => {
    const cwd = repo({
      'package.json': pkg('kit', { devDependencies: { '@sveltejs/kit': '2.0.0', svelte: '5.0.0' } }),
      'src/routes/api/orders/+server.ts': 'export async function POST() {}\n',
      'src/routes/orders/+page.server.ts': 'export async function load() {}\n',
      'src/routes/orders/+page.ts': 'export async function load() {}\n',
      'src/hooks.server.ts': 'export async function handle() {}\n',
      'src/lib/server/db.ts': 'export const db = {};\n',
      'src/lib/stores.ts': 'export const count = 0;\n',
      'src/lib/orders.ts': "import pg from 'pg';\nexport const pool = new pg.Pool();\n",
    });
    expect(await roles(cwd)).toEqual({
      'src/hooks.server.ts': 'server',
      'src/lib/orders.ts': 'server',
      'src/lib/server/db.ts': 'server',
      'src/lib/stores.ts': 'client',
      'src/routes/api/orders/+server.ts': 'server',
      'src/routes/orders/+page.server.ts': 'server',
      'src/routes/orders/+page.ts': 'client',
    });
  });

  it('a Next.js pages-router app with a worker: components, hooks, client modules, end-to-end tests and operator scripts', async () => {
    const cwd = repo({
      'package.json': pkg('observe', { workspaces: ['web', 'worker'] }),
      'web/package.json': pkg('web', { dependencies: { next: '15.0.0', react: '19.0.0', 'react-dom': '19.0.0', '@prisma/client': '6.0.0' }, devDependencies: { jest: '30.0.0' } }),
      'web/src/pages/api/traces.ts': 'export default async function handler(req, res) { res.end(); }\n',
      'web/src/features/traces/components/search-json.ts': 'export const find = (doc: unknown, q: string) => JSON.stringify(doc).includes(q);\n',
      'web/src/features/traces/components/export.ts': "import fs from 'node:fs';\nexport const save = (p: string) => fs.writeFileSync(p, '');\n",
      'web/src/hooks/use-debounce.ts': 'export function useDebounce<T>(v: T) { return v; }\n',
      'web/src/utils/prepare-html.client.ts': 'export const prepare = (html: string) => html.trim();\n',
      'web/src/features/traces/server/service.ts': 'export async function listTraces() {}\n',
      'web/src/__e2e__/api.servertest.ts': 'export async function call() { return fetch("http://localhost:3000/api/traces"); }\n',
      'web/src/components/chat/controller.clienttest.ts': 'export {};\n',
      'worker/package.json': pkg('worker', { dependencies: { bullmq: '5.0.0', express: '5.0.0' } }),
      'worker/src/queues/ingest.ts': 'export async function ingest() {}\n',
      'worker/src/scripts/replay/replay.ts': 'export async function replay() { await fetch("https://api.example/replay"); }\n',
    });
    const entries = await listRoles({ cwd, perFile: true });
    expect(Object.fromEntries(entries.map((e) => [e.path, `${e.role}: ${e.reason}`]))).toEqual({
      'web/src/__e2e__/api.servertest.ts': 'test: test file or folder by name',
      'web/src/components/chat/controller.clienttest.ts': 'test: test file or folder by name',
      'web/src/features/traces/components/export.ts': 'server: imports server-only modules',
      'web/src/features/traces/components/search-json.ts': 'client: module in a components/ or hooks/ folder of a Next.js app with no server imports',
      'web/src/features/traces/server/service.ts': 'server: Next.js module with no client-only code',
      'web/src/hooks/use-debounce.ts': 'client: module in a components/ or hooks/ folder of a Next.js app with no server imports',
      'web/src/pages/api/traces.ts': 'server: Next.js API route (pages/api)',
      'web/src/utils/prepare-html.client.ts': 'client: *.client module',
      'worker/src/queues/ingest.ts': 'server: package "worker" depends on express',
      'worker/src/scripts/replay/replay.ts': 'script: script, migration, seed or tool by path',
    });
  });

  it('a NestJS API with runtime config modules, tool configs and e-mail templates', async () => {
    const cwd = repo({
      'package.json': pkg('api', { dependencies: { '@nestjs/core': '11.0.0', '@react-email/components': '0.5.0', react: '19.0.0' } }),
      'drizzle.config.ts': 'export default { schema: "./src/db/schema.ts" };\n',
      '.eslintrc.js': 'module.exports = {};\n',
      'src/config/auth.config.ts': "export const authConfig = () => ({ secret: process.env.AUTH_SECRET });\n",
      'src/config/database.config.ts': 'export default () => ({ url: process.env.DATABASE_URL });\n',
      'src/tools/vite.config.ts': 'export default {};\n',
      'src/emails/welcome.tsx': "import { Html, Text } from '@react-email/components';\nexport function Welcome() { return <Html><Text>Hi</Text></Html>; }\n",
    });
    expect(await roles(cwd)).toEqual({
      '.eslintrc.js': 'script',
      'drizzle.config.ts': 'script',
      'src/config/auth.config.ts': 'server',
      'src/config/database.config.ts': 'server',
      'src/emails/welcome.tsx': 'server',
      'src/tools/vite.config.ts': 'script',
    });
  });

  it('groups folders whose files share a decision and says why', async () => {
    const cwd = repo({
      'package.json': pkg('acme', { workspaces: ['apps/*'] }),
      'apps/api/package.json': pkg('@acme/api', { dependencies: { fastify: '5.0.0' } }),
      'apps/api/src/a.ts': 'export {};\n',
      'apps/api/src/b/c.ts': 'export {};\n',
      'apps/api/src/d.test.ts': 'export {};\n',
    });
    expect(await listRoles({ cwd })).toEqual([
      { path: 'apps/api/src/a.ts', role: 'server', evidence: 'package', reason: 'package "@acme/api" depends on fastify', files: 1 },
      { path: 'apps/api/src/b/c.ts', role: 'server', evidence: 'package', reason: 'package "@acme/api" depends on fastify', files: 1 },
      { path: 'apps/api/src/d.test.ts', role: 'test', evidence: 'convention', reason: 'test file or folder by name', files: 1 },
    ]);
  });
});
