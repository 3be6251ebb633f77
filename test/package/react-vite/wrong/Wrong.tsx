// Mistakes tsc must catch with the kit's JSX types: a string where a number goes, a value the attribute
// does not take, a misspelled property, a handler that expects another event detail; and through the
// window's React wrapper, a string where a boolean goes.
import { createAccountDeletionClient } from 'account-deletion-kit';
import { AccountDeleteDialog } from 'account-deletion-kit/react';

const client = createAccountDeletionClient();

export function Wrong() {
  return (
    <>
      <account-delete-panel redirect-delay="soon" />
      <account-delete-panel confirmation="always" />
      <account-delete-panel clent={client} />
      <account-delete-panel onaccount-deleted={(event: CustomEvent<{ userId: number }>) => console.log(event.detail.userId)} />
      <AccountDeleteDialog open="yes" />
    </>
  );
}
