import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listRoles } from '../../src/model/role-report.js';
import { codeOnly } from '../../src/model/roles.js';
import { tempProject } from '../utils/temp-project.js';

// Role evidence that was read wrongly on real backends (validation set C): each family as a small tree, with the
// decision and the reason `errlint roles` shows for every file.

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function repo(files: Record<string, string>): string {
  const dir = tempProject(files, 'errlint-roles-evidence-');
  fs.mkdirSync(path.join(dir, '.git'));
  dirs.push(dir);
  return dir;
}

const pkg = (name: string, extra: Record<string, unknown> = {}): string => JSON.stringify({ name, private: true, ...extra });

async function reasons(cwd: string): Promise<Record<string, string>> {
  const entries = await listRoles({ cwd, perFile: true });
  return Object.fromEntries(entries.map((e) => [e.path, `${e.role}: ${e.reason}`]));
}

describe('what a hook is', () => {
  it('a use-name is a hook in a component file, beside a UI import or imported from a hooks module; not a server helper or a method', async () => {
    const cwd = repo({
      // a root that hoists a server framework and a front end decides nothing by itself
      'package.json': pkg('console', { dependencies: { hono: '4.0.0', vue: '3.5.0' } }),
      'functions/utils/supabase.ts': 'export function useSupabaseAdmin(c: unknown) {\n  return { c };\n}\n',
      'functions/private/log_as.ts': "import { useSupabaseAdmin } from '../utils/supabase.ts';\nexport async function logAs(c: unknown) {\n  const admin = useSupabaseAdmin(c);\n  return admin;\n}\n",
      'lib/workflow-plugin.ts':
        "import { Plugin } from './plugin-base';\nexport class WorkflowPlugin extends Plugin {\n  useDataSourceTransaction(name = 'main', transaction?: unknown) {\n    return transaction ?? name;\n  }\n}\n",
      'lib/plugin-base.ts': 'export class Plugin {}\n',
      'shop/cart.ts': "import { useStore } from './hooks/store';\nexport function useCart() {\n  return useStore();\n}\n",
      'shop/user.ts': "import { useSession } from 'next-auth/react';\nexport const useUser = () => useSession().data;\n",
      'shop/toast.ts': "import { useToastQueue } from '@/components/ui/use-toast';\nexport const useToast = () => useToastQueue();\n",
      'shop/badge.tsx': "export function Badge() {\n  const t = useTranslate();\n  return <b>{t('new')}</b>;\n}\n",
      'shop/docs.ts': "// const cart = useCart();\nexport const example = 'const cart = useCart();';\n",
    });
    expect(await reasons(cwd)).toEqual({
      'functions/private/log_as.ts': 'server: no evidence of another role: server code by default',
      'functions/utils/supabase.ts': 'server: no evidence of another role: server code by default',
      'lib/plugin-base.ts': 'server: no evidence of another role: server code by default',
      'lib/workflow-plugin.ts': 'server: no evidence of another role: server code by default',
      'shop/badge.tsx': 'client: calls React hooks (useX)',
      'shop/cart.ts': 'client: calls React hooks (useX)',
      'shop/docs.ts': 'server: no evidence of another role: server code by default',
      'shop/toast.ts': 'client: calls React hooks (useX)',
      'shop/user.ts': 'client: calls React hooks (useX)',
    });
  });
});

describe('browser globals count as code only', () => {
  it('window or document inside a string or a template literal sent to a browser is no browser code; in code or a substitution it is', async () => {
    const cwd = repo({
      'lib/stripe-return.ts': 'export const page = (url: string) => `<script>setTimeout(() => { window.location.href = ${JSON.stringify(url)}; }, 2000)</script>`;\n',
      'lib/chat-embed.ts': "export const openChat = 'if (window.$chat) window.$chat.toggle(\"open\");';\n",
      'lib/snippet.ts': 'export const snippet = (id: string) => `const s = document.createElement("script");\n  s.dataset.id = "${id}";\n  document.body.append(s);`;\n',
      'lib/viewport.ts': '/* window.innerWidth is read by the page */\nexport const probe = (w: number) => w / 2 / 3;\n',
      'lib/origin.ts': 'export const origin = () => window.location.origin;\n',
      'lib/share-url.ts': 'export const shareUrl = (id: string) => `${window.location.origin}/s/${id}`;\n',
      'lib/pattern.ts': "const QUOTE = /'/g;\nexport const escape = (s: string) => s.replace(QUOTE, '&#39;') + localStorage.getItem('x');\n",
    });
    expect(await reasons(cwd)).toEqual({
      'lib/chat-embed.ts': 'server: no evidence of another role: server code by default',
      'lib/origin.ts': 'client: uses browser globals (window, document, localStorage)',
      'lib/pattern.ts': 'client: uses browser globals (window, document, localStorage)',
      'lib/share-url.ts': 'client: uses browser globals (window, document, localStorage)',
      'lib/snippet.ts': 'server: no evidence of another role: server code by default',
      'lib/stripe-return.ts': 'server: no evidence of another role: server code by default',
      'lib/viewport.ts': 'server: no evidence of another role: server code by default',
    });
  });

  it('codeOnly blanks comments, strings, template text and regular expressions and keeps substitutions and lines', () => {
    const cases: [string, string][] = [
      ['a("window.x") + b', 'a(          ) + b'],
      ["x = 'it''s'", 'x =        '],
      ['f(`a ${window.y} b`)', 'f(`  ${window.y}  `)'],
      ['f(`a ${g({ k: `in ${h}` })} b`)', 'f(`  ${g({ k: `   ${h}` })}  `)'],
      ['x = /w"/.test(s) // window.z', 'x =     .test(s)            '],
      ['a = b / c / d', 'a = b / c / d'],
      ['/* window */\nuse()', '            \nuse()'],
      ['return /x/', 'return    '],
    ];
    expect(cases.map(([text]) => codeOnly(text))).toEqual(cases.map(([, want]) => want));
  });

  it('a DOM built on the server (linkedom, jsdom) is server code', async () => {
    const cwd = repo({
      'package.json': pkg('reader', { workspaces: ['api'] }),
      'api/package.json': pkg('@reader/api', { dependencies: { express: '5.0.0', linkedom: '0.18.0' } }),
      'api/src/jobs/preview.ts': "import { parseHTML } from 'linkedom';\nexport function preview(html: string) {\n  const { document } = parseHTML(html);\n  return document.documentElement.textContent;\n}\n",
      'lib/highlight.ts': "import { JSDOM } from 'jsdom';\nexport const text = (html: string) => new JSDOM(html).window.document.body.textContent;\n",
      'lib/outline.ts': 'export function outline(page: { window: unknown }) {\n  const window = page.window as { document: { querySelector(s: string): unknown } };\n  return window.document.querySelector("h1");\n}\n',
    });
    expect(await reasons(cwd)).toEqual({
      'api/src/jobs/preview.ts': 'server: package "@reader/api" depends on express',
      'lib/highlight.ts': 'server: uses a DOM built on the server (imports jsdom)',
      'lib/outline.ts': 'server: uses a DOM built on the server (a local window or document)',
    });
  });
});

describe('server code in folders named like front ends', () => {
  it('TypeScript route handlers under public/ are server code; scripts served from public/ are browser code', async () => {
    const cwd = repo({
      'package.json': pkg('console', { dependencies: { hono: '4.0.0', vue: '3.5.0' }, devDependencies: { vite: '7.0.0' } }),
      'functions/_backend/utils/hono.ts': "import { Hono } from 'hono';\nexport const createApp = () => new Hono();\n",
      'functions/_backend/public/ok.ts': "import { createApp } from '../utils/hono.ts';\nexport const app = createApp();\napp.post('/', async (c) => c.json({ ok: true }));\n",
      'functions/_backend/public/channel/index.ts': "import { createApp } from '../../utils/hono.ts';\nimport { list } from './list.ts';\nexport const app = createApp();\napp.route('/', list);\n",
      'functions/_backend/public/channel/list.ts': "export const list = (c: { json(v: unknown): Response }) => c.json([]);\n",
      'site/public/js/menu.js': 'export const open = () => 1;\n',
    });
    expect(await reasons(cwd)).toEqual({
      'functions/_backend/public/channel/index.ts': 'server: no evidence of another role: server code by default',
      'functions/_backend/public/channel/list.ts': 'server: no evidence of another role: server code by default',
      'functions/_backend/public/ok.ts': 'server: registers HTTP route handlers (app.get(…), router.post(…))',
      'functions/_backend/utils/hono.ts': 'server: imports server-only modules',
      'site/public/js/menu.js': 'client: front-end folder or JSX file by path',
    });
  });

  it('a .tsx module that sends mail is server code, by its import or its package', async () => {
    const cwd = repo({
      'package.json': pkg('bots', { workspaces: ['packages/*'] }),
      'packages/engine/package.json': pkg('@bots/engine', { dependencies: { '@orpc/server': '1.0.0', nodemailer: '7.0.0' } }),
      'packages/engine/src/sendEmail.tsx': "import { render } from './render';\nexport const Notice = () => <p>{render()}</p>;\n",
      'packages/engine/src/render.ts': 'export const render = () => "sent";\n',
      'mail/notify.tsx': "import { createTransport } from 'nodemailer';\nexport const Notice = () => <p>{String(createTransport)}</p>;\n",
    });
    expect(await reasons(cwd)).toEqual({
      'mail/notify.tsx': 'server: imports server-only modules',
      'packages/engine/src/render.ts': 'server: package "@bots/engine" depends on @orpc/server',
      'packages/engine/src/sendEmail.tsx': 'server: package "@bots/engine" depends on @orpc/server',
    });
  });
});

describe('scripts, applications and test helpers', () => {
  it('a server application that parses its command line is server code; a command module is a script', async () => {
    const cwd = repo({
      'package.json': pkg('@acme/server', { dependencies: { koa: '2.0.0', commander: '12.0.0' } }),
      'src/application.ts': "import { Command } from 'commander';\nimport Koa from 'koa';\nexport class Application extends Koa {\n  cli = new Command('acme');\n}\n",
      'src/gateway.ts': "import { Command } from 'commander';\nimport http from 'http';\nexport const start = (cli: Command) => http.createServer().listen(Number(cli.opts().port));\n",
      'src/commands/migrate.ts': "import type { Options } from 'yargs';\nexport const options: Record<string, Options> = {};\n",
      'src/tasks/prune.ts': "import { program } from 'commander';\nexport const prune = () => program.parse();\n",
    });
    expect(await reasons(cwd)).toEqual({
      'src/application.ts': 'server: package "@acme/server" depends on koa',
      'src/commands/migrate.ts': 'script: imports a command-line parser or prompt library',
      'src/gateway.ts': 'server: package "@acme/server" depends on koa',
      'src/tasks/prune.ts': 'script: imports a command-line parser or prompt library',
    });
  });

  it('test helpers by folder: testing/, integration-tests/, __helpers__/', async () => {
    const cwd = repo({
      'package.json': pkg('notes', { workspaces: ['packages/*'] }),
      'packages/server/package.json': pkg('@notes/server', { dependencies: { koa: '2.0.0' } }),
      'packages/server/src/utils/testing/apiUtils.ts': 'export const call = async () => ({ status: 200 });\n',
      'packages/server/src/utils/testing/koa/FakeRequest.ts': 'export class FakeRequest {}\n',
      'packages/server/src/utils/routing.ts': 'export const route = () => 1;\n',
      'packages/tax/package.json': pkg('@notes/tax', { dependencies: { '@mikro-orm/core': '6.0.0' } }),
      'packages/tax/integration-tests/utils/setup-tax.ts': 'export const setup = async () => {};\n',
      'packages/tax/src/__helpers__/db.ts': 'export const db = {};\n',
      'packages/tax/src/services/tax.ts': 'export const rate = () => 0.2;\n',
    });
    expect(await reasons(cwd)).toEqual({
      'packages/server/src/utils/routing.ts': 'server: package "@notes/server" depends on koa',
      'packages/server/src/utils/testing/apiUtils.ts': 'test: test file or folder by name',
      'packages/server/src/utils/testing/koa/FakeRequest.ts': 'test: test file or folder by name',
      'packages/tax/integration-tests/utils/setup-tax.ts': 'test: test file or folder by name',
      'packages/tax/src/__helpers__/db.ts': 'test: test file or folder by name',
      'packages/tax/src/services/tax.ts': 'server: package "@notes/tax" depends on @mikro-orm/core',
    });
  });

  it("a browser bundle inside a server package: its folder's tsconfig compiles for the DOM, its build script drives a bundler", async () => {
    const cwd = repo({
      'server/package.json': pkg('analytics-backend', { dependencies: { fastify: '5.0.0' }, devDependencies: { esbuild: '0.25.0' } }),
      'server/tsconfig.json': JSON.stringify({ compilerOptions: { target: 'ES2020', lib: ['ES2020'] } }),
      'server/src/index.ts': 'export const port = 3001;\n',
      'server/src/tracker/tsconfig.json': JSON.stringify({ compilerOptions: { target: 'ES2020', lib: ['ES2020', 'DOM'] } }),
      'server/src/tracker/config.ts': 'export const defaults = { debounce: 500 };\n',
      'server/src/tracker/build.js': "import { build } from 'esbuild';\nawait build({ entryPoints: ['./index.ts'], bundle: true, platform: 'browser' });\n",
      'server/src/tracker/node-tsconfig/tsconfig.json': JSON.stringify({ compilerOptions: { lib: ['ES2020', 'DOM'], types: ['node'] } }),
      'server/src/tracker/node-tsconfig/render.ts': 'export const render = () => "";\n',
    });
    expect(await reasons(cwd)).toEqual({
      'server/src/index.ts': 'server: package "analytics-backend" depends on fastify',
      'server/src/tracker/build.js': 'script: build script (build.* importing a bundler)',
      'server/src/tracker/config.ts': 'client: server/src/tracker/tsconfig.json compiles for the browser (lib: DOM)',
      'server/src/tracker/node-tsconfig/render.ts': 'server: package "analytics-backend" depends on fastify',
    });
  });

  it('a solution-style tsconfig (files: [], references) is judged by the configs it references, test configs left out', async () => {
    // an Nx workspace: one root package, a base config with DOM in lib, each app's tsconfig.json only references
    const solution = (refs: string[]): string => JSON.stringify({ extends: '../../tsconfig.base.json', files: [], include: [], references: refs.map((p) => ({ path: p })) });
    const cwd = repo({
      'package.json': pkg('monorepo', { dependencies: { '@nestjs/core': '10.0.0', '@angular/core': '18.0.0' } }),
      'tsconfig.base.json': JSON.stringify({ compilerOptions: { target: 'es2021', lib: ['es2021', 'dom'] } }),
      'apps/api/tsconfig.json': solution(['./tsconfig.app.json', './tsconfig.spec.json']),
      'apps/api/tsconfig.app.json': JSON.stringify({ extends: './tsconfig.json', compilerOptions: { types: ['node'] }, include: ['**/*.ts'] }),
      'apps/api/tsconfig.spec.json': JSON.stringify({ extends: './tsconfig.json', compilerOptions: { types: ['jest'] }, include: ['**/*.spec.ts'] }),
      'apps/api/src/rates.service.ts': 'export class RatesService {\n  rate = 1;\n}\n',
      'apps/widget/tsconfig.json': solution(['./tsconfig.app.json', './tsconfig.spec.json']),
      'apps/widget/tsconfig.app.json': JSON.stringify({ extends: './tsconfig.json', compilerOptions: { types: [] }, include: ['**/*.ts'] }),
      'apps/widget/tsconfig.spec.json': JSON.stringify({ extends: './tsconfig.json', compilerOptions: { types: ['node', 'jest'] }, include: ['**/*.spec.ts'] }),
      'apps/widget/src/format.ts': 'export const format = (n: number) => n.toFixed(2);\n',
    });
    expect(await reasons(cwd)).toEqual({
      'apps/api/src/rates.service.ts': 'server: no evidence of another role: server code by default',
      'apps/widget/src/format.ts': 'client: apps/widget/tsconfig.json compiles for the browser (lib: DOM)',
    });
  });
});

// Families read wrongly on validation set E (retired to tuning material), each written from scratch.
describe('server code that looks like something else', () => {
  it("a data module of a server-components app that imports only React's cache (or taint) API is server code", async () => {
    const cwd = repo({
      'package.json': pkg('crm', { dependencies: { next: '15.0.0', react: '19.0.0', 'react-dom': '19.0.0', '@prisma/client': '6.0.0' } }),
      'lib/get-deals.ts': "import { cache } from 'react';\nimport { prisma } from './db';\nexport const getDeals = cache(async () => prisma.deal.findMany());\n",
      'lib/get-user.ts': "import { cache as memo, experimental_taintObjectReference } from 'react';\nexport const getUser = memo(async (id: string) => ({ id }));\nexport const t = experimental_taintObjectReference;\n",
      'lib/db.ts': "import { PrismaClient } from '@prisma/client';\nexport const prisma = new PrismaClient();\n",
      'lib/theme.ts': "import { createContext } from 'react';\nexport const Theme = createContext('light');\n",
    });
    const got = await reasons(cwd);
    expect(got['lib/get-deals.ts']).toMatch(/^server: /);
    expect(got['lib/get-user.ts']).toMatch(/^server: /);
    expect(got['lib/db.ts']).toMatch(/^server: /);
    expect(got['lib/theme.ts']).toBe('client: imports a UI framework');
  });

  it('tools/ is dev tooling only at the top of a package; deeper it holds an agent or MCP server’s tools', async () => {
    const cwd = repo({
      'package.json': pkg('agent-api', { dependencies: { express: '5.0.0' } }),
      'tools/release.ts': 'console.log(process.argv);\n',
      'lib/mcp/tools/search-accounts.ts': 'export async function searchAccounts(q: string) { return fetch(`https://api/x?q=${q}`); }\n',
      'src/tools/weather.ts': 'export const weather = async () => fetch("https://weather");\n',
    });
    expect(await reasons(cwd)).toEqual({
      'lib/mcp/tools/search-accounts.ts': 'server: package "agent-api" depends on express',
      'src/tools/weather.ts': 'server: package "agent-api" depends on express',
      'tools/release.ts': 'script: script, migration, seed or tool by path',
    });
  });

  it("a service folder with its own package.json inside a server package is server code, whatever its folders are called", async () => {
    const cwd = repo({
      'server/package.json': pkg('home-server', { dependencies: { express: '4.0.0', sequelize: '6.0.0' } }),
      'server/services/lights/package.json': pkg('lights-service', { dependencies: { mqtt: '5.0.0' } }),
      'server/services/lights/lib/commands/turn-on.js': 'module.exports = async function turnOn(device) { await device.send("on"); };\n',
      'server/services/lights/index.js': 'module.exports = function LightsService() { return {}; };\n',
      'tool/package.json': pkg('tool', { dependencies: { mqtt: '5.0.0' } }),
      'tool/commands/flash.js': 'console.log("flashing");\n',
    });
    expect(await reasons(cwd)).toEqual({
      'server/services/lights/index.js': 'server: nested in a server package: package "home-server" depends on express',
      'server/services/lights/lib/commands/turn-on.js': 'server: nested in a server package: package "home-server" depends on express',
      'tool/commands/flash.js': 'script: command-line folder (cli/, commands/)',
    });
  });
});
