import type * as ts from 'typescript';
import type { TS } from './ts.js';
import type { Knowledge } from './knowledge/index.js';

export type { TS };

/** Risk levels, most severe first. */
export const RISK_LEVELS = ['critical', 'high', 'medium', 'low'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export type RuleFamily = 'catch' | 'integrity' | 'boundary' | 'project';

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
  /** Part of the recommended preset. */
  recommended: boolean;
  /** CWE ids (e.g. `CWE-209`) for SARIF tags. */
  cwe?: string[];
  /** How often a finding is right, SARIF's `precision`. */
  precision: 'very-high' | 'high' | 'medium' | 'low';
  /** `project` rules need the whole tree and run in the CLI only. Default `file`. */
  scope?: 'file' | 'project';
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
}

/** What a file is, decided by the host from its path, config and first lines. */
export interface FileFacts {
  isTest: boolean;
  /** A CLI program: shebang, or under a configured `bin/` / `scripts/` glob. */
  isScript: boolean;
  /** Marked `'use client'`. */
  isClient: boolean;
  /** Wraps console to build the project's logger (configured, or detected). */
  isLoggerModule: boolean;
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
}

export type NodeListener = (node: ts.Node) => void;

/**
 * Listeners keyed by `SyntaxKind` name (`CatchClause`) or name + `:exit`, called during the engine's single
 * traversal of the file. `SourceFile:exit` runs after the whole file.
 */
export type RuleListeners = Partial<Record<string, NodeListener>>;

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
}

/** A file that could not be analysed. */
export interface FileError {
  file: string;
  kind: 'parse' | 'read' | 'skipped';
  message: string;
  line?: number;
  column?: number;
}
