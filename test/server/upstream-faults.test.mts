// Every upstream fault, on every upstream call (each page of the payment history too), on an account
// where nothing else blocks: never `deletable: true`, never an upstream DELETE after a failed read,
// never a 204 for a deletion Azion did not confirm (a 410, "already deleted", confirms it). Every
// answer is checked against the contract.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { AZION_FAULT_KINDS, type AzionEndpoint, type AzionFaultKind } from '../../testing/index.ts';
import { checkAnswer } from './openapi.mts';
import { deleteAccount, getChecks, setUp, upstreamDeletes } from './helpers.mts';

const PAID_HISTORY = Array.from({ length: 250 }, (_, i) => ({
  id: i + 1,
  amountWithCurrency: '$ 10.00',
  status: 'Paid',
  paymentDue: '2026-01-01T00:00:00Z',
  invoiceNumber: `INV-${i + 1}`,
}));

/** Every upstream call of a check or a deletion: the payment history is read in three pages. */
const READS: [AzionEndpoint, number][] = [
  ['account', 0],
  ['user', 0],
  ['dns_zones', 0],
  ['applications', 0],
  ['payments', 0],
  ['payments', 1],
  ['payments', 2],
];
const READ_FAULTS = AZION_FAULT_KINDS.filter((kind) => kind !== 'lost-answer');
const figures = { cases: 0, deletableTrue: 0, deletesAfterFailedRead: 0, unconfirmed204: 0 };

function prepared(kind: AzionFaultKind, on: AzionEndpoint, skip: number) {
  // Short only where a slow upstream must run out of time; elsewhere a busy machine must not.
  const set = setUp({ resolved: true, handler: { checkTimeout: kind === 'slow' ? 250 : 5_000 } });
  set.upstream.update({ payments: PAID_HISTORY });
  set.upstream.failNext(kind, { on, skip, ms: 1000 });
  return set;
}

describe('every upstream fault on every upstream call', () => {
  after(() => {
    console.log(
      `Upstream faults: ${figures.cases} cases (${READ_FAULTS.length} faults × ${READS.length} reads × GET and DELETE, and every fault on the deletion): ` +
        `${figures.deletableTrue} answered deletable: true, ${figures.deletesAfterFailedRead} upstream DELETEs after a failed read, ${figures.unconfirmed204} 204s Azion did not confirm`,
    );
  });

  it('a clean run of the same account is deletable and deletes: the faults below are all that stand in the way', async () => {
    const { handler, upstream } = setUp({ resolved: true, handler: { checkTimeout: 5_000 } });
    upstream.update({ payments: PAID_HISTORY });
    const response = await handler(getChecks());
    assert.equal(((await checkAnswer('/v4/account/deletion/preconditions', 'GET', response)).body as any).data.deletable, true);
    assert.equal((await handler(deleteAccount(1234, 'clean'))).status, 204);
  });

  for (const kind of READ_FAULTS) {
    for (const [on, skip] of READS) {
      const call = `${on}${on === 'payments' ? ` page ${skip + 1}` : ''}`;
      it(`${kind} on ${call}: the check is not deletable, and the DELETE sends no upstream DELETE`, async () => {
        const get = prepared(kind, on, skip);
        const checked = await get.handler(getChecks());
        const verdict = await checkAnswer('/v4/account/deletion/preconditions', 'GET', checked);
        assert.deepEqual(verdict.problems, []);
        assert.ok(get.upstream.requests.some((r) => r.fault === kind), 'the fault was met');
        const deletable = (verdict.body as any)?.data?.deletable === true;
        if (deletable) figures.deletableTrue++;
        assert.equal(deletable, false, `answered ${checked.status} ${JSON.stringify(verdict.body).slice(0, 200)}`);

        const del = prepared(kind, on, skip);
        const deleted = await del.handler(deleteAccount(1234, 'key-1'));
        assert.deepEqual((await checkAnswer('/v3/account/{account_id}', 'DELETE', deleted)).problems, []);
        const sent = upstreamDeletes(del.upstream).length;
        if (sent > 0) figures.deletesAfterFailedRead++;
        assert.equal(sent, 0, 'no upstream DELETE');
        assert.notEqual(deleted.status, 204);
        assert.equal(del.upstream.state.deleted, false);
        figures.cases += 2;
      });
    }
  }

  // A 410 to the DELETE says the account is already gone: a success (deletion.test.mts).
  for (const kind of AZION_FAULT_KINDS.filter((kind) => kind !== 'gone')) {
    it(`${kind} on the deletion itself: no 204, and one upstream DELETE at most`, async () => {
      const { handler, upstream } = prepared(kind, 'delete', 0);
      const response = await handler(deleteAccount(1234, 'key-1'));
      assert.deepEqual((await checkAnswer('/v3/account/{account_id}', 'DELETE', response)).problems, []);
      if (response.status === 204) figures.unconfirmed204++;
      assert.notEqual(response.status, 204);
      assert.ok([401, 403, 429, 502, 504].includes(response.status), `answered ${response.status}`);
      assert.equal(upstreamDeletes(upstream).length, 1);
      if (kind === 'slow') {
        // Not cut off: the DELETE lands after the 504, and the key answers with its real outcome.
        assert.equal(response.status, 504);
        await new Promise((resolve) => setTimeout(resolve, 1100));
        assert.equal(upstream.state.deleted, true);
        assert.equal((await handler(deleteAccount(1234, 'key-1'))).status, 204);
        assert.equal(upstreamDeletes(upstream).length, 1, 'the repeat sent no second DELETE');
      } else {
        // Only a lost answer leaves the account deleted: the outcome was unknown to the handler.
        assert.equal(upstream.state.deleted, kind === 'lost-answer');
      }
      figures.cases++;
    });
  }
});
