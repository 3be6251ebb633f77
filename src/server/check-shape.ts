/**
 * What a check hook resolved to, read as the contract's `Check` before it goes on the wire. A hook's
 * answer is never trusted as it is: one that cannot be read makes the check `unavailable`, and only
 * the contract's fields are copied, so a hook cannot smuggle anything else into an answer.
 */
import type { Check, CheckItem } from './types.js';

export const MAX_ITEMS = 50;
const MAX_TEXT = 2000;
const DECIMAL = /^-?[0-9]+(\.[0-9]+)?$/;
const CURRENCY = /^[A-Z]{3}$/;
const STATUSES = ['passed', 'blocking', 'unavailable'];

/** The words a check of a known type is shown with when it has to be told from the server. */
export const CHECK_TITLES: Record<string, string> = {
  dns_zones: 'DNS zones',
  edge_applications: 'Edge applications',
  debts: 'Debts',
};

/** A type named like a member of every object (`constructor`, `__proto__`) is no known type. */
export const titleOf = (type: string): string => (Object.hasOwn(CHECK_TITLES, type) ? (CHECK_TITLES[type] ?? type) : type);

/** Thrown when a hook's answer is not a readable check. */
export class UnreadableCheckError extends Error {
  override readonly name = 'UnreadableCheckError';
}

function fail(why: string): never {
  throw new UnreadableCheckError(`The check's answer could not be read: ${why}.`);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Only an absolute http(s) URL or a path is a link the panel may follow (the same rule as the
 * SDK's `safeHttpUrl`, kept here so the server's module graph stays free of the SDK and `ky`).
 */
export function isSafeLink(raw: string): boolean {
  if (raw.trim() === '') return false;
  try {
    const a = new URL(raw, 'https://a.invalid/');
    return a.protocol === 'http:' || a.protocol === 'https:';
  } catch {
    return false;
  }
}

/** A string field, or undefined when missing or blank: blank words say nothing, and are left out. */
function text(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') fail(`${name} is not a string`);
  if (value.trim() === '') return undefined;
  return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT - 1)}…` : value;
}

function item(value: unknown): CheckItem {
  if (!isRecord(value)) fail('an item is not an object');
  const { id, name } = value;
  if (!(typeof id === 'string' || (typeof id === 'number' && Number.isSafeInteger(id)))) fail('an item id is not a whole number or a string');
  if (typeof name !== 'string') fail('an item name is not a string');
  return { id, name };
}

/** Reads what `evaluate` resolved to for a check of `type`. Throws `UnreadableCheckError`. */
export function readCheck(value: unknown, type: string): Check {
  if (!isRecord(value)) fail('it is not an object');
  if (value['type'] !== undefined && value['type'] !== type) fail(`its type is ${JSON.stringify(value['type'])}, not ${JSON.stringify(type)}`);
  const status = value['status'];
  if (typeof status !== 'string' || !STATUSES.includes(status)) fail(`its status ${JSON.stringify(status)} is not passed, blocking or unavailable`);

  const rawCount = value['count'];
  if (rawCount !== undefined && rawCount !== null && !(typeof rawCount === 'number' && Number.isSafeInteger(rawCount) && rawCount >= 0)) {
    fail('its count is not a whole number of at least 0');
  }
  const rawItems = value['items'];
  if (rawItems !== undefined && rawItems !== null && !Array.isArray(rawItems)) fail('its items are not a list');
  const allItems = Array.isArray(rawItems) ? rawItems.map(item) : undefined;
  let count = typeof rawCount === 'number' ? rawCount : undefined;
  if (allItems && count !== undefined && count < allItems.length) fail('it lists more items than its count');
  // The contract caps the list at 50; the count keeps the total.
  if (allItems && count === undefined && allItems.length > MAX_ITEMS) count = allItems.length;
  const items = allItems?.slice(0, MAX_ITEMS);

  // A check that says it passed while naming what blocks says two things: believe neither.
  if (status === 'passed' && ((count ?? 0) > 0 || (items?.length ?? 0) > 0)) fail('it passed yet counts blocking items');

  let amount: Check['amount'];
  const rawAmount = value['amount'];
  if (rawAmount !== undefined && rawAmount !== null) {
    if (!isRecord(rawAmount) || typeof rawAmount['value'] !== 'string' || !DECIMAL.test(rawAmount['value'])) fail('its amount is not a decimal string');
    if (typeof rawAmount['currency'] !== 'string' || !CURRENCY.test(rawAmount['currency'])) fail('its currency is not a three-letter code');
    amount = { value: rawAmount['value'], currency: rawAmount['currency'] };
  }
  const link = text(value['resolve_url'], 'its resolve_url');

  const check: Check = { type, status: status as Check['status'] };
  if (count !== undefined) check.count = count;
  if (items !== undefined) check.items = items;
  if (amount !== undefined) check.amount = amount;
  // An unsafe link is left out rather than failing the check: a link never decides anything.
  if (link !== undefined && isSafeLink(link)) check.resolve_url = link;
  const title = text(value['title'], 'its title');
  const message = text(value['message'], 'its message');
  if (title !== undefined) check.title = title;
  if (message !== undefined) check.message = message;
  // Missing or blank, an unavailable check's words are the kit's: it must say why it blocks.
  if (status === 'unavailable') {
    check.title ??= titleOf(type);
    check.message ??= 'This could not be checked. Try again later.';
  }
  return check;
}

/** The check as it is reported when it could not be evaluated: it blocks, and says why. */
export function unavailableCheck(type: string, why: string): Check {
  return { type, status: 'unavailable', title: titleOf(type), message: `This could not be checked: ${why} Try again later.` };
}
