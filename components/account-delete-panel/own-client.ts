import { AccountDeletionError, createAccountDeletionClient, type AccountDeletionClient } from '../../src/index.js';

/**
 * The client the panel makes from its `api-base` when the host gives none. An api-base the SDK refuses
 * (a query in it, say) is said on the console, and every request of that client fails with the reason.
 */
export function ownClient(apiBase: string): AccountDeletionClient {
  try {
    return createAccountDeletionClient({ apiBase });
  } catch (error) {
    const refused = new AccountDeletionError(`The api-base was refused: ${(error as Error).message}`, { cause: error });
    console.error(`<account-delete-panel>: ${refused.message}`);
    const refuse = () => Promise.reject(refused);
    return { getPreconditions: refuse, deleteAccount: refuse };
  }
}
