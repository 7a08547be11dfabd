import type { Reporter } from '../result.js';
import { githubReporter } from './github.js';
import { gitlabReporter } from './gitlab.js';
import { jsonReporter } from './json.js';
import { markdownReporter } from './markdown.js';
import type { FormatName } from './names.js';
import { sarifReporter } from './sarif.js';
import { textReporter } from './text.js';

/** Every output format, by the name `--format` takes. */
export const reporters: Record<FormatName, Reporter> = {
  text: textReporter,
  json: jsonReporter,
  sarif: sarifReporter,
  markdown: markdownReporter,
  github: githubReporter,
  gitlab: gitlabReporter,
};
