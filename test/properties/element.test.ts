/**
 * Generated precondition bodies served to a real panel (the real SDK client over a stubbed fetch):
 * Delete is usable exactly when the body is readable, the server said deletable and every check
 * passed, and then one press sends one DELETE for that account. Anything else keeps it locked.
 */
import { expect, fixtureCleanup } from '@open-wc/testing';
import fc from 'fast-check';
import { deleteButton, fakeApi, isUnusable, mount, ok, quiet, successMessage } from '../panel/helpers.js';
import { anyJson, deletableBody, nearValidFrom, validBody } from './arbitraries.js';

/** Bodies served per property; together the 200+ generated bodies a run gives real panels. */
export const ELEMENT_RUNS = { valid: 60, deletable: 60, nearValid: 80, anyJson: 40 };

type Wire = { data?: { deletable?: unknown; checks?: unknown; account?: { id?: unknown } } };
type Loose = Record<string, unknown>;

// The contract's rules for a precondition body, written out again here rather than borrowed from the
// SDK's parser: a parser that grew lenient would then unlock Delete where this says it must not.
const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
const absent = (v: unknown) => v === undefined || v === null;
const filled = (v: unknown) => typeof v === 'string' && v.trim() !== '';
const whole = (v: unknown, min: number) => Number.isSafeInteger(v) && (v as number) >= min;
const optional = (v: unknown, ok: (v: unknown) => boolean) => absent(v) || ok(v);
const isString = (v: unknown) => typeof v === 'string';
/** RFC 3339: the calendar day must exist (checked by the Date it makes), a leap second :60 is allowed. */
function isDateTime(v: unknown): boolean {
  const m = typeof v === 'string' ? /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/i.exec(v) : null;
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  const dayExists = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  const offsetOk = m[9] === undefined || (Number(m[9]) <= 23 && Number(m[10]) <= 59);
  return dayExists && hour <= 23 && minute <= 59 && second <= 60 && offsetOk;
}
const isItem = (v: unknown) => isObject(v) && (typeof v['id'] === 'string' || Number.isSafeInteger(v['id'])) && isString(v['name']);
const isAmount = (v: unknown) =>
  isObject(v) && typeof v['value'] === 'string' && /^-?[0-9]+(\.[0-9]+)?$/.test(v['value']) && typeof v['currency'] === 'string' && /^[A-Z]{3}$/.test(v['currency']);
const isCheck = (v: unknown) =>
  isObject(v) &&
  filled(v['type']) &&
  filled(v['status']) &&
  optional(v['count'], (c) => whole(c, 0)) &&
  optional(v['items'], (items) => Array.isArray(items) && items.slice(0, 50).every(isItem)) &&
  optional(v['amount'], isAmount) &&
  [v['resolve_url'], v['title'], v['message']].every((t) => optional(t, isString));

function followsTheContract(wire: unknown): boolean {
  if (!isObject(wire) || !isObject(wire['data'])) return false;
  const data = wire['data'];
  const account = data['account'];
  return (
    typeof data['deletable'] === 'boolean' &&
    isObject(account) &&
    whole(account['id'], 1) &&
    filled(account['name']) &&
    optional(account['kind'], isString) &&
    optional(data['checked_at'], isDateTime) &&
    Array.isArray(data['checks']) &&
    data['checks'].every(isCheck)
  );
}

/** What the spec allows, judged on the body as it went over the wire (JSON drops undefined, NaN becomes null). */
function expectation(wire: unknown): { readable: boolean; goAhead: boolean } {
  const readable = followsTheContract(wire);
  const data = (wire as Wire | null)?.data;
  const checks = Array.isArray(data?.checks) ? (data.checks as { status?: unknown }[]) : undefined;
  const goAhead = data?.deletable === true && checks !== undefined && checks.every((check) => check?.status === 'passed');
  return { readable, goAhead };
}

async function servedToAPanel(body: unknown): Promise<void> {
  const wire: unknown = JSON.parse(JSON.stringify(body) ?? 'null');
  const { readable, goAhead } = expectation(wire);
  const api = fakeApi({ checks: [ok(wire)] });
  try {
    const el = await mount(api, { confirmation: 'none', redirectDelay: 600_000 });
    const usable = !isUnusable(deleteButton(el));
    expect(usable, `Delete usable for ${JSON.stringify(wire).slice(0, 300)}`).to.equal(readable && goAhead);

    deleteButton(el).click();
    await quiet(el);
    if (usable) {
      const id = (wire as Wire).data!.account!.id as number;
      expect(api.deletes().map((r) => new URL(r.url).pathname)).to.deep.equal([`/api/v3/account/${id}`]);
      expect(successMessage(el)).to.exist;
    } else {
      expect(api.deletes(), 'a press on a locked Delete sends nothing').to.have.length(0);
    }
  } finally {
    // Each panel leaves the page before the next: a disconnected panel listens for nothing and redirects nowhere.
    fixtureCleanup();
  }
}

describe('the panel, on generated precondition bodies', () => {
  it('unlocks Delete for bodies that follow the spec only when the server said deletable and every check passed', async () => {
    await fc.assert(fc.asyncProperty(validBody, servedToAPanel), { numRuns: ELEMENT_RUNS.valid });
  });

  it('unlocks Delete for every deletable body with every check passed, and one press sends one DELETE', async () => {
    await fc.assert(fc.asyncProperty(deletableBody, servedToAPanel), { numRuns: ELEMENT_RUNS.deletable });
  });

  it('keeps Delete locked for near-valid bodies unless they are still complete and say go ahead', async () => {
    await fc.assert(fc.asyncProperty(nearValidFrom(deletableBody), servedToAPanel), { numRuns: ELEMENT_RUNS.nearValid });
  });

  it('keeps Delete locked for arbitrary JSON', async () => {
    await fc.assert(fc.asyncProperty(anyJson, servedToAPanel), { numRuns: ELEMENT_RUNS.anyJson });
  });
});
