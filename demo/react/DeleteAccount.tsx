import { useEffect, useState, useSyncExternalStore } from 'react';
import type { AccountDeletionClient } from 'account-deletion-kit';
import { createDeletionFlow, describeCheck, en, failureText, reasonText, statusText } from 'account-deletion-kit/flow';

/** The whole deletion flow in plain React: the flow decides, this component only draws and sends. */
export function DeleteAccount({ client, redirectUrl }: { client: AccountDeletionClient; redirectUrl: string }) {
  const [flow] = useState(() => createDeletionFlow({ client, redirectUrl, navigate: (url) => location.assign(url) }));
  // Off the page and back (StrictMode does both at once) hides and shows the flow; it is never disposed
  // here, so a DELETE in flight still reaches the user.
  useEffect(() => {
    flow.send({ type: 'check' });
    flow.send({ type: 'show' });
    return () => flow.send({ type: 'hide' });
  }, [flow]);
  // The same snapshot when rendered on a server (Next.js, Remix): nothing is asked before the effect.
  const snapshot = useSyncExternalStore(flow.subscribe, flow.getSnapshot, flow.getSnapshot);
  const s = en;
  const failure = failureText(snapshot, s);
  const reason = reasonText(snapshot, s);

  if (snapshot.status === 'deleted') {
    return (
      <p role="status">
        {s.deleted} {s.emailOnItsWay}
      </p>
    );
  }
  return (
    <section aria-labelledby="delete-account-heading">
      <h2 id="delete-account-heading">{s.heading}</h2>
      <p role="status">{statusText(snapshot, s)}</p>
      <ul aria-label={s.checksLabel}>
        {snapshot.preconditions?.checks.map((check) => {
          const words = describeCheck(check, s);
          return (
            <li key={check.type} aria-label={words.label}>
              {words.label} {words.resolveUrl && <a href={words.resolveUrl}>{s.resolve}</a>}
            </li>
          );
        })}
      </ul>
      <button type="button" aria-disabled={!snapshot.actions.check} onClick={() => snapshot.actions.check && flow.send({ type: 'check' })}>
        {s.checkAgain}
      </button>
      <div role="alert">{failure && <p>{[failure.server, failure.text].filter(Boolean).join(' ')}</p>}</div>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          // Delete does what the flow offers now: a new deletion, the repeat of one, or nothing.
          if (snapshot.actions.delete) flow.send({ type: snapshot.actions.delete });
        }}
      >
        {snapshot.confirmation.required && (
          <label>
            {s.confirmLabel}
            <input value={snapshot.confirmation.value} onChange={(event) => flow.send({ type: 'confirm', value: event.target.value })} />
          </label>
        )}
        <button type="submit" aria-disabled={!snapshot.actions.delete} aria-describedby={reason ? 'delete-reason' : undefined}>
          {s.deleteButton}
        </button>
        {reason && <p id="delete-reason">{reason}</p>}
      </form>
    </section>
  );
}
