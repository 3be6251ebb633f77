/**
 * The handler's options, checked once when it is made: a mistake in them is a `TypeError` at start-up,
 * never a server that answers with what it was not meant to.
 */
import type { CheckSource, DeletionHandlerOptions, IdempotencyStore } from './types.js';

export interface Settings {
  basePath: string;
  account: DeletionHandlerOptions['account'];
  checks: readonly CheckSource[];
  deleteAccount: DeletionHandlerOptions['deleteAccount'];
  store: IdempotencyStore;
  checkTimeout: number;
  onError: (error: unknown, info: { requestId: string; step: string }) => void;
}

export const DEFAULT_CHECK_TIMEOUT = 3000;

function fail(message: string): never {
  throw new TypeError(`createDeletionHandler: ${message}`);
}

const isFunction = (value: unknown): value is (...args: never[]) => unknown => typeof value === 'function';

/**
 * `/api/` and `/api` are the same base; the root is ``. Written as a request's URL writes it: a base
 * with letters beyond ASCII (`/konto/lösch`) is compared percent-encoded, as every pathname arrives.
 */
export function normalizeBasePath(raw: unknown): string {
  const written = typeof raw === 'string' && raw.startsWith('/') && !/[?#\s\\]/.test(raw) && !raw.includes('//');
  // Escapes in capitals, as a request's pathname writes them.
  const path = written ? new URL(raw, 'http://h').pathname.replace(/%[\da-f]{2}/gi, (escape) => escape.toUpperCase()) : '';
  // `.` and `..` segments (resolved away), or a `%` that escapes nothing, would not name the path written.
  const decoded = safeDecode(path);
  if (!path || decoded === undefined || decoded !== safeDecode(raw as string)) {
    fail(`basePath must be a path such as '/api' (no query, fragment, spaces, backslashes, dot segments or a % that escapes nothing), not ${JSON.stringify(raw)}.`);
  }
  return path.replace(/\/+$/, '');
}

function safeDecode(path: string): string | undefined {
  try {
    return decodeURI(path);
  } catch {
    return undefined;
  }
}

function checkSources(raw: unknown): readonly CheckSource[] {
  if (!Array.isArray(raw) || raw.length === 0) fail('checks must list at least one check: with none, every account would be deletable.');
  const seen = new Set<string>();
  for (const [i, source] of raw.entries()) {
    const type = (source as Partial<CheckSource> | null)?.type;
    if (typeof type !== 'string' || type.trim() === '') fail(`checks[${i}].type must be a non-empty string.`);
    if (!isFunction((source as CheckSource).evaluate)) fail(`checks[${i}] (${type}) needs an evaluate(ctx) function.`);
    if (seen.has(type)) fail(`checks lists the type ${JSON.stringify(type)} twice.`);
    seen.add(type);
  }
  // A copy: a list changed after start-up must not change what is checked.
  return Object.freeze([...(raw as CheckSource[])]);
}

function checkStore(raw: unknown): IdempotencyStore {
  const store = raw as Partial<IdempotencyStore> | null | undefined;
  if (!store || !isFunction(store.get) || !isFunction(store.set)) {
    fail('idempotency must be a store with get(key) and set(key, value, ttlSeconds), such as memoryStore().');
  }
  if (store.add !== undefined && !isFunction(store.add)) fail('idempotency.add, when given, must be a function.');
  return store as IdempotencyStore;
}

export function readOptions(options: DeletionHandlerOptions): Settings {
  if (typeof options !== 'object' || options === null) fail('it needs an options object.');
  if (!isFunction(options.account)) fail('account(ctx) must be a function: the kit cannot know who is signed in to your portal.');
  if (!isFunction(options.deleteAccount)) fail('deleteAccount(ctx, accountId) must be a function.');
  const checkTimeout = options.checkTimeout ?? DEFAULT_CHECK_TIMEOUT;
  if (typeof checkTimeout !== 'number' || !Number.isFinite(checkTimeout) || checkTimeout < 1 || checkTimeout > 10 * 60_000) {
    fail(`checkTimeout must be a number of milliseconds from 1 to 600000, not ${String(checkTimeout)}.`);
  }
  if (options.onError !== undefined && !isFunction(options.onError)) fail('onError, when given, must be a function.');
  const onError = options.onError;
  return {
    basePath: normalizeBasePath(options.basePath ?? '/api'),
    account: options.account,
    checks: checkSources(options.checks),
    deleteAccount: options.deleteAccount,
    store: checkStore(options.idempotency),
    checkTimeout,
    onError: (error, info) => {
      try {
        onError?.(error, info);
      } catch {
        // A logger that throws must not change the answer.
      }
    },
  };
}
