import path from 'node:path';
import { createRoleDecider, type ProjectConfigs, type RoleDecision, type RoleGlobs } from '../model/roles.js';
import { ErrorOptionsLookup } from '../model/error-options.js';
import { VERSIONED_LIBRARIES } from '../knowledge/http.js';
import { Workspace } from '../model/workspace.js';
import type { FileFacts } from '../types.js';
import { isWithin } from '../discovery.js';
import { globMatcher } from '../glob.js';
import { routeGlobs } from '../knowledge/routes.js';

/** Globs that decide what kind of file a path is; config `files` adds to them, and its role globs override. */
export interface FilePatterns {
  tests: string[];
  scripts: string[];
  loggerModules: string[];
  /** Client code (browser, mobile, desktop, extension): the console is the platform's logger there and requests are the user's to cancel. */
  browser: string[];
  /** Examples, demos, fixtures, docs and benchmarks: code that is not the application itself. */
  examples: string[];
  /** Server code, whatever else the project says about it. */
  server: string[];
  /** Generated code: no rule reads it. */
  generated: string[];
  /** Folders of a command-line tool: script code unless the package is a server. */
  cliFolders: string[];
}

/**
 * errlint's own path conventions. Tests, generated code and scripts are named by convention and weigh more
 * than a package's dependencies; the browser and server folders are the last resort, when neither the file,
 * its framework nor its package decides.
 */
export const defaultFilePatterns: FilePatterns = {
  tests: [
    '**/*.{test,spec}.*', '**/__tests__/**', '**/__mocks__/**', '**/__fixtures__/**', '**/test-utils/**', 'test/**', 'tests/**', '**/test/**', '**/tests/**',
    '**/e2e/**', '**/__e2e__/**', '**/*.e2e.*', '**/*.{servertest,clienttest,unittest,e2etest}.*', '**/cypress/**', '**/playwright/**', '**/vitest.{config,setup,workspace}.*', '**/jest.{config,setup}.*', '**/setupTests.*',
    '**/{testing,test-helpers,test-helper,testHelpers,testUtils,test_utils,test_helpers,__helpers__,integration-tests,integration-test,e2e-tests,e2e_tests}/**',
    '**/{testhelp,test-helpers,test-helper,testHelpers,test-utils,testUtils,fixtures,mocks}.*', '**/*.{fixture,fixtures,mock,mocks,stories,story,bench}.*',
  ],
  // CLI programs and run-once programs (seeds, migrations), where console output is the interface. `tools/` at the
  // top of a package (paths are read inside the file's package) is its dev tooling; deeper (`src/tools/`,
  // `lib/mcp/tools/`, `nodes/tools/`) it holds an agent's or an MCP server's tools: server code.
  scripts: ['bin/**', '**/bin/**', 'scripts/**', '**/scripts/**', 'tools/**', '**/{migration,migrations,migrate}/**', '**/{seed,seeds,seeder,seeders,seeding}/**', '**/*.{seed,seeder,migration}.*', '**/{seed,seeds}.*'],
  loggerModules: ['**/logger.*', '**/logging.*', '**/log.*', '**/debug.*', '**/logger/**', '**/logging/**', '**/loggers/**'],
  browser: [
    '**/*.{tsx,jsx}',
    '**/{frontend,webapp,browser,extension}/**',
    // a web server's static files: scripts served as they are (TypeScript under public/ is compiled: server code)
    '**/public/**/*.{js,mjs,cjs,jsx}',
    '{client,frontend,web}/**',
    '**/{apps,packages}/{web,client,frontend,ui,dashboard,site,www,app}/**',
    '**/{apps,packages}/{mobile,native,expo,ios,android,desktop,electron,extension}/**',
    '**/{apps,packages}/{web,client,frontend,ui,dashboard,site,www,app}-*/**',
    '**/packages/*-{web,ui,frontend,client,app,desktop,extension}/**',
  ],
  // a `commands/` folder is a CLI's, unless its package is a server (NestJS CQRS command handlers)
  cliFolders: ['**/cli/**', '**/cli.*', '**/commands/**'],
  examples: ['**/{example,examples,demo,demos,sample,samples,fixture,fixtures,doc,docs,benchmark,benchmarks,bench,playground,storybook,.storybook}/**'],
  server: [...routeGlobs(), '**/middleware.{ts,js}', '**/instrumentation.{ts,js}', '**/*.server.{ts,tsx,js,jsx}', '**/server/**', 'server/**'],
  generated: ['**/generated/**', '**/__generated__/**', '**/*.generated.*', '**/*.gen.{ts,js}'],
};

/** What errlint knows about a file before it is parsed. `abs` lets the file's package and framework decide. */
export type FileClassifier = (filePath: string, text: string, abs?: string) => FileFacts;

export interface ClassifierOptions {
  /** Package lookups, shared by the files of a run; without one, only the text and path decide. */
  workspace?: Workspace;
  /** The directory package paths in reasons are relative to. */
  root?: string;
}

const none = (): boolean => false;

function matcher(globs: readonly string[] | undefined): (p: string) => boolean {
  return globs && globs.length > 0 ? globMatcher(globs, { dot: true }) : none;
}

/**
 * `files` globs by the directory of the config file that declares them (absolute paths), for nested configs:
 * each config's globs match the path below its own directory when that is deeper than the directory being
 * audited, and the path below the audited directory otherwise (as a single config's always have).
 */
export type FilePatternLayers = Record<string, Partial<FilePatterns>>;

/** A test of a file (the path below the audited directory, and its absolute path) against one `files` key. */
type PathTest = (p: string, abs?: string) => boolean;

function userMatcher(user: Partial<FilePatterns>, layers: FilePatternLayers | undefined, key: keyof FilePatterns): PathTest {
  if (!layers) return matcher(user[key]);
  const tests = Object.entries(layers)
    .filter(([, files]) => files[key]?.length)
    .map(([dir, files]) => [dir, matcher(files[key])] as const);
  if (tests.length === 0) return none;
  return (p, abs) => {
    const audited = abs ? auditedDir(abs, p) : undefined;
    return tests.some(([dir, test]) => test(audited && abs && isWithin(dir, audited) && isWithin(abs, dir) ? path.relative(dir, abs).split(path.sep).join('/') : p));
  };
}

/** The directory `p` is relative to: `abs` without `p` at its end, when it ends so. */
function auditedDir(abs: string, p: string): string | undefined {
  const native = p.split('/').join(path.sep);
  return abs.endsWith(path.sep + native) ? abs.slice(0, abs.length - native.length - 1) : undefined;
}

/**
 * Builds the classifier once per run. `user` is the config's `files`: its role globs override every other
 * evidence; its logger-module and example globs add to the defaults. The config's globs match the path below the
 * directory being audited (see README, `files`); errlint's own role conventions match the path inside the file's
 * package when it has one (so `errlint audit test/helpers` still sees a test folder), else the path below the
 * directory being audited (so auditing `fixtures/app` classifies `fixtures/app/src/x.ts` as `src/x.ts`).
 */
export function createFileClassifier(user: Partial<FilePatterns> = {}, options: ClassifierOptions & { layers?: FilePatternLayers } = {}): FileClassifier {
  const d = defaultFilePatterns;
  const errorOptions = new ErrorOptionsLookup();
  const decide = createRoleClassifier(user, { ...options, configs: errorOptions });
  const [defaultLogger, userLogger] = [matcher(d.loggerModules), userMatcher(user, options.layers, 'loggerModules')];
  const [defaultExample, userExample] = [matcher(d.examples), userMatcher(user, options.layers, 'examples')];
  return (filePath, text, abs) => {
    const decision = decide(filePath, text, abs);
    return {
      role: decision.role,
      ...(decision.platform ? { platform: decision.platform } : {}),
      roleReason: decision.reason,
      isLoggerModule: defaultLogger(filePath) || userLogger(filePath, abs),
      isExample: defaultExample(filePath) || userExample(filePath, abs),
      ...(abs ? { errorOptions: errorOptions.known(abs) } : {}),
      ...(abs && options.workspace ? libraryVersions(options.workspace, abs) : {}),
    };
  };
}

/** `{ libraryVersions }` from the package of the file at `abs`, when it declares any of `VERSIONED_LIBRARIES`. */
function libraryVersions(workspace: Workspace, abs: string): Pick<FileFacts, 'libraryVersions'> {
  const declared = workspace.packageOf(abs)?.versions ?? {};
  const found = VERSIONED_LIBRARIES.filter((name) => declared[name] !== undefined);
  return found.length > 0 ? { libraryVersions: Object.fromEntries(found.map((name) => [name, declared[name]!])) } : {};
}

/** The role decision alone, with its evidence (`errlint roles`). */
export function createRoleClassifier(user: Partial<FilePatterns> = {}, options: ClassifierOptions & { layers?: FilePatternLayers; configs?: ProjectConfigs } = {}): (filePath: string, text: string, abs?: string) => RoleDecision {
  const d = defaultFilePatterns;
  const defaults: RoleGlobs = { test: matcher(d.tests), script: matcher(d.scripts), cli: matcher(d.cliFolders), client: matcher(d.browser), server: matcher(d.server), generated: matcher(d.generated) };
  const { layers } = options;
  const overrides: Partial<RoleGlobs> = {
    test: userMatcher(user, layers, 'tests'),
    script: userMatcher(user, layers, 'scripts'),
    cli: userMatcher(user, layers, 'cliFolders'),
    client: userMatcher(user, layers, 'browser'),
    server: userMatcher(user, layers, 'server'),
    generated: userMatcher(user, layers, 'generated'),
  };
  const decider = createRoleDecider(overrides, defaults, options.workspace, options.root, options.configs ?? new ErrorOptionsLookup());
  return (filePath, text, abs) => decider.decide({ path: filePath, abs, text });
}

/** A classifier that finds each file's package on disk (the CLI and the ESLint plugin). */
export function createProjectClassifier(user: Partial<FilePatterns> | undefined, root: string, layers?: FilePatternLayers): FileClassifier {
  return createFileClassifier(user, { workspace: new Workspace(), root, ...(layers ? { layers } : {}) });
}
