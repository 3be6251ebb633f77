/**
 * Hostile strings from the server, everywhere a server string reaches the panel: account, zone and
 * application names, an unknown check's title and message, and the words of refusals and conflicts.
 * Nothing runs, nothing but the panel's own elements appears, bidirectional text is isolated, and the
 * panel stays usable in a phone-sized container.
 */
import { expect, html } from '@open-wc/testing';
import sinon from 'sinon';
import {
  afterNextCheck,
  bodyWith,
  checkAgainButton,
  checkNames,
  clearBody,
  deleteAndSettle,
  deleteButton,
  fakeApi,
  isUnusable,
  mountIn,
  noContent,
  ok,
  quiet,
  status,
  typeName,
  type AccountDeletePanel,
  type FakeApi,
} from '../panel/helpers.js';
import { HOSTILE, expectBidiIsolated, expectInert, expectUsableLayout, forgetExecuted } from './helpers.js';

afterEach(() => {
  sinon.restore();
  forgetExecuted();
});

const BIDI = /[\u202A-\u202E\u2066-\u2069\u200F]/;
const MAX_DETAIL = 500;

/** A body where every server string the checks carry is `value`. */
function hostileChecks(value: string, account = { id: 1234, name: value }) {
  return bodyWith(
    [
      {
        type: 'dns_zones',
        status: 'blocking',
        count: 2,
        items: [
          { id: 81, name: value },
          { id: 82, name: value },
        ],
        resolve_url: 'https://console.example/edge-dns',
      },
      { type: 'edge_applications', status: 'blocking', count: 1, items: [{ id: 'app-1', name: value }] },
      { type: value, status: 'blocking', title: value, message: value, resolve_url: '/settings/other' },
      { type: 'debts', status: 'blocking', count: 1, amount: { value: '120.50', currency: 'USD' } },
    ],
    false,
    account,
  );
}

/** A panel in a container as narrow as a phone's, so that any overflow shows. */
async function mountNarrow(api: FakeApi): Promise<{ el: AccountDeletePanel; container: HTMLElement }> {
  const { root, el } = await mountIn<HTMLDivElement>(html`<div style="width: 320px; padding: 8px">
    <account-delete-panel .client=${api.client} redirect-url="#security-done" redirect-delay="600000"></account-delete-panel>
  </div>`);
  return { el, container: root };
}

const text = (el: AccountDeletePanel) => el.shadowRoot!.textContent!;

describe('hostile strings in names, titles and messages', () => {
  for (const { what, value } of HOSTILE) {
    it(`shows ${what} as text, runs nothing, isolates it and keeps the panel usable`, async () => {
      const api = fakeApi({ checks: [ok(hostileChecks(value))] });
      const { el, container } = await mountNarrow(api);
      await quiet(el, 20);

      const names = checkNames(el);
      expect(names).to.have.length(4);
      expect(names[0]).to.equal(`DNS zones: 2 active zones must be disabled (${value}, ${value})`);
      expect(names[1]).to.equal(`Edge applications: 1 edge application must be removed (${value})`);
      expect(names[2]).to.equal(`${value}: ${value}`);
      expect(text(el)).to.contain(value);
      expect(el.shadowRoot!.getElementById('confirm-hint')!.textContent).to.contain(value);
      expectInert(el);
      // Each zone name, the application name, the title, the message and the account name in the hint: one isolate each.
      const isolates = expectBidiIsolated(el, [value]);
      if (BIDI.test(value)) expect(isolates, 'isolated server strings').to.equal(6);
      expectUsableLayout(el, container);
      expect(isUnusable(deleteButton(el))).to.equal(true);

      // Typing the hostile name changes nothing about what is shown or allowed while checks block.
      await typeName(el, value);
      expect(isUnusable(deleteButton(el))).to.equal(true);
      expectInert(el);
      expectUsableLayout(el, container);
    });
  }
});

describe("hostile strings in the server's refusals", () => {
  for (const { what, value } of HOSTILE) {
    it(`shows ${what} in a refused check, a refused deletion and a conflict as text, and keeps the panel usable`, async () => {
      const latin1 = /^[\x20-\x7e]*$/.test(value);
      const api = fakeApi({
        checks: [status(403, { errors: [{ status: '403', code: value, title: value, detail: value }] }), ok(clearBody({ id: 1234, name: value }))],
        deletes: [
          status(403, { detail: value }, latin1 ? { 'X-Request-Id': value } : {}),
          status(409, {
            errors: [{ status: '409', code: 'account_has_blockers', title: value, detail: value, meta: { checks: hostileChecks(value).data.checks } }],
          }),
          noContent,
        ],
      });
      const { el, container } = await mountNarrow(api);
      const shown = value.trim().slice(0, MAX_DETAIL);
      const serverStrings = [value, shown];

      // The check is refused with the server's words.
      const alert = () => el.shadowRoot!.querySelector('[role="alert"]')!;
      expect(alert().textContent).to.contain(shown);
      expectInert(el);
      expectBidiIsolated(el, serverStrings);
      expectUsableLayout(el, container);

      // The check succeeds; the hostile account name is typed; the deletion is refused with the server's words.
      await afterNextCheck(el, () => checkAgainButton(el).click());
      await typeName(el, value);
      expect(isUnusable(deleteButton(el)), 'the hostile name matches itself').to.equal(false);
      await deleteAndSettle(el);
      expect(alert().textContent).to.contain(shown);
      if (latin1) expect(alert().textContent).to.contain(`Reference: ${value}`);
      expectInert(el);
      expectBidiIsolated(el, serverStrings);
      expectUsableLayout(el, container);

      // A new attempt (after a check that allows it: a sure refusal is never repeated) meets a conflict
      // whose checks carry the hostile strings.
      await afterNextCheck(el, () => checkAgainButton(el).click());
      await deleteAndSettle(el);
      expect(checkNames(el)[0]).to.equal(`DNS zones: 2 active zones must be disabled (${value}, ${value})`);
      expect(alert().textContent).to.contain('Something changed since the last check');
      await quiet(el, 20);
      expectInert(el);
      expectBidiIsolated(el, serverStrings);
      expectUsableLayout(el, container);
      expect(api.deletes()).to.have.length(2);
    });
  }
});
