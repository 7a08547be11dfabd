/**
 * The names `--format` takes, without loading a reporter: the CLI checks and lists them before it decides to
 * audit. `reporters` (index.ts) is typed by this list, so the two cannot drift.
 */
export const FORMAT_NAMES = ['text', 'json', 'sarif', 'markdown', 'github', 'gitlab'] as const;

export type FormatName = (typeof FORMAT_NAMES)[number];

export function isFormatName(name: string): name is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(name);
}
