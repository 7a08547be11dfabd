import type * as ts from 'typescript';
import type { TS } from './ts.js';
import type { Knowledge } from './knowledge/index.js';
import type { ClientPlatform, CodeRole } from './model/roles.js';

export type { TS, ClientPlatform, CodeRole };

/** Risk levels, most severe first. */
export const RISK_LEVELS = ['critical', 'high', 'medium', 'low'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export type RuleFamily = 'catch' | 'integrity' | 'boundary' | 'project';

/**
 * Rule sets, smallest first. `recommended` (the default run and the ESLint preset) holds the rules measured at
 * precision >= 0.9 on code nobody tuned them on; `strict` adds every other rule. Each set includes the ones
 * before it.
 */
export const PRESETS = ['recommended', 'strict'] as const;
export type Preset = (typeof PRESETS)[number];

/** A replacement of the source text between two offsets (`range[0]` inclusive, `range[1]` exclusive). */
export interface TextEdit {
  range: readonly [number, number];
  text: string;
}

/** One reason a finding is riskier than its rule's base risk. */
export interface RiskFactor {
  id: string;
  label: string;
  weight: number;
}

/** A JSON Schema object (draft-07 subset errlint uses for options and config). */
export type JsonSchema = Record<string, unknown>;

export interface RuleMeta<MessageIds extends string = string, Options = Record<string, unknown>> {
  id: string;
  family: RuleFamily;
  /** Base risk of a finding before context factors. */
  risk: RiskLevel;
  /** One line, starting with a verb. */
  description: string;
  messages: Record<MessageIds, string>;
  /** JSON Schema of the options object; every property has a description. */
  schema: JsonSchema;
  defaultOptions: Options;
  /** The rule offers behaviour-preserving fixes that `--fix` may apply. */
  fixable: boolean;
  hasSuggestions: boolean;
  /**
   * The smallest preset that holds the rule: `recommended` only when its findings were measured right at least
   * 9 times in 10 on code it was not tuned on (see `precision`), `strict` otherwise.
   */
  preset: Preset;
  /** CWE ids (e.g. `CWE-209`) for SARIF tags. */
  cwe?: string[];
  /**
   * How often a finding is right, SARIF's `precision`, from the last measurement on unseen code: `very-high`
   * >= 0.95, `high` >= 0.9, `medium` >= 0.6, `low` below.
   */
  precision: 'very-high' | 'high' | 'medium' | 'low';
  /** `project` rules need the whole tree and run in the CLI only. Default `file`. */
  scope?: 'file' | 'project';
  /**
   * The roles of code the rule judges; the engine runs it on no other file. Default `DEFAULT_RULE_ROLES`:
   * server, client and script code, never tests or generated code.
   */
  roles?: readonly CodeRole[];
  /**
   * The reasons the rule may give for not reporting a site that matches its pattern (`context.exempt`): stable
   * id → what it means. Shown by `errlint audit --show-exempt` and listed on the rule's doc page.
   */
  exemptions?: Readonly<Record<string, string>>;
}

export interface RuleDocs {
  url: string;
}

export interface SuggestionDescriptor<MessageIds extends string = string> {
  messageId: MessageIds;
  data?: Record<string, string | number>;
  edits: TextEdit[];
  /** Preserves behaviour, so `--fix` and ESLint's `fix` may apply it. Default false. */
  safe?: boolean;
  /**
   * The suggestion is offered only if this holds of another module (decided once every file is read, like a
   * finding's `dependsOn`); the finding stands either way.
   */
  dependsOn?: ModelCondition;
}

/**
 * A fact about another module a finding's verdict depends on: `api.get(url)` lacks a timeout only if the
 * `api` that `./http` exports is a client created without one. The finding stands only when it holds.
 */
export type ModelCondition =
  | WritesCondition
  | {
      /**
       * `client-without-timeout`: `api.get(url)` lacks a timeout if `api` is a client created without one.
       * `fetch-wrapper-without-timeout`: `fetchWithProxy(url)` if it is a fetch wrapper that sets none.
       * `logger`: a logger instance. `error-reporter`: a function that logs or reports the error it receives.
       * `error-class`: a class whose chain reaches an error. `not-client-error`: not a class the project marks as
       * a 4xx (holds when nothing is known). `message-first-logger`: a logger that takes `(message, error)`, not a
       * pino or bunyan logger, which takes `({ err }, message)` (holds when nothing is known).
       */
      fact: 'client-without-timeout' | 'fetch-wrapper-without-timeout' | 'logger' | 'error-reporter' | 'error-class' | 'not-client-error' | 'message-first-logger';
      /** The module specifier as the file wrote it. */
      module: string;
      /** The exported name (`default` for a default import). */
      imported: string;
      /** For `error-class`: the class must not be a 4xx either. */
      notClient?: boolean;
    }
  | {
      /**
       * `axios.get(url)` on the default instance lacks a timeout unless a module of the same package (a bootstrap
       * file) sets `axios.defaults.timeout`: axios's defaults are one object per process.
       */
      fact: 'axios-defaults-without-timeout';
    }
  | {
      /**
       * missing-transaction: the writes go through the client `txClient()` returns; they need a transaction of
       * their own unless that exported function hands out the ambient transaction of a CLS / AsyncLocalStorage
       * store (`cls.get('tx') ?? prisma`, `txHost.tx`): then they run in the caller's. With `member`, the client is
       * what that method of the imported class returns (`this.prismaService.txClient()`).
       */
      fact: 'not-ambient-client';
      module: string;
      imported: string;
      member?: string;
    }
  | {
      /**
       * swallowed-catch: the function the finding's file exports as `name` (a method `name` of an exported class
       * or object when `member`) may throw or reject where it answered before only if every caller in the other
       * files of its package handles that: none leaves the promise floating or passes the function on, and, when
       * `usesValue` (it answers callers a value on success), none uses the value it got on failure outside a try.
       */
      fact: 'callers-ready-for-throw';
      name: string;
      member: boolean;
      async: boolean;
      usesValue: boolean;
    }
  | {
      /** The opposite of `condition`: a by-hand note offered in place of a rewrite whose condition fails. */
      fact: 'not';
      condition: ModelCondition;
    }
  | {
      /** `serverError(res, e)`: the exported function sends its argument number `argument` to an HTTP response. */
      fact: 'sends-error-to-response';
      module: string;
      imported: string;
      argument: number;
    };

/** An exported callee as the calling file names it: `{ module: './tokens', path: ['TokenService', 'saveToken'] }`. */
export interface ModuleCall {
  module: string;
  path: string[];
}

/**
 * missing-transaction: the writes here need a transaction only if the listed calls into other modules make at
 * least `min` more (one step each that writes, two for one that makes several), and, when the function is a
 * callback handed to `wrapper`, that function does not run it inside a transaction.
 */
export interface WritesCondition {
  fact: 'writes-outside-transaction';
  calls: ModuleCall[];
  min: number;
  wrapper?: ModuleCall & { arg: number };
}

export interface ReportDescriptor<MessageIds extends string = string> {
  /** The node to underline (from `node.getStart()` to `node.getEnd()`). */
  node?: ts.Node;
  /** Or explicit offsets. */
  range?: readonly [number, number];
  messageId: MessageIds;
  data?: Record<string, string | number>;
  suggest?: SuggestionDescriptor<MessageIds>[];
  /** Rule-specific risk factors, added to the context factors the engine computes. */
  factors?: RiskFactor[];
  /** The node whose surroundings decide context risk factors; defaults to `node`. */
  anchor?: ts.Node;
  /** Replaces the rule's base risk for this finding (e.g. a development-only leak is low). */
  risk?: RiskLevel;
  /** The finding stands only if this holds of another module (decided once every file is read). */
  dependsOn?: ModelCondition;
}

/** What a file is, decided by the host from its path, config and first lines. */
export interface FileFacts {
  /** Where the file's code runs (`errlint roles` shows the decision); rules run only on the roles in their `meta.roles`. */
  role: CodeRole;
  /** For client code: where it runs. */
  platform?: ClientPlatform;
  /** Why the role was chosen, in words. */
  roleReason: string;
  /** Wraps console to build the project's logger (configured, or detected). */
  isLoggerModule: boolean;
  /** An example, demo, fixture, doc or benchmark, not the application (config `files.examples`). */
  isExample: boolean;
  /**
   * Whether `new Error(message, { cause })` type-checks in the file's project (its tsconfig's lib or target is
   * ES2022 or later, or it is JavaScript the project does not type-check). Unknown (undefined) without a path on
   * disk; suggestions then assume it does.
   */
  errorOptions?: boolean;
  /**
   * The version ranges the file's package declares for the libraries whose API a suggestion depends on
   * (`VERSIONED_LIBRARIES`: node-fetch 2 takes `timeout`, 3 takes an `AbortSignal`); absent when none is declared
   * or no package is known.
   */
  libraryVersions?: Readonly<Record<string, string>>;
}

/**
 * A rule's decision not to report a site that matches its pattern, with its reason: a value, so it can be tested
 * and shown (`errlint audit --show-exempt`). `reason` is one of the stable ids the rule declares in
 * `meta.exemptions` (its doc page lists them under "Exemption reasons").
 */
export interface Exemption {
  reason: string;
  /** The specific case, in words (`` `tryLoad` is named as a fallback helper ``). */
  detail: string;
}

/** A site a rule exempted, where it is. Lines and columns are 1-based; end is exclusive. */
export interface ExemptedSite extends Exemption {
  ruleId: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface RuleContext<Options = Record<string, unknown>, MessageIds extends string = string> {
  /** The compiler namespace that made `sourceFile`; rules never import `typescript` as a value. */
  ts: TS;
  sourceFile: ts.SourceFile;
  /** Path relative to the working directory, with `/` separators. */
  filePath: string;
  options: Readonly<Options>;
  knowledge: Knowledge;
  file: FileFacts;
  report(descriptor: ReportDescriptor<MessageIds>): void;
  /** Records a site the rule matched but exempted, and why (hosts that do not show exemptions ignore it). */
  exempt?(descriptor: { range: readonly [number, number]; exemption: Exemption }): void;
}

export type NodeListener = (node: ts.Node) => void;

/**
 * The node a listener of each `SyntaxKind` name receives: `CatchClause` → `ts.CatchClause`. A rule can listen to
 * the kinds named here; add a kind (its `SyntaxKind` name and node type) to listen to another.
 */
export interface ListenedNodes {
  ArrowFunction: ts.ArrowFunction;
  BinaryExpression: ts.BinaryExpression;
  CallExpression: ts.CallExpression;
  CatchClause: ts.CatchClause;
  ClassDeclaration: ts.ClassDeclaration;
  Constructor: ts.ConstructorDeclaration;
  DebuggerStatement: ts.DebuggerStatement;
  ExportAssignment: ts.ExportAssignment;
  FunctionDeclaration: ts.FunctionDeclaration;
  FunctionExpression: ts.FunctionExpression;
  GetAccessor: ts.GetAccessorDeclaration;
  Identifier: ts.Identifier;
  MethodDeclaration: ts.MethodDeclaration;
  NewExpression: ts.NewExpression;
  ParenthesizedExpression: ts.ParenthesizedExpression;
  PropertyAssignment: ts.PropertyAssignment;
  ReturnStatement: ts.ReturnStatement;
  SetAccessor: ts.SetAccessorDeclaration;
  StringLiteral: ts.StringLiteral;
  ThrowStatement: ts.ThrowStatement;
  TryStatement: ts.TryStatement;
  VariableDeclarationList: ts.VariableDeclarationList;
  VariableStatement: ts.VariableStatement;
}

/**
 * Listeners keyed by `SyntaxKind` name (`CatchClause`) or name + `:exit`, each receiving its kind's node type,
 * called during the engine's single traversal of the file. `SourceFile:exit` runs after the whole file.
 */
export type RuleListeners = { [K in keyof ListenedNodes]?: (node: ListenedNodes[K]) => void } & {
  [K in keyof ListenedNodes as `${K}:exit`]?: (node: ListenedNodes[K]) => void;
} & { 'SourceFile:exit'?: () => void };

export interface RuleModule<MessageIds extends string = string, Options = Record<string, unknown>> {
  meta: RuleMeta<MessageIds, Options> & { docs: RuleDocs };
  create(context: RuleContext<Options, MessageIds>): RuleListeners;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = RuleModule<string, any>;

export interface Suggestion {
  messageId: string;
  description: string;
  edits: TextEdit[];
  safe: boolean;
  /** Set until the project model decides the suggestion (see `SuggestionDescriptor.dependsOn`); never in a report. */
  dependsOn?: ModelCondition;
}

/** A finding as every host and reporter sees it. Lines and columns are 1-based; end is exclusive. */
export interface Finding {
  ruleId: string;
  messageId: string;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Offsets in the file's text. */
  range: [number, number];
  risk: RiskLevel;
  score: number;
  factors: RiskFactor[];
  suggestions: Suggestion[];
  /** The functions and classes around the finding (`OrderService.cancel`), part of its fingerprint. */
  context?: string;
  /** Set until the project model decides the finding (see `ReportDescriptor.dependsOn`); never in a report. */
  dependsOn?: ModelCondition;
}

/** A file that could not be analysed. */
export interface FileError {
  file: string;
  /** `analysis`: it parsed, but errlint could not analyse it (nested too deeply, over the time budget, a failure). */
  kind: 'parse' | 'read' | 'skipped' | 'analysis';
  message: string;
  line?: number;
  column?: number;
}

/*
 * Project rules (`meta.scope: 'project'`): checks that need the whole tree, run by the CLI only.
 * Per file, `create` returns listeners that run in the engine's single traversal and `collect` serialisable
 * facts; after every file, `check` sees all facts in file order and reports at a file + site.
 */

/** A place in a file, recorded while the file is parsed so facts stay plain data (no nodes, no text). */
export interface Site {
  /** Offsets in the file's text, `end` exclusive. */
  start: number;
  end: number;
  /** 1-based. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Context risk factors of the node (money path, HTTP handler, loop, exported), as file rules get them. */
  factors: RiskFactor[];
}

/** The per-file context of a project rule: a file rule's context plus fact collection. */
export interface ProjectFileContext<Options = Record<string, unknown>, Fact = unknown, MessageIds extends string = string>
  extends RuleContext<Options, MessageIds> {
  /** Records a fact about this file for `check`; it must survive `JSON.stringify`. */
  collect(fact: Fact): void;
  /** Where `node` sits, with its context risk factors. */
  site(node: ts.Node): Site;
}

/** The facts one file produced, with what the host knows about the file. */
export interface ProjectFile<Fact = unknown> {
  /** Relative to the working directory, `/` separators. */
  file: string;
  facts: Fact[];
  role: CodeRole;
  isExample: boolean;
}

/** What the host read from the project's `package.json` (nearest to the working directory), if any. */
export interface ProjectManifest {
  name?: string;
  dependencies: string[];
  scripts: Record<string, string>;
  /** Declares `main`, `exports`, `module` or `types`: a package meant to be imported. */
  isLibrary: boolean;
  /** Declares `bin`: a command-line tool (a server it starts is a local dev server). */
  isCli?: boolean;
}

/**
 * A package of the audited tree: a directory below the working directory with a `package.json` (a workspace
 * member, an app of a monorepo, or the root). Project rules judge each app with the packages it depends on.
 */
export interface ProjectPackage {
  /** Relative to the working directory, `/` separators; `''` is the working directory itself. */
  dir: string;
  manifest: ProjectManifest;
}

export interface ProjectReportDescriptor<MessageIds extends string = string> {
  file: string;
  site: Site;
  messageId: MessageIds;
  data?: Record<string, string | number>;
  /** Text-only advice (`edits: []`) or edits in `file`. */
  suggest?: SuggestionDescriptor<MessageIds>[];
  factors?: RiskFactor[];
  risk?: RiskLevel;
}

/** The context `check` runs in: options, knowledge, every file's path and the manifest, and `report`. */
export interface ProjectCheckContext<Options = Record<string, unknown>, MessageIds extends string = string> {
  options: Readonly<Options>;
  knowledge: Knowledge;
  /** Every audited file (with or without facts), sorted. */
  files: readonly string[];
  manifest: ProjectManifest | undefined;
  /** Every package root of the audited files, sorted by `dir` (empty when the host does not know them). */
  packages: readonly ProjectPackage[];
  report(descriptor: ProjectReportDescriptor<MessageIds>): void;
  /** Leaves a summary section on the audit result for reporters (`result.project`). */
  publish<K extends keyof ProjectSummary>(key: K, value: ProjectSummary[K]): void;
}

/** One error-response body shape seen across the project (inconsistent-error-shape). */
export interface ErrorShapeRow {
  /** `{ error: { code, message } }`; `application/problem+json` shapes end with ` (problem+json)`. */
  shape: string;
  /** Error responses with this shape. */
  count: number;
  dominant: boolean;
  problemJson: boolean;
  /** Up to three places it is written, in path order. */
  examples: { file: string; line: number; column: number }[];
  /** The central error handler or helper that writes it, if one does. */
  definedAt?: { file: string; line: number; column: number; kind: 'error-handler' | 'helper' };
  /** The app (its package root) whose API this row describes, when the tree holds several apps with error bodies. */
  app?: string;
}

/** Project-wide data project rules leave for reporters, beside the findings. */
export interface ProjectSummary {
  /** Present when the API writes error bodies of more than one shape. */
  errorShapes?: ErrorShapeRow[];
}

/**
 * A project rule. It is a `RuleModule` (so registries, config and `errlint rules` treat it like any rule),
 * but only the project runner calls it: `create` expects a `ProjectFileContext`.
 */
export interface ProjectRuleModule<MessageIds extends string = string, Options = Record<string, unknown>, Fact = unknown>
  extends RuleModule<MessageIds, Options> {
  create(context: ProjectFileContext<Options, Fact, MessageIds>): RuleListeners;
  check(files: readonly ProjectFile<Fact>[], context: ProjectCheckContext<Options, MessageIds>): void;
}
