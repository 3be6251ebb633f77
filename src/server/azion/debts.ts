/**
 * The `debts` check: the account's billing status (`BLOCKED` and `DEFAULTING` block; a missing or
 * unknown status never passes) and every page of the payment history, whose `Pending` entries are
 * the debts. `count` is how many entries are pending; `amount` their sum when one currency holds
 * them all and every figure reads clearly, otherwise the message lists them.
 */
import { UpstreamError } from '../errors.js';
import type { Check, CheckSource, DeletionContext } from '../types.js';
import type { AccountReader } from './account.js';
import { readPage, unreadable } from './envelope.js';
import { parseAmountWithCurrency, sumDecimals, type Amount } from './money.js';
import { getJson, type Upstream } from './upstream.js';

const BLOCKING_STATUSES = ['BLOCKED', 'DEFAULTING'];
/** The statuses Azion's console knows besides those: an account in one of them may go. */
const CLEAR_STATUSES = ['REGULAR', 'ONLINE', 'TRIAL'];
const PAGE_SIZE = 100;
/** 10,000 entries: a history longer than that is not read to the end, and so never passes. */
const MAX_PAGES = 100;
const LISTED = 10;

interface Pending {
  text: string;
  amount: Amount | undefined;
  due: string | undefined;
}

/**
 * Every page, read only while the paging holds together: each envelope's `page` is the page asked
 * for (an upstream that ignores `?page=` serves page 1 again), the total stays the same, the entries
 * add up to it and no more, and `next` and `total_pages`, when sent, agree with them on whether
 * another page follows. Anything else is a history not read to the end: never passed.
 */
async function pendingEntries(up: Upstream, apiBase: string, ctx: DeletionContext): Promise<Pending[]> {
  const what = 'the payment history';
  const pending: Pending[] = [];
  let total: number | undefined;
  let seen = 0;
  for (let page = 1; ; page++) {
    if (page > MAX_PAGES) throw unreadable(what, `more than ${MAX_PAGES} pages`);
    const body = await getJson(up, ctx, `${apiBase}/v4/payments/history?page=${page}&page_size=${PAGE_SIZE}`, what);
    const { count, results } = readPage(body, what);
    const { page: served, next, total_pages: pages } = body as Record<string, unknown>;
    // Entries that moved between two pages could be missed: then the history was not read.
    if (total !== undefined && count !== total) throw unreadable(what, 'a total that changed between pages');
    total = count;
    for (const entry of results) {
      if (typeof entry['status'] !== 'string') throw unreadable(what, 'an entry without a status');
      if (entry['status'].trim().toLowerCase() !== 'pending') continue;
      const text = entry['amount_with_currency'];
      if (typeof text !== 'string') throw unreadable(what, 'a pending entry without an amount');
      const due = typeof entry['payment_due'] === 'string' ? entry['payment_due'] : undefined;
      pending.push({ text: text.trim(), amount: parseAmountWithCurrency(text), due });
    }
    seen += results.length;
    const more = seen < total;
    if (served !== page || seen > total || (next !== undefined && (next !== null) !== more) || (pages !== undefined && !(typeof pages === 'number' && page < pages === more))) {
      throw unreadable(what, 'pages that do not hold together');
    }
    if (!more) return pending;
    if (results.length === 0) throw unreadable(what, 'fewer entries than its count');
  }
}

function listOf(pending: Pending[]): string {
  const shown = pending.slice(0, LISTED).map((entry) => (entry.due ? `${entry.text} (due ${entry.due.slice(0, 10)})` : entry.text));
  const more = pending.length - shown.length;
  return `${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

/** One amount when every pending entry reads clearly in one currency; else undefined. */
function totalOf(pending: Pending[]): Amount | undefined {
  const amounts = pending.map((entry) => entry.amount);
  if (amounts.length === 0 || amounts.some((amount) => amount === undefined)) return undefined;
  const currencies = new Set(amounts.map((amount) => amount?.currency));
  if (currencies.size !== 1) return undefined;
  return { value: sumDecimals(amounts.map((amount) => amount?.value ?? '0')), currency: amounts[0]?.currency ?? '' };
}

export function debtsCheck(up: Upstream, apiBase: string, accounts: AccountReader, resolveUrl: string): CheckSource {
  return {
    type: 'debts',
    async evaluate(ctx: DeletionContext): Promise<Check> {
      const [account, pending] = await Promise.all([accounts.read(ctx), pendingEntries(up, apiBase, ctx)]);
      // Exactly as Azion writes them: a status in another spelling is one this server does not know.
      const status = typeof account.status === 'string' ? account.status : undefined;
      const blocked = status !== undefined && BLOCKING_STATUSES.includes(status);
      if (!blocked && (status === undefined || !CLEAR_STATUSES.includes(status))) {
        throw new UpstreamError(502, `Azion did not give a billing status this server knows for the account (${status === undefined ? 'none' : JSON.stringify(status).slice(0, 40)}).`);
      }
      if (!blocked && pending.length === 0) return { type: 'debts', status: 'passed', count: 0 };

      const check: Check = { type: 'debts', status: 'blocking', count: pending.length, resolve_url: resolveUrl };
      const amount = totalOf(pending);
      if (amount) check.amount = amount;
      const sentences: string[] = [];
      if (blocked) sentences.push(`The account is ${status === 'BLOCKED' ? 'blocked' : 'in default'} until its bills are paid.`);
      if (pending.length > 0 && !amount) sentences.push(`Pending: ${listOf(pending)}.`);
      if (sentences.length > 0) check.message = sentences.join(' ');
      return check;
    },
  };
}
