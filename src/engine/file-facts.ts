import picomatch from 'picomatch';
import type { FileFacts } from '../types.js';

/** Globs that decide what kind of file a path is; config `files` adds to them. */
export interface FilePatterns {
  tests: string[];
  scripts: string[];
  loggerModules: string[];
}

export const defaultFilePatterns: FilePatterns = {
  tests: ['**/*.{test,spec}.*', '**/__tests__/**', '**/__mocks__/**', 'test/**', 'tests/**', '**/test/**', '**/tests/**', '**/e2e/**', '**/*.e2e.*', '**/cypress/**', '**/playwright/**', '**/vitest.config.*', '**/jest.config.*', '**/jest.setup.*'],
  scripts: ['bin/**', '**/bin/**', 'scripts/**', '**/scripts/**', '**/cli/**', '**/cli.*'],
  loggerModules: ['**/logger.*', '**/logging.*', '**/log.*', '**/logger/**', '**/logging/**', '**/loggers/**'],
};

export type FileClassifier = (filePath: string, text: string) => FileFacts;

export function mergePatterns(extra: Partial<FilePatterns> | undefined): FilePatterns {
  return {
    tests: [...defaultFilePatterns.tests, ...(extra?.tests ?? [])],
    scripts: [...defaultFilePatterns.scripts, ...(extra?.scripts ?? [])],
    loggerModules: [...defaultFilePatterns.loggerModules, ...(extra?.loggerModules ?? [])],
  };
}

const USE_CLIENT = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*['"]use client['"]/;

/** Builds the classifier once per run; matching is on the path relative to the working directory. */
export function createFileClassifier(patterns: FilePatterns = defaultFilePatterns): FileClassifier {
  const opts = { dot: true };
  const isTest = picomatch(patterns.tests, opts);
  const isScript = picomatch(patterns.scripts, opts);
  const isLogger = picomatch(patterns.loggerModules, opts);
  return (filePath, text) => ({
    isTest: isTest(filePath),
    isScript: text.startsWith('#!') || isScript(filePath),
    isClient: USE_CLIENT.test(text.slice(0, 2000)),
    isLoggerModule: isLogger(filePath),
  });
}
