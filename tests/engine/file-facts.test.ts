import { describe, expect, it } from 'vitest';
import { createFileClassifier, mergePatterns } from '../../src/engine/file-facts.js';

const classify = createFileClassifier();

describe('file facts', () => {
  it.each([
    ['src/orders.test.ts', 'isTest'],
    ['src/__tests__/orders.ts', 'isTest'],
    ['packages/api/__fixtures__/handler.ts', 'isTest'],
    ['bin/run.ts', 'isScript'],
    ['src/scripts/backfill.ts', 'isScript'],
    ['src/commands/import-users.command.ts', 'isScript'],
    ['db/migrations/0001_init.ts', 'isScript'],
    ['prisma/seed.ts', 'isScript'],
    ['src/seeders/users.ts', 'isScript'],
    ['src/lib/logger.ts', 'isLoggerModule'],
    ['src/components/Button.tsx', 'isBrowser'],
    ['apps/web/src/api.ts', 'isBrowser'],
    ['packages/ui/src/toast.ts', 'isBrowser'],
    ['apps/mobile/lib/cache.ts', 'isBrowser'],
    ['examples/express/server.ts', 'isExample'],
    ['fixtures/payment-service/before/src/server.ts', 'isExample'],
    ['tools/release.ts', 'isScript'],
  ] as const)('%s is %s', (path, fact) => {
    expect(classify(path, 'export {};\n')[fact]).toBe(true);
  });

  it.each([
    ['src/orders/order.service.ts'],
    ['src/app/api/orders/route.ts'],
    ['apps/api/src/main.ts'],
  ])('%s is plain server code', (path) => {
    expect(classify(path, 'import express from "express";\n')).toEqual({ isTest: false, isScript: false, isClient: false, isBrowser: false, isLoggerModule: false, isExample: false });
  });

  it('reads the first lines: shebang, use client, UI imports, browser globals', () => {
    expect(classify('src/tool.ts', '#!/usr/bin/env node\n').isScript).toBe(true);
    expect(classify('src/a.ts', "'use client';\nexport {};\n")).toMatchObject({ isClient: true, isBrowser: true });
    expect(classify('src/a.ts', "import { ref } from 'vue';\n").isBrowser).toBe(true);
    expect(classify('src/a.ts', 'const x = localStorage.getItem("k");\n').isBrowser).toBe(true);
    expect(classify('src/a.ts', 'const url = import.meta.env.VITE_API;\n').isBrowser).toBe(true);
  });

  it.each([
    ['apps/web/app/api/orders/route.ts', 'export async function GET() {}\n'],
    ['apps/web/pages/api/orders.ts', 'export default function handler(req, res) {}\n'],
    ['apps/web/lib/orders.ts', "import 'server-only';\n"],
    ['apps/web/lib/actions.ts', "'use server';\nexport async function save() {}\n"],
    ['apps/web/app/routes/orders.server.ts', 'export const load = 1;\n'],
  ])('%s in a front-end tree is server code', (path, text) => {
    expect(classify(path, text).isBrowser).toBe(false);
  });

  it('reads the directive prologue in linear time, even in a file made of comments', () => {
    const comments = '/*\n * a\n */\n// b\n'.repeat(2000);
    // a backtracking regex never returns on this input: the test would hang until vitest's timeout
    expect(classify('src/a.ts', comments + 'export {};\n').isClient).toBe(false);
    expect(classify('src/a.ts', "/* license */\n// note\n'use strict';\n'use client';\n").isClient).toBe(true);
    expect(classify('src/a.ts', "const a = 'use client';\n").isClient).toBe(false);
  });

  it('takes extra globs from config', () => {
    const custom = createFileClassifier(mergePatterns({ tests: ['spec/**'], browser: ['src/views/**'] }));
    expect(custom('spec/a.ts', '').isTest).toBe(true);
    expect(custom('src/views/a.ts', '').isBrowser).toBe(true);
  });
});
