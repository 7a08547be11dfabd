import type { AnyRule } from '../src/types.js';
import inconsistentErrorShape from './inconsistent-error-shape.js';
import missingErrorBoundary from './missing-error-boundary.js';
import consoleLogging from './console-logging.js';
import genericError from './generic-error.js';
import lostErrorContext from './lost-error-context.js';
import swallowedCatch from './swallowed-catch.js';
import leakedErrorResponse from './leaked-error-response.js';
import sensitiveDataExposure from './sensitive-data-exposure.js';
import uncheckedHttpCall from './unchecked-http-call.js';
import missingTransaction from './missing-transaction.js';
import inconsistentReturn from './inconsistent-return.js';

/** Every rule errlint ships, in id order. Presets and docs are computed from their `meta`. */
export const allRules: readonly AnyRule[] = ([] as AnyRule[]).concat([
  inconsistentErrorShape,
  missingErrorBoundary,
  consoleLogging,
  genericError,
  lostErrorContext,
  swallowedCatch,
  leakedErrorResponse,
  sensitiveDataExposure,
  uncheckedHttpCall,
  missingTransaction,
  inconsistentReturn,
]).sort((a, b) => a.meta.id.localeCompare(b.meta.id));
