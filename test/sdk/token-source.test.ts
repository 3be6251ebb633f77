/**
 * A token source that never answers (a token refresh that hangs): ky's timeout starts only once its
 * hooks have run, so the client ends the wait for the token within the same time, sends nothing, and
 * the caller gets an error instead of a promise that never settles.
 */
import { expect } from '@open-wc/testing';
import { AccountDeletionError, createAccountDeletionClient, RequestTimeoutError } from '../../src/index.js';
import { clearBody, fakeNetwork, json, rejectionOf } from './helpers.js';

const never = () => new Promise<string>(() => undefined);

describe('a token source that never answers', () => {
  it('ends a check within the timeout, with nothing sent', async () => {
    const net = fakeNetwork(json(clearBody()));
    const client = createAccountDeletionClient({ fetch: net.fetch, token: never, timeout: 50 });
    const started = performance.now();
    const error = await rejectionOf(client.getPreconditions());
    expect(error).to.be.instanceOf(AccountDeletionError);
    expect(error).not.to.be.instanceOf(RequestTimeoutError);
    expect((error as Error).message).to.equal('The sign-in token could not be read or is not a valid header value.');
    expect(performance.now() - started).to.be.below(1000);
    expect(net.requests).to.have.length(0);
  });

  it('ends a DELETE within its own timeout, with nothing sent', async () => {
    const net = fakeNetwork(new Response(null, { status: 204 }));
    const client = createAccountDeletionClient({ fetch: net.fetch, token: never });
    const error = await rejectionOf(client.deleteAccount(1234, { timeout: 50 }));
    expect(error).to.be.instanceOf(AccountDeletionError);
    expect(net.requests).to.have.length(0);
  });

  it('a token that answers in time is sent as before', async () => {
    const net = fakeNetwork(json(clearBody()));
    const slow = () => new Promise<string>((resolve) => setTimeout(() => resolve('late-but-in-time'), 20));
    await createAccountDeletionClient({ fetch: net.fetch, token: slow, timeout: 500 }).getPreconditions();
    expect(net.requests[0]!.headers.get('authorization')).to.equal('Token late-but-in-time');
  });
});
