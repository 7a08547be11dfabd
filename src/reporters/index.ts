import type { Reporter } from '../result.js';
import { jsonReporter } from './json.js';
import { textReporter } from './text.js';

/** Every output format, by the name `--format` takes. */
export const reporters: Record<string, Reporter> = {
  text: textReporter,
  json: jsonReporter,
};
