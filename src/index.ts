/**
 * The account deletion SDK: a typed client for the precondition and delete endpoints, its errors,
 * and the parsing of its answers. No DOM, no Lit.
 */
export {
  createAccountDeletionClient,
  DEFAULT_API_BASE,
  isIdempotencyKey,
  newIdempotencyKey,
  type AccountDeletionClient,
  type ClientOptions,
  type DeleteAccountOptions,
  type DeleteAccountResult,
  type RequestOptions,
  type RetryOptions,
  type TokenSource,
} from './client.js';
export {
  AccountDeletionError,
  ApiError,
  AuthenticationError,
  ConnectionError,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ReauthenticationRequiredError,
  RequestAbortedError,
  RequestTimeoutError,
  ServerError,
  isAccountDeletionError,
  isApiError,
  type ApiErrorInit,
} from './errors.js';
export { ConflictError } from './conflict-error.js';
export {
  isResolved,
  parseCheck,
  parseChecks,
  parsePreconditions,
  type Account,
  type Amount,
  type Check,
  type CheckItem,
  type Preconditions,
} from './parse.js';
export { safeHttpUrl } from './url.js';
