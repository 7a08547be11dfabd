/**
 * File-based route conventions of HTTP frameworks: which files a framework runs as request handlers because of
 * where they sit. Defined once, with one extension set, for the role classifier, the file patterns and the rules.
 */

/** The extensions a convention's file may have: every source extension errlint reads (`SOURCE_EXTENSIONS`). */
export const ROUTE_EXTENSIONS = ['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs'] as const;

const EXT = `\\.(?:${ROUTE_EXTENSIONS.join('|')})$`;

/** A route convention: a kind of file a framework serves as an HTTP endpoint. */
export interface RouteConvention {
  /** `next-route-handler`: `app/**\/route.ts`; `next-api-route`: `pages/api/**`. */
  kind: 'next-route-handler' | 'next-api-route';
  framework: 'next';
  /** Why, in words, for role reasons. */
  label: string;
  /** The path below the convention's root: `app/orders/route.ts` → `app/(?:.*\/)?route.<ext>`. */
  below: string;
  /** The same as globs, for the file patterns. */
  globs: string[];
}

const EXT_GLOB = `{${ROUTE_EXTENSIONS.join(',')}}`;

export const ROUTE_CONVENTIONS: readonly RouteConvention[] = [
  { kind: 'next-route-handler', framework: 'next', label: 'Next.js route handler (app/**/route)', below: `app\\/(?:.*\\/)?route${EXT}`, globs: [`app/**/route.${EXT_GLOB}`] },
  { kind: 'next-api-route', framework: 'next', label: 'Next.js API route (pages/api)', below: `pages\\/api\\/.*${EXT}`, globs: [`pages/api/**/*.${EXT_GLOB}`] },
];

const anywhere = new Map(ROUTE_CONVENTIONS.map((c) => [c.kind, new RegExp(`(?:^|\\/)${c.below}`)]));
const atRoot = new Map(ROUTE_CONVENTIONS.map((c) => [c.kind, new RegExp(`^(?:src\\/)?${c.below}`)]));

/**
 * The route convention a file follows. `at: 'package'` reads `p` relative to its package (a convention sits at
 * its root or under `src/`); `at: 'anywhere'` accepts the convention's folder at any depth.
 */
export function routeConventionOf(p: string, at: 'package' | 'anywhere'): RouteConvention | undefined {
  const table = at === 'package' ? atRoot : anywhere;
  return ROUTE_CONVENTIONS.find((c) => table.get(c.kind)!.test(p));
}

/** The conventions' globs at the root and at any depth (`app/**\/route.ts`, `**\/app/**\/route.ts`). */
export function routeGlobs(): string[] {
  return ROUTE_CONVENTIONS.flatMap((c) => c.globs.flatMap((g) => [`**/${g}`, g]));
}
