/**
 * Azion's v4 paging envelope: `{ count, total_pages, page, page_size, next, previous, results }`.
 * Read strictly: a list whose total or entries cannot be trusted is an `UpstreamError`, which makes its
 * check `unavailable`.
 */
import { UpstreamError } from '../errors.js';

export interface Page {
  /** The upstream's total, over every page. */
  count: number;
  results: Record<string, unknown>[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function unreadable(what: string, why: string): UpstreamError {
  return new UpstreamError(502, `Azion's API answered ${what} with something that could not be read (${why}).`);
}

export function readPage(body: unknown, what: string): Page {
  if (!isRecord(body)) throw unreadable(what, 'not an object');
  const { count, results } = body;
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) throw unreadable(what, 'no total count');
  if (!Array.isArray(results)) throw unreadable(what, 'no list of results');
  if (results.length > count) throw unreadable(what, 'more results than its count');
  if (!results.every(isRecord)) throw unreadable(what, 'an entry that is not an object');
  return { count, results };
}

/** An entry's `id`: a whole number or a string, as the contract's items carry it. */
export function idOf(entry: Record<string, unknown>, what: string): number | string {
  const { id } = entry;
  if ((typeof id === 'number' && Number.isSafeInteger(id)) || (typeof id === 'string' && id !== '')) return id;
  throw unreadable(what, 'an entry without an id');
}
