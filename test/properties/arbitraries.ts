/** Generators of precondition bodies, valid and broken, shared by the property tests. */
import fc from 'fast-check';

const KNOWN_TYPES = ['dns_zones', 'edge_applications', 'debts'];

export const wireItem = fc.record({
  id: fc.oneof(fc.integer({ min: 1, max: 1_000_000 }), fc.string({ minLength: 1, maxLength: 12 })),
  name: fc.string({ maxLength: 40, unit: 'grapheme' }),
});

const decimal = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.option(fc.integer({ min: 0, max: 99 }), { nil: undefined }))
  .map(([negative, whole, cents]) => `${negative ? '-' : ''}${whole}${cents === undefined ? '' : `.${String(cents).padStart(2, '0')}`}`);

export const wireCheck = fc.record(
  {
    type: fc.oneof(fc.constantFrom(...KNOWN_TYPES), fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== '')),
    status: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('passed', 'blocking') }, fc.string({ minLength: 1, maxLength: 10 }).filter((s) => s.trim() !== '')),
    count: fc.nat({ max: 200_000 }),
    items: fc.array(wireItem, { maxLength: 8 }),
    amount: fc.record({ value: decimal, currency: fc.constantFrom('USD', 'BRL', 'EUR') }),
    resolve_url: fc.constantFrom('https://console.example/x', '/billing', 'javascript:alert(1)', 'data:text/html,x', 'http://a.example/'),
    title: fc.string({ maxLength: 30 }),
    message: fc.string({ maxLength: 60 }),
  },
  { requiredKeys: ['type', 'status'] },
);

/** Bodies that follow the spec exactly. */
export const validBody = fc.record({
  data: fc.record(
    {
      account: fc.record(
        {
          id: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
          name: fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }).filter((s) => s.trim() !== ''),
          kind: fc.constantFrom('client', 'reseller', 'brand', 'group'),
        },
        { requiredKeys: ['id', 'name'] },
      ),
      deletable: fc.boolean(),
      // RFC 3339 (the contract's date-time) has four-digit years.
      checked_at: fc.date({ noInvalidDate: true, min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z') }).map((d) => d.toISOString()),
      checks: fc.array(wireCheck, { maxLength: 6 }),
    },
    { requiredKeys: ['account', 'deletable', 'checks'] },
  ),
});

/** A value that is wrong in a way a server or proxy might get wrong. */
const odd = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.constantFrom(1e308, -1, 0, 2 ** 53, 1.5, Number.MAX_SAFE_INTEGER + 2, NaN),
  fc.constantFrom('', ' ', 'x'.repeat(10_000), 'true', '1234', '<b>x</b>'),
  fc.boolean(),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
  fc.jsonValue({ maxDepth: 2 }),
);

type Path = (string | number)[];

function paths(value: unknown, prefix: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const own = Object.entries(value).flatMap(([key, child]) => paths(child, [...prefix, Array.isArray(value) ? Number(key) : key]));
  return [prefix, ...own];
}

function setAt(root: unknown, path: Path, next: unknown, remove: boolean): unknown {
  if (path.length === 0) return next;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let cursor = copy;
  for (const key of path.slice(0, -1)) cursor = cursor[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (remove) Reflect.deleteProperty(cursor, last);
  else cursor[last] = next;
  return copy;
}

/** Valid bodies the server means as "go ahead": deletable, and every check passed. */
export const deletableBody = validBody.map((body) => ({
  data: { ...body.data, deletable: true, checks: body.data.checks.map((check) => ({ ...check, status: 'passed' })) },
}));

/** Bodies from `base` with one field replaced, removed, or one extra field added: near-valid. */
export const nearValidFrom = (base: fc.Arbitrary<unknown>) =>
  fc.tuple(base, fc.nat(), odd, fc.constantFrom('replace', 'remove', 'extra')).map(([body, pick, value, how]) => {
    const all = paths(body);
    if (how === 'extra') {
      const objects = all.filter((path) => {
        const at = path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], body);
        return typeof at === 'object' && at !== null && !Array.isArray(at);
      });
      return setAt(body, [...objects[pick % objects.length]!, '__extra'], value, false);
    }
    return setAt(body, all[pick % all.length]!, value, how === 'remove');
  });

/** A valid body with one field replaced, removed, or one extra field added: near-valid. */
export const nearValidBody = nearValidFrom(validBody);

/** Anything at all a broken server could send as JSON. */
export const anyJson = fc.jsonValue({ maxDepth: 6 });
