/**
 * The `dns_zones` and `edge_applications` checks: one page of the upstream list is enough, because
 * the envelope's `count` is the total and the contract lists at most 50 items.
 */
import { MAX_ITEMS } from '../check-shape.js';
import type { Check, CheckSource, DeletionContext } from '../types.js';
import { idOf, readPage, unreadable } from './envelope.js';
import { getJson, type Upstream } from './upstream.js';

function blockingOrPassed(type: string, count: number, items: { id: number | string; name: string }[], resolveUrl: string): Check {
  if (count === 0) return { type, status: 'passed', count: 0, items: [] };
  return { type, status: 'blocking', count, items, resolve_url: resolveUrl };
}

/** Every active DNS zone blocks; an item's name is the zone's domain, the name people know it by. */
export function dnsZonesCheck(up: Upstream, apiBase: string, resolveUrl: string): CheckSource {
  const what = 'the list of DNS zones';
  return {
    type: 'dns_zones',
    async evaluate(ctx: DeletionContext) {
      const url = `${apiBase}/v4/workspace/dns/zones?active=true&page=1&page_size=${MAX_ITEMS}`;
      const page = readPage(await getJson(up, ctx, url, what), what);
      const items = page.results.slice(0, MAX_ITEMS).map((zone) => {
        // Only active zones were asked for: an inactive one means the filter was not applied, and then
        // the count is not the count of active zones either.
        if (zone['active'] === false) throw unreadable(what, 'an inactive zone in a list of active ones');
        const name = typeof zone['domain'] === 'string' && zone['domain'] !== '' ? zone['domain'] : zone['name'];
        if (typeof name !== 'string') throw unreadable(what, 'a zone without a domain');
        return { id: idOf(zone, what), name };
      });
      return blockingOrPassed('dns_zones', page.count, items, resolveUrl);
    },
  };
}

/** Every edge application blocks: they must be removed before the account goes. */
export function edgeApplicationsCheck(up: Upstream, apiBase: string, resolveUrl: string): CheckSource {
  const what = 'the list of edge applications';
  return {
    type: 'edge_applications',
    async evaluate(ctx: DeletionContext) {
      const url = `${apiBase}/v4/workspace/applications?page=1&page_size=${MAX_ITEMS}`;
      const page = readPage(await getJson(up, ctx, url, what), what);
      const items = page.results.slice(0, MAX_ITEMS).map((app) => {
        if (typeof app['name'] !== 'string') throw unreadable(what, 'an application without a name');
        return { id: idOf(app, what), name: app['name'] };
      });
      return blockingOrPassed('edge_applications', page.count, items, resolveUrl);
    },
  };
}
