import { expect } from '@open-wc/testing';
import { errorFromResponse, statusSentence } from '../../src/error-body.js';
import {
  ApiError,
  AuthenticationError,
  ConflictError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ReauthenticationRequiredError,
  ServerError,
} from '../../src/index.js';
import { PROXY_HTML, conflictBody, json, raw } from './helpers.js';

describe('reading an error answer', () => {
  describe('the three error shapes of Azion APIs', () => {
    it('reads the sentence, code and field of a v4 JSON:API error', async () => {
      const body = { errors: [{ status: '400', code: 'invalid_field', title: 'Invalid field', detail: 'Name is too long.', source: { pointer: '/data/name' } }] };
      const error = await errorFromResponse(json(body, 400));

      expect(error).to.include({ status: 400, code: 'invalid_field', detail: 'Name is too long.', pointer: '/data/name', message: 'Name is too long.' });
      expect(error.body).to.deep.equal(body);
    });

    it('falls back to the title of a JSON:API error that has no detail', async () => {
      const error = await errorFromResponse(json({ errors: [{ code: 'locked', title: 'Account is locked' }] }, 403));
      expect(error.detail).to.equal('Account is locked');
    });

    it('reads only the first of several JSON:API errors', async () => {
      const error = await errorFromResponse(json({ errors: [{ detail: 'First.' }, { detail: 'Second.' }] }, 400));
      expect(error.detail).to.equal('First.');
    });

    it('reads a v3 {"detail"} error', async () => {
      const error = await errorFromResponse(json({ detail: 'This account is not allowed to be deleted.' }, 403));
      expect(error).to.include({ detail: 'This account is not allowed to be deleted.', code: undefined, pointer: undefined, fromServer: true });
    });

    it('reads a v3 field error as "field: message", pointing at the field', async () => {
      const error = await errorFromResponse(json({ account_id: ['This field must be a number.'] }, 400));
      expect(error).to.include({ detail: 'account id: This field must be a number.', pointer: '/account_id' });
    });

    it('joins every message of every field, pointing at the first', async () => {
      const error = await errorFromResponse(json({ name: ['Too long.', 'Has symbols.'], email: ['Taken.'] }, 400));
      expect(error).to.include({ detail: 'name: Too long. Has symbols. email: Taken.', pointer: '/name' });
    });

    it('reads field errors nested under detail, as the account deletion endpoint sends them', async () => {
      const error = await errorFromResponse(json({ detail: { account_id: ['The account has pending invoices.'] } }, 400));
      expect(error).to.include({ detail: 'account id: The account has pending invoices.', pointer: '/account_id' });
    });

    it('reads a list of sentences under errors', async () => {
      const error = await errorFromResponse(json({ errors: ['This account cannot be deleted.', 'Contact support.'] }, 403));
      expect(error).to.include({ detail: 'This account cannot be deleted. Contact support.', code: undefined, pointer: undefined });
    });

    it('reads non_field_errors without a field label', async () => {
      const error = await errorFromResponse(json({ non_field_errors: ['The account has pending invoices.'] }, 400));
      expect(error.detail).to.equal('The account has pending invoices.');
    });

    it('cuts a very long server sentence to 500 characters', async () => {
      const error = await errorFromResponse(json({ detail: 'x'.repeat(5000) }, 400));
      expect(error.detail).to.have.length(500);
    });
  });

  describe('answers with no readable message', () => {
    it("shows a plain sentence with the status for a proxy's HTML page, never the HTML", async () => {
      const error = await errorFromResponse(raw(PROXY_HTML, 502, { 'content-type': 'text/html' }));

      expect(error).to.be.instanceOf(ServerError);
      expect(error.detail).to.equal('The server could not complete the request (status 502).');
      expect(error.fromServer, 'the sentence is the kit\'s stand-in').to.equal(false);
      expect(error.message).to.equal(error.detail);
      expect(error.message).not.to.match(/<|html|script/i);
      expect(error.body, 'the raw page stays available for logs').to.equal(PROXY_HTML);
    });

    it('shows a plain sentence for an HTML refusal from a proxy', async () => {
      const error = await errorFromResponse(raw('<html><body>Forbidden</body></html>', 403, { 'content-type': 'text/html' }));
      expect(error).to.be.instanceOf(PermissionDeniedError);
      expect(error.detail).to.equal('The server refused the request (status 403).');
    });

    it('shows a plain sentence with the status for an empty body', async () => {
      for (const status of [401, 404, 429, 500, 503]) {
        const error = await errorFromResponse(raw('', status));
        expect(error.detail).to.equal(statusSentence(status));
        expect(error.detail).to.include(`status ${status}`);
        expect(error.body).to.equal(undefined);
      }
    });

    it('shows a plain sentence for JSON of no known shape', async () => {
      const error = await errorFromResponse(json({ message: 42, ok: false }, 500));
      expect(error.detail).to.equal('The server could not complete the request (status 500).');
    });

    it('shows a plain sentence for broken JSON and keeps the text as the body', async () => {
      const error = await errorFromResponse(raw('{"detail": "cut', 500, { 'content-type': 'application/json' }));
      expect(error.detail).to.equal('The server could not complete the request (status 500).');
      expect(error.body).to.equal('{"detail": "cut');
    });

    it('never shows a plain-text body as the message', async () => {
      const error = await errorFromResponse(raw('upstream connect error or disconnect/reset before headers', 503, { 'content-type': 'text/plain' }));
      expect(error.detail).to.equal('The server could not complete the request (status 503).');
    });

    it('says plainly that too many requests were made on an empty 429', () => {
      expect(statusSentence(429)).to.equal('Too many requests were made (status 429).');
    });
  });

  describe('the error class for each status', () => {
    const cases: [number, abstract new (...args: never[]) => Error][] = [
      [400, ApiError],
      [401, AuthenticationError],
      [403, PermissionDeniedError],
      [404, NotFoundError],
      [409, ConflictError],
      [429, RateLimitError],
      [500, ServerError],
      [502, ServerError],
      [503, ServerError],
      [504, ServerError],
    ];
    for (const [status, kind] of cases) {
      it(`answers ${status} with ${kind.name}`, async () => {
        const error = await errorFromResponse(json({ detail: 'No.' }, status));
        expect(error.constructor).to.equal(kind);
        expect(error.status).to.equal(status);
      });
    }

    it('answers 401 reauthentication_required with ReauthenticationRequiredError, whatever the body shape around it', async () => {
      const error = await errorFromResponse(json({ errors: [{ code: 'reauthentication_required' }] }, 401));
      expect(error).to.be.instanceOf(ReauthenticationRequiredError);
      expect(error.detail).to.equal('The server refused the request (status 401).');
    });

    it('does not ask for a fresh sign-in when the code comes with another status', async () => {
      const error = await errorFromResponse(json({ errors: [{ code: 'reauthentication_required' }] }, 403));
      expect(error).to.be.instanceOf(PermissionDeniedError);
      expect(error).not.to.be.instanceOf(ReauthenticationRequiredError);
    });

    it('reads the checks of a 409 from errors[0].meta.checks', async () => {
      const error = (await errorFromResponse(json(conflictBody(), 409))) as ConflictError;
      expect(error.checks).to.have.length(3);
      expect(error.checks![0]).to.include({ type: 'dns_zones', status: 'blocking', count: 1 });
    });

    it('leaves the checks out of a 409 that sent none', async () => {
      const error = (await errorFromResponse(json({ detail: 'Blocked.' }, 409))) as ConflictError;
      expect(error.checks).to.equal(undefined);
    });

    it('keeps the request id for support', async () => {
      const error = await errorFromResponse(json({ detail: 'No.' }, 500, { 'X-Request-Id': 'abc-123' }));
      expect(error.requestId).to.equal('abc-123');
    });
  });

  describe('Retry-After', () => {
    const waitFor = async (headers: Record<string, string>) =>
      ((await errorFromResponse(json({ detail: 'Slow down.' }, 429, headers))) as RateLimitError).retryAfter;

    it('gives the seconds asked to a RateLimitError', async () => {
      expect(await waitFor({ 'Retry-After': '0' })).to.equal(0);
      expect(await waitFor({ 'Retry-After': '12' })).to.equal(12);
      expect(await waitFor({ 'Retry-After': ' 7 ' })).to.equal(7);
    });

    it('reads an HTTP date as the seconds left until then', async () => {
      const wait = await waitFor({ 'Retry-After': new Date(Date.now() + 45_000).toUTCString() });
      // The date is in whole seconds: 44 s and some milliseconds left, or 45.
      expect(wait).to.be.within(44, 45);
      expect(await waitFor({ 'Retry-After': 'Sat, 28 Nov 2026 09:00:00 GMT' })).to.equal(0);
      // The older RFC 850 form, in GMT too.
      expect(await waitFor({ 'Retry-After': 'Saturday, 28-Nov-26 10:01:00 GMT' })).to.equal(0);
    });

    it('reads a rate-limit header when Retry-After is missing, as ky reads it', async () => {
      expect(await waitFor({ 'RateLimit-Reset': '30' })).to.equal(30);
      expect(await waitFor({ 'X-RateLimit-Reset': '4' })).to.equal(4);
      expect(await waitFor({ 'RateLimit-Reset': '1.5' })).to.equal(2);
    });

    // Neither whole seconds nor an HTTP date in GMT: Date.parse would take `5, 10`, `12/31` or
    // `12/31 10:00:00` for a day in 2001, and an asctime date (no zone) in the browser's local time,
    // as ky itself would.
    for (const header of ['5, 10', '1.5', '-1', '12/31', '12/31 10:00:00', '5 10:00:00', 'Sat Nov 28 10:01:00 2026']) {
      it(`gives no wait for Retry-After: ${header}, neither whole seconds nor an HTTP date in GMT`, async () => {
        expect(await waitFor({ 'Retry-After': header })).to.equal(undefined);
      });
    }

    it('gives no wait for a rate-limit header that is neither a number nor an HTTP date in GMT', async () => {
      for (const header of ['5, 10', '12/31', '12/31 10:00:00']) expect(await waitFor({ 'RateLimit-Reset': header }), header).to.equal(undefined);
    });

    it('gives no wait when none is asked or it cannot be read', async () => {
      expect(await waitFor({})).to.equal(undefined);
      for (const header of ['', 'soon', '5 s']) expect(await waitFor({ 'Retry-After': header }), header).to.equal(undefined);
    });
  });
});
