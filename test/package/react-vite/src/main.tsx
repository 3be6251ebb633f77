import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAccountDeletionClient } from 'account-deletion-kit';
import 'account-deletion-kit/dialog';
// The wrapper needs the optional peers: npm install @lit/react react.
import { AccountDeleteDialog, AccountDeletePanel } from 'account-deletion-kit/react';

const client = createAccountDeletionClient({ apiBase: '/api', token: async () => 'token' });

function App() {
  return (
    <>
      <h1>Account settings</h1>
      {/* The wrapper: camelCase props, onAccount… handlers. */}
      <AccountDeletePanel client={client} redirectDelay={0} onAccountDeleted={(event) => console.log(event.detail.account.name)} />
      {/* The window's wrapper: the panel's props, plus open and the close event. */}
      <AccountDeleteDialog client={client} supportUrl="/help-wrapped" open={false} onAccountDeleteDialogClose={(event) => console.log(event.detail)} />
      {/* The element itself, as React 19 takes it: attributes, properties and on<event> handlers. */}
      <account-delete-dialog
        api-base="/api"
        redirect-delay={0}
        support-url="/help"
        aria-label="Delete your account"
        onaccount-deleted={(event) => console.log(event.detail.redirectUrl)}
        onaccount-delete-dialog-close={() => console.log('closed')}
      />
    </>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
