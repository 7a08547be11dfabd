/**
 * Where a file's code runs: server, client (browser, mobile, desktop, browser or editor extension), test,
 * script/CLI or generated. Decided from the project, strongest evidence first: the user's `files.*` globs, a
 * generated-code header, test conventions, the file's own markers (`'use client'`, `import 'server-only'`),
 * the conventions of the framework its package is built on, script conventions, the package's dependencies and
 * `bin`, then what the file imports and, last, path conventions. Every rule declares the roles it judges
 * (`meta.roles`) and the engine runs it on no other file.
 *
 * Runs on every file before it is parsed, so it reads the text with a few anchored regexes over the first
 * kilobytes and the package manifests once per directory.
 */
import path from 'node:path';
import { dependsOn, type PackageInfo, type Workspace } from './workspace.js';
import { routeConventionOf } from '../knowledge/routes.js';

export type CodeRole = 'server' | 'client' | 'test' | 'script' | 'generated';
/** The roles a rule judges when its meta does not say: everything but tests and generated code. */
export const DEFAULT_RULE_ROLES: readonly CodeRole[] = ['server', 'client', 'script'];

/** Where client code runs. */
export type ClientPlatform = 'browser' | 'mobile' | 'desktop' | 'extension' | 'editor';

/** The kind of evidence a decision rests on, strongest first. */
export type RoleEvidence = 'config' | 'generated' | 'convention' | 'marker' | 'framework' | 'package' | 'imports' | 'path' | 'default';

export interface RoleDecision {
  role: CodeRole;
  platform?: ClientPlatform;
  evidence: RoleEvidence;
  /** Why, in words: `Next.js route handler (app/**\/route.ts)`, `package "api" depends on express`. */
  reason: string;
}

/** Path globs per role, matched on the path below the audited directory. */
export interface RoleGlobs {
  /** The config's globs also get the file's absolute path (nested configs match below their own directory). */
  test: (p: string, abs?: string) => boolean;
  script: (p: string, abs?: string) => boolean;
  /** Folders of a command-line tool (`commands/`, `cli/`): weaker than the package's dependencies. */
  cli: (p: string, abs?: string) => boolean;
  client: (p: string, abs?: string) => boolean;
  server: (p: string, abs?: string) => boolean;
  generated: (p: string, abs?: string) => boolean;
}

export interface RoleInput {
  /** The path globs are matched on (below the audited directory, `/` separators). */
  path: string;
  /** Absolute path, to find the file's package; without it only the text and the path decide. */
  abs?: string;
  text: string;
}

// --- what packages depend on -------------------------------------------------------------------------------

/**
 * Run-time dependencies that make a package a server: HTTP frameworks, job queues, serverless runtimes, data
 * layers. (As development dependencies they mostly serve tests.)
 */
export const SERVER_PACKAGES: readonly string[] = [
  'express', 'fastify', 'koa', 'hono', '@hono/node-server', '@nestjs/core', '@nestjs/common', '@trpc/server', 'bullmq', 'bull',
  '@hapi/hapi', 'restify', '@apollo/server', 'apollo-server', 'apollo-server-express', 'graphql-yoga', 'elysia', 'polka',
  '@feathersjs/feathers', '@adonisjs/core', 'moleculer', '@temporalio/worker', 'socket.io', '@vercel/node', '@netlify/functions',
  'firebase-admin', 'firebase-functions', 'inngest', '@trigger.dev/sdk', '@orpc/server', 'nodemailer',
  '@prisma/client', 'drizzle-orm', 'knex', 'typeorm', 'mongoose', 'sequelize', 'pg', 'mysql2', 'mysql', 'kysely', 'mongodb',
  'ioredis', 'better-sqlite3', '@mikro-orm/core', 'objection',
];

/** Development dependencies that still make a package a server: the tooling of serverless and edge workers. */
const SERVER_TOOLING: readonly string[] = ['wrangler', '@cloudflare/workers-types', '@types/aws-lambda', 'serverless', 'aws-cdk-lib'];

/** Dependencies (run time or development: front ends are bundled) of a user interface that runs in a browser. */
const BROWSER_PACKAGES: readonly string[] = [
  'vue', 'svelte', 'solid-js', 'preact', '@angular/core', 'lit', '@docusaurus/core', 'vitepress', '@builder.io/qwik',
];

/** react-dom renders on servers too (emails, RSC builds): it marks a browser app only next to a bundler. */
const BROWSER_BUNDLERS: readonly string[] = ['vite', 'webpack', 'react-scripts', 'parcel', '@rsbuild/core', '@rspack/core', '@vitejs/plugin-react', '@vitejs/plugin-react-swc', '@storybook/react', '@storybook/react-vite'];

const MOBILE_PACKAGES: readonly string[] = ['expo', 'react-native'];
const DESKTOP_PACKAGES: readonly string[] = ['electron', '@tauri-apps/api'];
const EXTENSION_PACKAGES: readonly string[] = ['webextension-polyfill', 'wxt', 'plasmo', '@crxjs/vite-plugin', '@types/chrome', '@types/webextension-polyfill'];
// `playwright` alone is a browser automation library (PDF rendering, scraping), not a test runner
const TEST_RUNNERS: readonly string[] = ['@playwright/test', 'cypress', 'vitest', 'jest', 'mocha', '@jest/globals'];

// a package named for tests: @acme/testing, packages/e2e_tests, test-helpers, api-tests
const TEST_PACKAGE_NAME = /(?:^|[-_.])(?:e2e|tests?|testing|test[-_]?helpers?|test[-_]?utils?|specs?|cypress|playwright|mocks?)(?:$|[-_.])/;

// a build or tool's configuration: `*.config.*` or `.*rc.js` at the package root (`vite.config.ts`,
// `drizzle.config.ts`), or named for a known tool anywhere; deeper in the source, `auth.config.ts` or
// `database.config.ts` is the application's own runtime configuration
const CONFIG_FILE = /^(?:([\w.-]+)\.config|\.[\w-]+rc)\.[cm]?[jt]s$/;
const TOOL_CONFIG_NAMES = new Set([
  'vite', 'vitest', 'next', 'nuxt', 'astro', 'svelte', 'remix', 'react-router', 'tailwind', 'postcss', 'drizzle', 'webpack', 'rollup', 'rolldown',
  'rspack', 'esbuild', 'tsup', 'tsdown', 'jest', 'playwright', 'cypress', 'eslint', 'prettier', 'babel', 'metro', 'knip', 'commitlint', 'stylelint',
  'lint-staged', 'turbo', 'unocss', 'uno', 'panda', 'typedoc', 'storybook', 'wxt', 'electron-builder', 'electron.vite', 'nodemon', 'pm2', 'ecosystem',
]);
function isToolConfig(p: string): boolean {
  const slash = p.lastIndexOf('/');
  const m = CONFIG_FILE.exec(p.slice(slash + 1));
  if (!m) return false;
  return slash < 0 || m[1] === undefined || TOOL_CONFIG_NAMES.has(m[1]);
}

// --- what a file's text says -------------------------------------------------------------------------------

// the first statement's module specifier context: `from '…'`, `import '…'`, `import('…')`, `require('…')`
const IMPORT_OF = String.raw`(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]`;
const TEST_IMPORT = new RegExp(`${IMPORT_OF}(?:vitest|@jest/globals|@playwright/test|cypress|@testing-library/[\\w-]+|supertest|node:test|msw(?:/node)?|nock|@nestjs/testing|chai|sinon)['"]`);
const CLI_IMPORT = new RegExp(`${IMPORT_OF}(?:commander|yargs(?:/yargs)?|cac|meow|@oclif/core|clipanion|nest-commander|@inquirer/prompts|inquirer|prompts|@clack/prompts|citty)['"]`);
// an HTTP server or its middleware: a file that imports one beside a command-line parser is the server's own
// application (it reads its start-up options), not a script
const HTTP_SERVER_IMPORT = new RegExp(`${IMPORT_OF}(?:node:)?(?:https?|http2|express|fastify|koa|koa-[\\w-]+|@koa/[\\w-]+|hono|@hono/[\\w-]+|@hapi/hapi|restify|polka)['"]`);
// a build script: `build.js` beside a browser bundle, importing the bundler it drives
const BUILD_SCRIPT = /(?:^|\/)(?:build|bundle)(?:[-.][\w-]+)?\.[cm]?[jt]s$/;
const BUNDLER_IMPORT = new RegExp(`${IMPORT_OF}(?:esbuild|rollup|rolldown|webpack|vite|tsup|@vercel/ncc|@rspack/core|@swc/core|terser)['"]`);
const SERVER_ONLY_IMPORT = /^\s*import\s*['"]server-only['"]/m;
const CLIENT_ONLY_IMPORT = /^\s*import\s*['"]client-only['"]/m;
// import from modules that only run on a server: Node built-ins, HTTP frameworks, database drivers, Next's
// server APIs (not @prisma/client or drizzle-orm: client code imports their enums and types)
const SERVER_IMPORT = new RegExp(
  `${IMPORT_OF}(?:node:[\\w/]+|fs|fs/promises|child_process|nodemailer|express|fastify|koa|hono|@hono/node-server|@nestjs/[\\w-]+|knex|pg|mysql2(?:/promise)?|mongoose|typeorm|sequelize|kysely|mongodb|ioredis|bullmq|@trpc/server(?:/[\\w-]+)*|next/server|next/headers|@remix-run/node|@react-router/node)['"]`,
);
// React's client-only hooks and renderers, mobile and desktop UI toolkits: code that cannot run on a server
const CLIENT_API = new RegExp(
  `(?:\\bReact\\.|(?<![.\\w]))use(?:State|Effect|LayoutEffect|Reducer|Ref|Callback|Memo|Transition|DeferredValue|ImperativeHandle|SyncExternalStore|Optimistic|ActionState|FormStatus)\\s*[(<]|${IMPORT_OF}(?:react-dom(?:/client)?|react-native|expo(?:-[\\w-]+)?|electron/renderer|@tauri-apps/api(?:/[\\w-]+)*|webextension-polyfill)['"]`,
);
// useToast(), useLingui(): any hook call by React's naming rule (not `app.useGlobalPipes`); weaker than a
// package's dependencies, since server libraries have a few such names (class-validator's useContainer).
// Matched on the code alone (codeOnly): JSDoc examples and strings show hooks too.
const HOOK_CALL = /(?<![.\w$])use[A-Z]\w*\s*(?:<[^>\n]*>\s*)?\(/;
// a use-name imported by name, and the module it comes from
const USE_IMPORT = /\bimport\s+(?:type\s+)?(?:\w+\s*,\s*)?\{[^}]*\buse[A-Z][^}]*\}\s*from\s*['"]([^'"]+)['"]/g;
// a module of hooks: a UI framework's binding (`next-auth/react`, `@vueuse/core`), a hooks/ or composables/
// folder, a use-… file (`./use-toast`, `@/hooks/useSession`)
const HOOK_MODULE = /react|vue|svelte|solid|preact|(?:^|\/)(?:hooks?|composables)(?:\/|$)|(?:^|\/)use[-A-Z]/;
// what HOOK_CALL needs somewhere in the text, found without trying every line: most files have no hook name
const HOOK_NAME = /(?<![.\w$])use[A-Z]/;
const SERVER_HOOKS = /(?<![.\w$])use(?:Container|RuntimeConfig|Storage|NitroApp|Body|Session\s*\(\s*event)\b/;

// JSX that renders e-mail on the server: a .tsx template is not browser code
const EMAIL_TEMPLATE_IMPORT = new RegExp(`${IMPORT_OF}(?:@react-email/[\\w-]+|react-email|jsx-email|mjml-react|@faire/mjml-react)['"]`);
// a UI framework module, or front-end state and data-fetching libraries
const UI_IMPORT = new RegExp(
  `${IMPORT_OF}(?:react|preact|vue|svelte(?:/store)?|solid-js|@angular/core|next/navigation|next/router|next/link|next/image|@remix-run/react|react-router-dom|@tanstack/(?:react|vue|svelte|solid)-query|swr|zustand|jotai|@vueuse/core|pinia|vuex|jquery)['"]`,
);

// React's server APIs (`import { cache } from 'react'` in a data module of a server-components app) are no UI
const REACT_SERVER_API = String.raw`(?:cache|experimental_taint\w*|taint\w*)(?:\s+as\s+\w+)?`;
const REACT_SERVER_IMPORT = new RegExp(String.raw`\bimport\s*\{\s*${REACT_SERVER_API}(?:\s*,\s*${REACT_SERVER_API})*\s*,?\s*\}\s*from\s*['"]react['"]`, 'g');

/** The file imports a UI framework (not only React's server APIs). */
const importsUi = (text: string): boolean => UI_IMPORT.test(text.includes('react') ? text.replace(REACT_SERVER_IMPORT, '') : text);
// window.location, localStorage.getItem, import.meta.env.VITE_: code that only runs in a page
// (as code: not in a comment, nor in a string or template literal of code sent to a browser)
const BROWSER_GLOBAL = /\b(?:window|localStorage|sessionStorage)\.[A-Za-z]|\bdocument\.(?:getElement|querySelector|createElement|create\w*Node|body\b|cookie\b|addEventListener|documentElement|getRootNode)|\bimport\.meta\.env\.VITE_/;
// a DOM built on a server (`const { document } = parseHTML(html)`, a JSDOM's window, a headless browser's page)
const SERVER_DOM = new RegExp(`${IMPORT_OF}(jsdom|linkedom|happy-dom|domino|@xmldom/xmldom|puppeteer(?:-core)?|playwright(?:-core)?)['"]`);
const LOCAL_DOM = /\b(?:const|let|var)\s+(?:\{[^}]*\b(?:window|document)\b[^}]*\}|(?:window|document)\b)\s*=/;
// the scan for code only for a text that names a browser global at all (most server files do not)
const usesBrowserGlobals = (text: string): boolean => BROWSER_GLOBAL.test(text) && BROWSER_GLOBAL.test(codeOnly(text));
// a header written by a generator: `// @generated`, `Code generated by X. DO NOT EDIT.`, `auto-generated`
// (case-sensitive: prose such as "the topics generated from them" is not a header)
const GENERATED_HEADER = /@generated\b|\bDO NOT EDIT\b|\b[Aa]uto-?generated\b|\b[Cc]ode generated by\b|\b(?:This|this) (?:file|code) (?:was|is|has been) (?:auto(?:matically)?[- ]?)?generated\b/;
// CommonJS emitted by tsc, Babel or esbuild
const COMPILED_JS = /Object\.defineProperty\(exports,\s*["']__esModule["']|\bexports\.__esModule\s*=|\bvar __(?:awaiter|createBinding|importDefault|importStar|decorate|generator)\s*=|\bfunction _interopRequireDefault\(|\b__toCommonJS\(/;
// export async function loader / export const action / export { loader }
const ROUTE_SERVER_EXPORT = /\bexport\s+(?:async\s+)?(?:function\*?|const|let|var)\s+(?:loader|action)\b|\bexport\s*\{[^}]*\b(?:loader|action)\b[^}]*\}/;
const SERVER_SIDE_PROPS = /\bexport\s+(?:async\s+)?(?:function|const)\s+(?:getServerSideProps|getStaticProps|getStaticPaths)\b/;

const HEAD = 4096;

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xfeff || code === 0xa0;
}

/** Skips whitespace and comments from `i`; returns where code starts. */
function skipTrivia(text: string, i: number): number {
  for (;;) {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    if (text.startsWith('//', i)) {
      const eol = text.indexOf('\n', i);
      i = eol === -1 ? text.length : eol + 1;
    } else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      i = close === -1 ? text.length : close + 2;
    } else {
      return i;
    }
  }
}

/**
 * The directive prologue (`'use client'`, `"use server"`) after leading comments, read in one linear pass: a
 * regex like `^(\s|//.*\n|/\*[\s\S]*?\*\/)*'use client'` backtracks exponentially on a file of comments.
 */
export function directivePrologue(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  if (text.startsWith('#!')) i = text.indexOf('\n') + 1 || text.length;
  while (out.length < 8) {
    i = skipTrivia(text, i);
    const quote = text[i];
    if (quote !== '"' && quote !== "'") break;
    const end = text.indexOf(quote, i + 1);
    if (end === -1 || text.slice(i + 1, end).includes('\n')) break;
    out.push(text.slice(i + 1, end));
    i = end + 1;
    while (text[i] === ' ' || text[i] === '\t') i++;
    if (text[i] === ';') i++;
  }
  return out;
}

// after these words a `/` starts a regular expression, not a division
const REGEX_AFTER_WORD = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'yield', 'await', 'instanceof']);
const isWordChar = (c: string): boolean => /[\w$]/.test(c);

/**
 * The text with comments, string literals, template-literal text and regular-expression literals blanked
 * (newlines kept, so offsets and lines stay), for the regexes that must see only code: `window.location` inside
 * an HTML template or a snippet sent to a browser is no use of the browser, nor is a hook named in a comment.
 * One linear scan; the `${…}` substitutions of a template stay code. (A tokenizer's approximation: a `/` after
 * a word, `)` or `]` is a division.)
 */
export function codeOnly(text: string): string {
  const n = text.length;
  const parts: string[] = [];
  let kept = 0; // the start of the code not yet copied to `parts`
  const blank = (from: number, to: number): void => {
    parts.push(text.slice(kept, from), text.slice(from, to).replace(/[^\n]/g, ' '));
    kept = to;
  };
  /** Skips a quoted run from `i` (just past the opening quote) to its closing `quote`; stops at a line end. */
  const quoted = (i: number, quote: string): number => {
    while (i < n && text[i] !== quote && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
    return Math.min(i + 1, n);
  };
  const substitutions: number[] = []; // per open `${`, the brace depth its `}` closes at
  let depth = 0;
  let regexAllowed = true;
  let i = 0;
  while (i < n) {
    const c = text[i]!;
    if (c === '/' && text[i + 1] === '/') {
      const eol = text.indexOf('\n', i);
      const end = eol === -1 ? n : eol;
      blank(i, end);
      i = end;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      const end = close === -1 ? n : close + 2;
      blank(i, end);
      i = end;
    } else if (c === '"' || c === "'") {
      const end = quoted(i + 1, c);
      blank(i, end);
      i = end;
      regexAllowed = false;
    } else if (c === '`' || (c === '}' && substitutions.length > 0 && substitutions[substitutions.length - 1] === depth)) {
      if (c === '}') substitutions.pop();
      let j = i + 1;
      while (j < n && text[j] !== '`' && !(text[j] === '$' && text[j + 1] === '{')) j += text[j] === '\\' ? 2 : 1;
      j = Math.min(j, n);
      blank(i + 1, j);
      if (text[j] === '$') {
        substitutions.push(depth);
        i = j + 2;
        regexAllowed = true;
      } else {
        i = j + 1;
        regexAllowed = false;
      }
    } else if (c === '/' && regexAllowed) {
      let j = i + 1;
      let inClass = false;
      while (j < n && text[j] !== '\n' && (inClass || text[j] !== '/')) {
        if (text[j] === '[') inClass = true;
        else if (text[j] === ']') inClass = false;
        j += text[j] === '\\' ? 2 : 1;
      }
      const end = Math.min(j + 1, n);
      blank(i, end);
      i = end;
      regexAllowed = false;
    } else if (isWordChar(c)) {
      let j = i + 1;
      while (j < n && isWordChar(text[j]!)) j++;
      regexAllowed = REGEX_AFTER_WORD.has(text.slice(i, j));
      i = j;
    } else {
      if (c === '{') depth++;
      else if (c === '}') depth--;
      if (!isSpace(text.charCodeAt(i))) regexAllowed = c !== ')' && c !== ']';
      i++;
    }
  }
  parts.push(text.slice(kept));
  return parts.join('');
}

/** The comments before the first token (a license or generator header), at most `HEAD` characters. */
function leadingComments(text: string): string {
  const start = text.startsWith('#!') ? text.indexOf('\n') + 1 || text.length : 0;
  return text.slice(start, Math.min(skipTrivia(text, start), start + HEAD));
}

// --- the decision ------------------------------------------------------------------------------------------

const server = (evidence: RoleEvidence, reason: string): RoleDecision => ({ role: 'server', evidence, reason });
const client = (evidence: RoleEvidence, reason: string, platform: ClientPlatform = 'browser'): RoleDecision => ({ role: 'client', platform, evidence, reason });
const of = (role: CodeRole, evidence: RoleEvidence, reason: string): RoleDecision => ({ role, evidence, reason });

function packageLabel(pkg: PackageInfo, root: string | undefined): string {
  if (pkg.name) return `package "${pkg.name}"`;
  const rel = root ? path.relative(root, pkg.dir).split(path.sep).join('/') : '';
  return rel ? `package ${rel}/` : 'the root package';
}

const packageRoles = new WeakMap<PackageInfo, RoleDecision | null>();

/** The role a package's dependencies, name and `bin` give all its files, or undefined when they do not decide. */
export function packageRole(pkg: PackageInfo, root?: string): RoleDecision | undefined {
  let cached = packageRoles.get(pkg);
  if (cached === undefined) {
    cached = decidePackage(pkg, root) ?? null;
    packageRoles.set(pkg, cached);
  }
  return cached ?? undefined;
}

function decidePackage(pkg: PackageInfo, root: string | undefined): RoleDecision | undefined {
  const label = packageLabel(pkg, root);
  const first = (names: readonly string[]): string | undefined => names.find((n) => dependsOn(pkg, n));
  const baseName = (pkg.name ?? '').split('/').pop()!;
  const dirName = path.basename(pkg.dir);
  if (pkg.workspaces.length === 0 && (TEST_PACKAGE_NAME.test(baseName) || TEST_PACKAGE_NAME.test(dirName))) return of('test', 'package', `${label} is named for tests`);
  const runner = TEST_RUNNERS.find((n) => pkg.runtime.has(n));
  const serverDep = SERVER_PACKAGES.find((n) => pkg.runtime.has(n)) ?? first(SERVER_TOOLING);
  if (runner && !serverDep && pkg.workspaces.length === 0) return of('test', 'package', `${label} depends on ${runner} at run time`);
  // a monorepo root holds every workspace's dependencies: with a server among them it decides nothing by itself
  if (pkg.workspaces.length > 0 && serverDep) return undefined;
  if (pkg.isEditorExtension) return client('package', `${label} is an editor extension (engines.vscode)`, 'editor');
  const extension = first(EXTENSION_PACKAGES);
  if (pkg.isBrowserExtension || extension) return client('package', pkg.isBrowserExtension ? `${label} is a browser extension (manifest.json)` : `${label} depends on ${extension}`, 'extension');
  const mobile = first(MOBILE_PACKAGES);
  if (mobile) return client('package', `${label} depends on ${mobile}`, 'mobile');
  const desktop = first(DESKTOP_PACKAGES);
  if (desktop) return client('package', `${label} depends on ${desktop}`, 'desktop');
  // a meta-framework's files are decided by its conventions
  if (pkg.framework) return undefined;
  const bundler = first(BROWSER_BUNDLERS);
  const browserDep = first(BROWSER_PACKAGES) ?? (bundler && dependsOn(pkg, 'react-dom') ? `react-dom and ${bundler}` : undefined);
  if (serverDep && browserDep) return undefined;
  if (serverDep) return server('package', `${label} depends on ${serverDep}`);
  if (browserDep) return client('package', `${label} depends on ${browserDep}`);
  // a library that also ships a command (main/exports and bin) is judged file by file
  if (pkg.bin.length > 0 && !pkg.isLibrary) return of('script', 'package', `${label} is a command-line tool (bin)`);
  return undefined;
}

const isJsx = (p: string): boolean => /\.[jt]sx$/.test(p);

/** A use-name is imported from a module of hooks (`next-auth/react`, `@/hooks/use-session`). */
function importsHook(text: string): boolean {
  for (const m of text.matchAll(USE_IMPORT)) if (HOOK_MODULE.test(m[1]!)) return true;
  return false;
}

/**
 * The file calls hooks: a `useX(…)` call (in code) where a use-name means a hook, in a component file, beside a
 * UI framework's import or with a use-name imported from a hooks module. Elsewhere `useSupabaseAdmin(c)` or a
 * class's `useDataSourceTransaction(…)` method is a server function that happens to start with `use`.
 */
const usesHooks = (text: string, file: string): boolean =>
  HOOK_NAME.test(text) && !SERVER_HOOKS.test(text) && (isJsx(file) || importsUi(text) || importsHook(text)) && HOOK_CALL.test(codeOnly(text));

/** A file of a meta-framework app that no convention names: what it uses decides, then its extension. */
function byUse(text: string, file: string, framework: string): RoleDecision {
  if (usesHooks(text, file)) return client('imports', 'calls React hooks (useX)');
  if (SERVER_IMPORT.test(text)) return server('imports', 'imports server-only modules');
  if (importsUi(text)) return client('imports', 'imports a UI framework');
  return isJsx(file) ? client('framework', `component file in a ${framework} app`) : server('framework', `${framework} module with no client-only code`);
}

/** The file conventions of the framework a package is built on, for a path relative to the package. */
function frameworkConvention(pkg: PackageInfo, p: string, text: string): RoleDecision | undefined {
  switch (pkg.framework) {
    case 'next':
      {
        const route = routeConventionOf(p, 'package');
        if (route) return server('framework', route.label);
      }
      if (/^(?:src\/)?instrumentation-client\.[cm]?[jt]s$/.test(p)) return client('framework', 'Next.js client instrumentation');
      if (/^(?:src\/)?(?:middleware|proxy|instrumentation(?:[.-](?:node|edge))?)\.[cm]?[jt]s$/.test(p)) return server('framework', 'Next.js middleware or instrumentation');
      if (/^(?:src\/)?app\//.test(p)) {
        if (CLIENT_API.test(text) || usesHooks(text, p)) return client('imports', 'calls React hooks: a client component imported by one marked use client');
        return server('framework', "Next.js app/ file: a server component unless marked 'use client'");
      }
      if (/^(?:src\/)?pages\//.test(p)) {
        return SERVER_SIDE_PROPS.test(text) ? server('framework', 'Next.js page with getServerSideProps/getStaticProps') : client('framework', 'Next.js page (pages router)');
      }
      return undefined;
    case 'remix':
      if (/^app\/entry\.client\.[jt]sx?$/.test(p)) return client('framework', 'Remix/React Router client entry');
      if (/^app\/entry\.server\.[jt]sx?$/.test(p)) return server('framework', 'Remix/React Router server entry');
      if (ROUTE_SERVER_EXPORT.test(text)) return server('framework', 'Remix/React Router route module with a loader or action');
      if (/^app\/routes?\//.test(p)) return client('framework', 'Remix/React Router route without a loader or action');
      return undefined;
    case 'sveltekit':
      if (/(?:^|\/)\+(?:page|layout)\.server\.[jt]s$|(?:^|\/)\+server\.[jt]s$|(?:^|\/)hooks\.server\.[jt]s$|^src\/lib\/server\//.test(p)) return server('framework', 'SvelteKit server module (+server, +page.server, hooks.server, lib/server)');
      if (/(?:^|\/)\+(?:page|layout)\.[jt]s$|(?:^|\/)hooks\.client\.[jt]s$/.test(p)) return client('framework', 'SvelteKit universal load or client hook');
      return undefined;
    case 'nuxt':
      return /^(?:src\/)?server\//.test(p) ? server('framework', 'Nuxt server/ directory (Nitro)') : undefined;
    case 'astro':
      return /^src\/pages\/.*\.[cm]?[jt]s$|^src\/middleware\.[jt]s$|^src\/actions\//.test(p) ? server('framework', 'Astro endpoint, middleware or action') : undefined;
    default:
      return undefined;
  }
}

// a React app's component and hook folders: what the pages import and render, in the browser
const COMPONENT_FOLDER = /(?:^|\/)(?:components|hooks)\//;

/** A meta-framework app's file that no convention names. */
function frameworkDefault(pkg: PackageInfo, p: string, text: string): RoleDecision | undefined {
  switch (pkg.framework) {
    case 'next':
    case 'remix':
      // outside app/ (whose files are server components by default): a helper beside the components
      if (COMPONENT_FOLDER.test(p) && !SERVER_IMPORT.test(text)) return client('framework', `module in a components/ or hooks/ folder of a ${pkg.framework === 'next' ? 'Next.js' : 'Remix'} app with no server imports`);
      return byUse(text, p, pkg.framework === 'next' ? 'Next.js' : 'Remix');
    case 'astro':
      return byUse(text, p, 'Astro');
    case 'sveltekit':
      // SvelteKit refuses to bundle server modules for the browser, so code outside its server conventions may run there
      return SERVER_IMPORT.test(text) ? server('imports', 'imports server-only modules') : client('framework', 'SvelteKit module outside the server conventions');
    case 'nuxt':
      return SERVER_IMPORT.test(text) ? server('imports', 'imports server-only modules') : client('framework', 'Nuxt app code outside server/');
    default:
      return undefined;
  }
}

function isBinEntry(pkg: PackageInfo, p: string): boolean {
  const stem = (f: string): string => f.replace(/\.[cm]?[jt]sx?$/, '');
  const file = stem(p);
  // bin: dist/cli.js is built from src/cli.ts
  return pkg.bin.some((b) => stem(b) === file || stem(b).replace(/^(?:dist|build|lib|out)\//, 'src/') === file);
}

const USER_GLOBS: ReadonlyArray<[CodeRole, keyof RoleGlobs]> = [['generated', 'generated'], ['test', 'test'], ['script', 'script'], ['script', 'cli'], ['client', 'client'], ['server', 'server']];
const CONFIG_KEY: Record<keyof RoleGlobs, string> = { generated: 'generated', test: 'tests', script: 'scripts', cli: 'cliFolders', client: 'browser', server: 'server' };

export interface RoleDecider {
  decide(input: RoleInput): RoleDecision;
}

/** The nearest tsconfig/jsconfig above a file and its compiler options (`ErrorOptionsLookup.projectConfig`). */
export interface ProjectConfigs {
  projectConfig(abs: string): { file?: string; options?: { lib?: string[]; types?: string[] }; references?: { lib?: string[]; types?: string[] }[] };
}

// an HTTP route registered with an inline handler: `app.post('/', async (c) => …)`, `router.get('/x', function`
// (not `api.get('/users')`: an HTTP client's call in a browser)
const ROUTE_HANDLER = /\b(?:app|router|routes|server|fastify|hono)\.(?:get|post|put|patch|delete|all|options|head)\s*\(\s*['"`][^'"`\n]*['"`]\s*,\s*(?:async\s+)?(?:\([^)]*\)\s*(?::[^=]+)?=>|\w+\s*=>|function\b)/;

/**
 * A folder below its package with its own tsconfig that compiles for the browser (`lib` lists DOM, `types`
 * not Node): a script bundled for pages inside a server package (an analytics snippet, an embed).
 */
function browserBundle(configs: ProjectConfigs, pkg: PackageInfo, abs: string, root: string | undefined): RoleDecision | undefined {
  const { file, options, references } = configs.projectConfig(abs);
  if (!file || !options) return undefined;
  const dir = path.dirname(file);
  const below = path.relative(pkg.dir, dir);
  if (!below || below.startsWith('..') || path.isAbsolute(below)) return undefined;
  const forBrowser = (o: { lib?: string[]; types?: string[] }): boolean => o.lib?.some((l) => /^lib\.dom\.d\.ts$/i.test(path.basename(l))) === true && !o.types?.includes('node');
  // a solution-style tsconfig (`"files": []` and `references`, as Nx writes for a NestJS app) compiles nothing: the
  // configs it references do (tsconfig.app.json with `types: ["node"]`), and all of them must be the browser's
  if (!(references ?? [options]).every(forBrowser)) return undefined;
  const shown = path.relative(root ?? pkg.dir, file).split(path.sep).join('/');
  return client('package', `${shown} compiles for the browser (lib: DOM)`);
}

/**
 * A package that says nothing of its role by itself, nested inside a server package's tree (a plug-in or service
 * folder with its own `package.json` for its own dependencies, as Gladys's `server/services/*`), runs in that server.
 */
function enclosingServer(pkg: PackageInfo, workspace: Workspace | undefined, root: string | undefined): RoleDecision | undefined {
  const outer = workspace?.packageOf(pkg.dir);
  const role = outer ? packageRole(outer, root) : undefined;
  return role?.role === 'server' ? server('package', `nested in a server package: ${role.reason}`) : undefined;
}

/**
 * Builds the decision for a run. `user` are the config's `files.*` globs (they override everything);
 * `defaults` are errlint's own path conventions; `workspace` finds packages (omit it to decide from text and
 * path alone); `root` names packages in reasons.
 */
export function createRoleDecider(user: Partial<RoleGlobs>, defaults: RoleGlobs, workspace?: Workspace, root?: string, configs?: ProjectConfigs): RoleDecider {
  return {
    decide({ path: given, abs, text }) {
      for (const [role, key] of USER_GLOBS) {
        if (user[key]?.(given, abs)) return role === 'client' ? client('config', 'config files.browser') : of(role, 'config', `config files.${CONFIG_KEY[key]}`);
      }
      // path conventions read the path inside the file's package, so the decision does not depend on the directory
      // named on the command line (`errlint audit scripts` still sees `scripts/seed.ts`); with no package, the
      // path below the audited directory
      const pkg = abs ? workspace?.packageOf(abs) : undefined;
      const p = pkg && abs ? path.relative(pkg.dir, abs).split(path.sep).join('/') : given;
      const isJs = /\.[cm]?jsx?$/.test(p);
      const head = text.length > HEAD ? text.slice(0, HEAD) : text;
      if (GENERATED_HEADER.test(leadingComments(text))) return of('generated', 'generated', 'generated-code header');
      if (isJs && COMPILED_JS.test(head)) return of('generated', 'generated', 'compiled CommonJS output (tsc/Babel/esbuild helpers)');
      if (defaults.generated(p)) return of('generated', 'convention', 'generated-code path (generated/, *.generated.*)');

      if (defaults.test(p)) return of('test', 'convention', 'test file or folder by name');
      if (TEST_IMPORT.test(text)) return of('test', 'imports', 'imports a test framework');

      const prologue = directivePrologue(text);
      if (prologue.includes('use client')) return client('marker', "'use client' directive");
      if (prologue.includes('use server')) return server('marker', "'use server' directive (server actions)");
      if (SERVER_ONLY_IMPORT.test(head)) return server('marker', "import 'server-only'");
      if (CLIENT_ONLY_IMPORT.test(head)) return client('marker', "import 'client-only'");
      // the folder form of the same markers: packages/lib/server-only/…, packages/lib/client-only/…
      if (/(?:^|\/)server-only\//.test(p)) return server('marker', 'in a server-only/ folder');
      if (/(?:^|\/)client-only\//.test(p)) return client('marker', 'in a client-only/ folder');

      const pkgRole = pkg ? (packageRole(pkg, root) ?? enclosingServer(pkg, workspace, root)) : undefined;
      // a test package's files are tests whatever their names; a mobile app's, mobile code
      if (pkgRole?.role === 'test') return pkgRole;
      if (/\.server\.[cm]?[jt]sx?$/.test(p)) return server('framework', '*.server module');
      // in a plain backend, `stripe.client.ts` is an API client, not browser code
      if (/\.client\.[cm]?[jt]sx?$/.test(p) && pkg?.framework) return client('framework', '*.client module');
      const convention = pkg && pkgRole?.role !== 'client' ? frameworkConvention(pkg, p, text) : undefined;
      if (convention) return convention;

      if (text.startsWith('#!')) return of('script', 'convention', 'starts with a shebang (#!)');
      if (defaults.script(p)) return of('script', 'convention', 'script, migration, seed or tool by path');
      if (isToolConfig(p)) return of('script', 'convention', 'build or tool configuration (*.config.*, .*rc.js)');
      if (pkg && isBinEntry(pkg, p)) return of('script', 'package', `the ${packageLabel(pkg, root)}'s bin entry`);
      if (BUILD_SCRIPT.test(p) && BUNDLER_IMPORT.test(text)) return of('script', 'imports', 'build script (build.* importing a bundler)');
      // (beside an HTTP server's import it is the server application reading its start-up options)
      if (CLI_IMPORT.test(text) && !HTTP_SERVER_IMPORT.test(text)) return of('script', 'imports', 'imports a command-line parser or prompt library');
      if (EMAIL_TEMPLATE_IMPORT.test(head)) return server('imports', 'an e-mail template rendered on the server (react-email, jsx-email, mjml-react)');
      if (pkgRole?.role === 'client') return pkgRole;
      const bundle = pkg && abs && configs ? browserBundle(configs, pkg, abs, root) : undefined;
      if (bundle) return bundle;
      if (CLIENT_API.test(text)) return client('imports', 'uses client-only APIs (React hooks, react-dom)');
      // (not beside Node or server imports: `document` then lives in a headless browser's page.evaluate or a JSDOM)
      if (usesBrowserGlobals(text) && !SERVER_IMPORT.test(text)) {
        const dom = SERVER_DOM.exec(text);
        if (!dom && !LOCAL_DOM.test(text)) return client('imports', 'uses browser globals (window, document, localStorage)');
        if (!pkgRole) return server('imports', `uses a DOM built on the server (${dom ? `imports ${dom[1]}` : 'a local window or document'})`);
      }
      if (pkgRole) return pkgRole;
      if (defaults.cli(p)) return of('script', 'convention', 'command-line folder (cli/, commands/)');
      const fallback = pkg ? frameworkDefault(pkg, p, text) : undefined;
      if (fallback) return fallback;

      if (usesHooks(text, p)) return client('imports', 'calls React hooks (useX)');
      if (SERVER_IMPORT.test(text)) return server('imports', 'imports server-only modules');
      if (importsUi(text)) return client('imports', 'imports a UI framework');
      if (ROUTE_HANDLER.test(text)) return server('imports', 'registers HTTP route handlers (app.get(…), router.post(…))');
      if (defaults.server(p)) return server('path', 'server folder or file by path');
      if (defaults.client(p)) return client('path', 'front-end folder or JSX file by path');
      return server('default', 'no evidence of another role: server code by default');
    },
  };
}
