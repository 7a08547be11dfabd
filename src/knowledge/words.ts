/**
 * The words of a name or a text, lowercased: camelCase, PascalCase, acronyms, `snake_case`, `kebab-case`, paths
 * and prose all split the same way (`parsePayload` → `parse`, `payload`; `HTTPServer` → `http`, `server`). Knowledge
 * that matches names compares whole words, never substrings: `payload` does not mention `pay`.
 */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}
