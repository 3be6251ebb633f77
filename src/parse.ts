/**
 * Turns unknown JSON from the API into typed, frozen values, or throws InvalidResponseError.
 * The public types are derived from these functions, so a type cannot claim more than was checked.
 * It fails closed: nothing here ever returns a partly filled object or a `deletable` the body did not earn.
 */
import { InvalidResponseError } from './errors.js';
import { safeHttpUrl } from './url.js';

type Json = Record<string, unknown>;

function fail(pointer: string, expected: string): never {
  throw new InvalidResponseError(`The server's answer could not be read: ${pointer || 'the body'} should be ${expected}.`, {
    pointer,
  });
}

/** True for a JSON object: not null, not a list. */
export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function object(value: unknown, pointer: string): Json {
  if (!isObject(value)) fail(pointer, 'an object');
  return value;
}

function string(value: unknown, pointer: string): string {
  if (typeof value !== 'string') fail(pointer, 'a string');
  return value;
}

function nonEmptyString(value: unknown, pointer: string): string {
  if (string(value, pointer).trim() === '') fail(pointer, 'a non-empty string');
  return value as string;
}

function integer(value: unknown, pointer: string, min: number): number {
  // Number.isSafeInteger is false for anything but a number.
  if (!Number.isSafeInteger(value) || (value as number) < min) {
    fail(pointer, `a whole number of at least ${min}`);
  }
  return value as number;
}

function list(value: unknown, pointer: string): unknown[] {
  if (!Array.isArray(value)) fail(pointer, 'a list');
  return value;
}

/** How many blocking resources a check lists at most; a longer list is cut to its first ones, never refused. */
export const MAX_ITEMS = 50;

type Read<T> = (value: unknown, pointer: string) => T;

/** The field `key` of `body` (found at `pointer`), read by `read`. */
function field<T>(body: Json, key: string, pointer: string, read: Read<T>): T {
  return read(body[key], `${pointer}/${key}`);
}

/** An optional field: absent and `null` both mean "not given". */
function optional<T>(body: Json, key: string, pointer: string, read: Read<T>): T | undefined {
  return body[key] === undefined || body[key] === null ? undefined : field(body, key, pointer, read);
}

/**
 * An RFC 3339 date-time, the `format: date-time` of the contract: `2026-11-28T10:00:00Z`, `…T10:00:00.5+01:00`.
 * `t` and `z` too, as RFC 3339 allows, spelled out: a first regular expression with the `i` flag costs a
 * page about half a millisecond, between the answer and the painted checks.
 */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;

/** True when the numbers of an RFC 3339 date-time are in range (a leap second, :60, included). */
function inRange([year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, offsetHour = 0, offsetMinute = 0]: number[]): boolean {
  // The calendar judges the day: a day 0, or one past the month's end, moves the date into another month; so
  // does a month 0 or 13. setUTCFullYear reads years 0 to 99 as given, where Date.UTC would add 1900.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCMonth() === month - 1 && hour <= 23 && minute <= 59 && second <= 60 && offsetHour <= 23 && offsetMinute <= 59;
}

function dateTime(value: unknown, pointer: string): string {
  const parts = DATE_TIME.exec(string(value, pointer));
  if (!parts || !inRange(parts.slice(1).filter((part) => part !== undefined).map(Number))) {
    fail(pointer, 'a date and time such as 2026-11-28T10:00:00Z');
  }
  return value as string;
}

/** A reader of strings that `pattern` matches: `expected` says what they are. */
function matching(pattern: RegExp, expected: string): Read<string> {
  return (value, pointer) => {
    if (!pattern.test(string(value, pointer))) fail(pointer, expected);
    return value as string;
  };
}

const decimal = matching(/^-?[0-9]+(\.[0-9]+)?$/, 'a decimal number written as a string');
const currencyCode = matching(/^[A-Z]{3}$/, 'a three-letter currency code');

function parseAmount(value: unknown, pointer: string) {
  const body = object(value, pointer);
  return { value: field(body, 'value', pointer, decimal), currency: field(body, 'currency', pointer, currencyCode) };
}

function parseItem(value: unknown, pointer: string) {
  const body = object(value, pointer);
  const id = body['id'];
  if (typeof id !== 'string' && !Number.isSafeInteger(id)) {
    fail(`${pointer}/id`, 'a whole number or a string');
  }
  return Object.freeze({ id: id as string | number, name: field(body, 'name', pointer, string) });
}

/** Reads one check. Unknown types and statuses are kept; only status `passed` counts as resolved. */
export function parseCheck(value: unknown, pointer: string) {
  const body = object(value, pointer);
  // A long list says no more than its first entries (and cannot unlock anything): cut, not refused.
  const listed = optional(body, 'items', pointer, list) ?? [];
  const items = Object.freeze(Array.from(listed.slice(0, MAX_ITEMS), (item, i) => parseItem(item, `${pointer}/items/${i}`)));
  const resolveUrl = optional(body, 'resolve_url', pointer, string);
  return Object.freeze({
    /** `dns_zones`, `edge_applications`, `debts`, or a type this kit does not know. */
    type: field(body, 'type', pointer, nonEmptyString),
    /** `passed` or `blocking`; any other value blocks too. */
    status: field(body, 'status', pointer, nonEmptyString),
    /** How many resources block in all (the server's total, or the number listed when it gave none). */
    count: optional(body, 'count', pointer, (v, p) => integer(v, p, 0)) ?? listed.length,
    /** The first 50 (at most) of the blocking resources. */
    items,
    /** For debts: the total due. */
    amount: optional(body, 'amount', pointer, parseAmount),
    /** Where the user resolves the check: only http(s) URLs and paths are kept. */
    resolveUrl: resolveUrl === undefined ? undefined : safeHttpUrl(resolveUrl),
    /** The server's label, for types the kit does not know. */
    title: optional(body, 'title', pointer, string),
    /** The server's explanation, for types the kit does not know. */
    message: optional(body, 'message', pointer, string),
  });
}

/** Reads a list of checks, as found in the precondition body and in a 409's `errors[0].meta.checks`. */
export function parseChecks(value: unknown, pointer: string) {
  // Array.from visits the holes of a sparse array too, so none can slip through unread.
  return Object.freeze(Array.from(list(value, pointer), (check, i) => parseCheck(check, `${pointer}/${i}`)));
}

function parseAccount(value: unknown, pointer: string) {
  const body = object(value, pointer);
  return Object.freeze({
    id: integer(body['id'], `${pointer}/id`, 1),
    name: field(body, 'name', pointer, nonEmptyString),
    /** `client`, `reseller`, `brand` or `group`: informative only. */
    kind: optional(body, 'kind', pointer, string),
  });
}

/** True when a check no longer blocks deletion. */
export function isResolved(check: Check): boolean {
  return check.status === 'passed';
}

/** Reads the body of `GET /v4/account/deletion/preconditions`. */
export function parsePreconditions(value: unknown) {
  const data = object(object(value, '')['data'], '/data');
  const serverSaysDeletable = data['deletable'];
  if (typeof serverSaysDeletable !== 'boolean') fail('/data/deletable', 'true or false');
  const checks = parseChecks(data['checks'], '/data/checks');
  return Object.freeze({
    account: parseAccount(data['account'], '/data/account'),
    /** True only when the server said so and every check passed. */
    deletable: serverSaysDeletable && checks.every(isResolved),
    checks,
    /** When the server evaluated the checks (an RFC 3339 date-time, as sent), when it said. */
    checkedAt: optional(data, 'checked_at', '/data', dateTime),
  });
}

/** The account and every deletion check, as read from the server. */
export type Preconditions = ReturnType<typeof parsePreconditions>;
/** The account that would be deleted. */
export type Account = Preconditions['account'];
/** One condition for deletion. */
export type Check = ReturnType<typeof parseCheck>;
/** One blocking resource of a check, such as a DNS zone. */
export type CheckItem = Check['items'][number];
/** An amount due, as a decimal string and a currency code. */
export type Amount = NonNullable<Check['amount']>;
