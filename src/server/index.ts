/**
 * The server half (`account-deletion-kit/server`): a Fetch API handler for the kit's two endpoints,
 * Azion's APIs as its source, and the idempotency store. No Node built-in anywhere in this module
 * graph; the `node:http` adapter is `account-deletion-kit/server/node`.
 */
export { createDeletionHandler } from './handler.js';
export { memoryStore, type MemoryStore, type MemoryStoreOptions } from './memory-store.js';
export { azion, AZION_CONSOLE_URLS, type AzionOptions, type ResolvableCheck } from './azion/index.js';
export { parseAmountWithCurrency, sumDecimals, type Amount } from './azion/money.js';
export { UpstreamError, isUpstreamError, type UpstreamStatus } from './errors.js';
export type {
  AccountInfo,
  Check,
  CheckItem,
  CheckSource,
  DeletionContext,
  DeletionHandler,
  DeletionHandlerOptions,
  IdempotencyStore,
} from './types.js';
export type { FetchLike } from './azion/upstream.js';
