/**
 * Evaluates every check at once, each within its own time limit. Fails closed: a check that throws,
 * times out or answers what cannot be read is `unavailable`, in its place, never `passed` and never
 * left out. Only a 401 escapes, because a session that is not valid makes the whole answer a 401.
 */
import { readCheck, unavailableCheck, UnreadableCheckError } from './check-shape.js';
import { CallTimeoutError, isUpstreamError, type UpstreamError } from './errors.js';
import type { Check, CheckSource } from './types.js';
import { within } from './within.js';

export interface CheckRun {
  checks: Check[];
  /** The first 401 a check's upstream answered, when one did. */
  unauthorized: UpstreamError | undefined;
}

/** Why a check could not be evaluated, in words for the user; never a raw error message. */
export function reasonOf(error: unknown): string {
  if (isUpstreamError(error)) return error.detail.endsWith('.') ? error.detail : `${error.detail}.`;
  if (error instanceof CallTimeoutError) return `no answer came within ${Math.ceil(error.ms / 100) / 10} s.`;
  if (error instanceof UnreadableCheckError) return 'its answer could not be read.';
  // Other errors may carry hosts, addresses or stack traces: they go to onError, not to the user.
  return 'it failed.';
}

export async function runChecks(
  sources: readonly CheckSource[],
  request: Request,
  signal: AbortSignal,
  timeout: number,
  report: (error: unknown, step: string) => void,
): Promise<CheckRun> {
  let unauthorized: UpstreamError | undefined;
  const checks = await Promise.all(
    sources.map(async (source) => {
      try {
        const value = await within(timeout, signal, (callSignal) => source.evaluate({ request, signal: callSignal }));
        return readCheck(value, source.type);
      } catch (error) {
        report(error, `check ${source.type}`);
        if (isUpstreamError(error) && error.status === 401) unauthorized ??= error;
        return unavailableCheck(source.type, reasonOf(error));
      }
    }),
  );
  return { checks, unauthorized };
}
