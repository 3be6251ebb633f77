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

/**
 * The clients a panel made from its `api-base`, one per api-base, for the panel's life. The flow knows
 * a client by identity: an api-base set away and back while a DELETE was out must give that DELETE's
 * client again, or its repeat would go with a new Idempotency-Key. A panel meets few api-bases.
 */
export class OwnClients {
  readonly #made = new Map<string, AccountDeletionClient>();

  for(apiBase: string): AccountDeletionClient {
    let client = this.#made.get(apiBase);
    if (!client) this.#made.set(apiBase, (client = ownClient(apiBase)));
    return client;
  }
}
