import picomatch from 'picomatch';
import type { FileFacts } from '../types.js';

/** Globs that decide what kind of file a path is; config `files` adds to them. */
export interface FilePatterns {
  tests: string[];
  scripts: string[];
  loggerModules: string[];
  /** Front-end code: the console is the platform's logger there and requests are the user's to cancel. */
  browser: string[];
  /** Examples, demos, fixtures, docs and benchmarks: code that is not the application itself. */
  examples: string[];
  /** Server code inside a front-end tree (Next.js route handlers, `pages/api`, Remix `.server` modules): never browser code. */
  server: string[];
}

export const defaultFilePatterns: FilePatterns = {
  tests: ['**/*.{test,spec}.*', '**/__tests__/**', '**/__mocks__/**', '**/__fixtures__/**', '**/test-utils/**', 'test/**', 'tests/**', '**/test/**', '**/tests/**', '**/e2e/**', '**/*.e2e.*', '**/cypress/**', '**/playwright/**', '**/vitest.config.*', '**/jest.config.*', '**/jest.setup.*'],
  // CLI programs and run-once programs (seeds, migrations), where console output is the interface.
  scripts: ['bin/**', '**/bin/**', 'scripts/**', '**/scripts/**', '**/cli/**', '**/cli.*', '**/commands/**', 'tools/**', '**/tools/**', '**/{migration,migrations,migrate}/**', '**/{seed,seeds,seeder,seeders,seeding}/**', '**/*.{seed,seeder,migration}.*', '**/{seed,seeds}.*'],
  loggerModules: ['**/logger.*', '**/logging.*', '**/log.*', '**/debug.*', '**/logger/**', '**/logging/**', '**/loggers/**'],
  browser: [
    '**/*.{tsx,jsx}',
    '**/{frontend,webapp,browser,extension,public}/**',
    '{client,frontend,web}/**',
    '**/{apps,packages}/{web,client,frontend,ui,dashboard,site,www,app}/**',
    '**/{apps,packages}/{mobile,native,expo,ios,android,desktop,electron,extension}/**',
    '**/{apps,packages}/{web,client,frontend,ui,dashboard,site,www,app}-*/**',
    '**/packages/*-{web,ui,frontend,client,app,desktop,extension}/**',
  ],
  examples: ['**/{example,examples,demo,demos,sample,samples,fixture,fixtures,doc,docs,benchmark,benchmarks,bench,playground,storybook,.storybook}/**'],
  server: ['**/app/**/route.{ts,js,mts,mjs}', 'app/**/route.{ts,js,mts,mjs}', '**/pages/api/**', 'pages/api/**', '**/middleware.{ts,js}', '**/instrumentation.{ts,js}', '**/*.server.{ts,tsx,js,jsx}', '**/server/**', 'server/**'],
};

export type FileClassifier = (filePath: string, text: string) => FileFacts;

export function mergePatterns(extra: Partial<FilePatterns> | undefined): FilePatterns {
  return {
    tests: [...defaultFilePatterns.tests, ...(extra?.tests ?? [])],
    scripts: [...defaultFilePatterns.scripts, ...(extra?.scripts ?? [])],
    loggerModules: [...defaultFilePatterns.loggerModules, ...(extra?.loggerModules ?? [])],
    browser: [...defaultFilePatterns.browser, ...(extra?.browser ?? [])],
    examples: [...defaultFilePatterns.examples, ...(extra?.examples ?? [])],
    server: [...defaultFilePatterns.server, ...(extra?.server ?? [])],
  };
}

// 'use server', import 'server-only', next/server or next/headers: code that runs on the server only.
const SERVER_IMPORT = /['"](?:server-only|next\/server|next\/headers)['"]/;
// import React from 'react', require('vue'): a UI framework module.
const UI_IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"](?:react|react-dom|react-dom\/client|preact|vue|svelte|solid-js|@angular\/core|next\/navigation|next\/router|@remix-run\/react|react-native|expo|@tanstack\/(?:react|vue)-query|@vueuse\/core|pinia|vuex|jquery)['"]/;
// window.location, localStorage.getItem, import.meta.env.VITE_: code that only runs in a page.
const BROWSER_GLOBALS = /\b(?:window|document|localStorage|sessionStorage|navigator)\.[A-Za-z]|\bimport\.meta\.env\.VITE_/;

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xfeff || code === 0xa0;
}

/**
 * The directive prologue (`'use client'`, `"use server"`) after leading comments, read in one linear pass: a
 * regex like `^(\s|//.*\n|/\*[\s\S]*?\*\/)*'use client'` backtracks exponentially on a file of comments.
 */
export function directivePrologue(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (out.length < 8) {
    for (;;) {
      while (i < text.length && isSpace(text.charCodeAt(i))) i++;
      if (text.startsWith('//', i)) {
        const eol = text.indexOf('\n', i);
        i = eol === -1 ? text.length : eol + 1;
      } else if (text.startsWith('/*', i)) {
        const close = text.indexOf('*/', i + 2);
        i = close === -1 ? text.length : close + 2;
      } else {
        break;
      }
    }
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

/** UI framework imports or browser globals (two regexes: measured faster than substring pre-checks). */
function mentionsBrowser(text: string): boolean {
  return UI_IMPORT.test(text) || BROWSER_GLOBALS.test(text);
}

/**
 * Builds the classifier once per run. Matching is on the path below the directory being audited (so auditing
 * `fixtures/app` classifies `fixtures/app/src/x.ts` as `src/x.ts`), or relative to the working directory.
 */
export function createFileClassifier(patterns: FilePatterns = defaultFilePatterns): FileClassifier {
  const opts = { dot: true };
  const isTest = picomatch(patterns.tests, opts);
  const isScript = picomatch(patterns.scripts, opts);
  const isLogger = picomatch(patterns.loggerModules, opts);
  const isBrowserPath = picomatch(patterns.browser, opts);
  const isExample = picomatch(patterns.examples, opts);
  const isServerPath = picomatch(patterns.server, opts);
  return (filePath, text) => {
    const prologue = directivePrologue(text);
    const isClient = prologue.includes('use client');
    return {
      isTest: isTest(filePath),
      isScript: text.startsWith('#!') || isScript(filePath),
      isClient,
      isBrowser: isClient || (!isServerPath(filePath) && !prologue.includes('use server') && !SERVER_IMPORT.test(text) && (isBrowserPath(filePath) || mentionsBrowser(text))),
      isLoggerModule: isLogger(filePath),
      isExample: isExample(filePath),
    };
  };
}
