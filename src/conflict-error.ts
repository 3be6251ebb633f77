import { ApiError, type ApiErrorInit } from './errors.js';
import type { Check } from './parse.js';

/**
 * 409: a check blocks deletion now. `checks` holds the server's current checks when it sent readable ones.
 * In a file of its own: the checks' type comes from the parser, which itself throws the errors of
 * `errors.ts`, and neither of those two modules imports the other.
 */
export class ConflictError extends ApiError {
  static override readonly errorName: string = 'ConflictError';
  readonly checks: readonly Check[] | undefined;

  constructor(init: ApiErrorInit & { checks?: readonly Check[] | undefined }) {
    super(init);
    this.checks = init.checks;
  }
}
