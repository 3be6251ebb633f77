/**
 * Runs one upstream call with its own signal and time limit. The limit holds even for a hook that
 * ignores its signal: the caller stops waiting at the deadline, whatever the hook does after.
 */
import { CallTimeoutError } from './errors.js';

export interface Call<T> {
  /** Settles with the call's result, or rejects at the deadline with `CallTimeoutError`. */
  result: Promise<T>;
  /** Settles when the call itself settles, however late: what a deletion's bookkeeping must wait for. */
  settled: Promise<T>;
}

/**
 * Starts `run` with a signal that aborts at `ms` or when `parent` aborts. `run` is called at once,
 * in the same turn, and whatever it throws (or returns that is not a promise) becomes the result.
 */
export function startCall<T>(ms: number, parent: AbortSignal | undefined, run: (signal: AbortSignal) => Promise<T> | T): Call<T> {
  const controller = new AbortController();
  const onParentAbort = () => controller.abort(parent?.reason);
  if (parent?.aborted) controller.abort(parent.reason);
  else parent?.addEventListener('abort', onParentAbort, { once: true });

  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new CallTimeoutError(ms);
      controller.abort(error);
      reject(error);
    }, ms);
  });

  let settled: Promise<T>;
  try {
    settled = Promise.resolve(run(controller.signal));
  } catch (error) {
    settled = Promise.reject(error);
  }
  const cleanUp = () => {
    clearTimeout(timer);
    parent?.removeEventListener('abort', onParentAbort);
  };
  settled.then(cleanUp, cleanUp);
  // Nobody may be left listening to the deadline once the call won; the race below keeps it handled.
  deadline.catch(() => undefined);
  return { result: Promise.race([settled, deadline]), settled };
}

/** `startCall` for callers that only want the result. */
export function within<T>(ms: number, parent: AbortSignal | undefined, run: (signal: AbortSignal) => Promise<T> | T): Promise<T> {
  return startCall(ms, parent, run).result;
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * A controller for the reads one request needs: aborted when the client goes away (its request's
 * signal aborts) or when `done()` is called, once the answer no longer needs them.
 */
export function readsFor(request: Request): { signal: AbortSignal; done(): void } {
  const controller = new AbortController();
  const gone = () => controller.abort(request.signal.reason);
  if (request.signal.aborted) gone();
  else request.signal.addEventListener('abort', gone, { once: true });
  return {
    signal: controller.signal,
    done() {
      request.signal.removeEventListener('abort', gone);
      controller.abort();
    },
  };
}
