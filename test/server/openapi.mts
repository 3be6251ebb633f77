// The OpenAPI contract, read from the YAML file itself (test/account-deletion.openapi.yaml, a copy of
// ../shared/spec/account-deletion.openapi.yaml kept word for word by contract.test.mts, so that a clone
// on its own runs these tests) and compiled by a real JSON Schema 2020-12 validator (OpenAPI 3.1's dialect):
// every answer of the handler is checked against the operation's response for its status.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

export const SPEC_PATH = fileURLToPath(new URL('../account-deletion.openapi.yaml', import.meta.url));
/** The contract as the team's shared folder holds it, beside the project (absent from a clone on its own). */
export const SHARED_SPEC_PATH = fileURLToPath(new URL('../../../shared/spec/account-deletion.openapi.yaml', import.meta.url));
const spec = parse(readFileSync(SPEC_PATH, 'utf8'));
const SPEC_ID = 'https://account-deletion-kit.invalid/openapi.json';

// OpenAPI keywords (`example`, `examples` on schemas are JSON Schema too) are not schema keywords: not strict.
const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormatsModule as unknown as (ajv: Ajv2020) => void)(ajv);
ajv.addSchema(spec, SPEC_ID);

const validators = new Map<string, ValidateFunction>();
function validatorAt(pointer: string): ValidateFunction {
  let validate = validators.get(pointer);
  if (!validate) {
    validate = ajv.getSchema(`${SPEC_ID}#${pointer}`);
    if (!validate) throw new Error(`No schema at ${pointer} in ${SPEC_PATH}`);
    validators.set(pointer, validate);
  }
  return validate;
}

const escape = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/** The operation's response object for `status` (or its `5XX`), with a `$ref` followed; and where it is. */
function responseFor(path: string, method: string, status: number): { response: Record<string, unknown>; pointer: string } | undefined {
  const responses = spec.paths?.[path]?.[method.toLowerCase()]?.responses;
  if (!responses) throw new Error(`The contract has no ${method} ${path}`);
  const key = String(status) in responses ? String(status) : status >= 500 && '5XX' in responses ? '5XX' : undefined;
  if (!key) return undefined;
  let pointer = `/paths/${escape(path)}/${method.toLowerCase()}/responses/${key}`;
  let response = responses[key];
  if (typeof response.$ref === 'string') {
    pointer = response.$ref.slice(1);
    response = pointer.split('/').slice(1).reduce((node: Record<string, unknown>, part: string) => node[part.replace(/~1/g, '/').replace(/~0/g, '~')] as Record<string, unknown>, spec);
  }
  return { response, pointer };
}

export interface Verdict {
  ok: boolean;
  problems: string[];
  body: unknown;
}

/**
 * Checks one answer against the contract. `path` is the contract's template
 * (`/v4/account/deletion/preconditions`, `/v3/account/{account_id}`), or undefined for any other path,
 * whose 404/405 must be an `ErrorBody`.
 */
export async function checkAnswer(path: string | undefined, method: string, response: Response): Promise<Verdict> {
  const problems: string[] = [];
  const text = await response.text();
  let body: unknown;
  const found = path ? responseFor(path, method, response.status) : { response: { content: { 'application/json': {} } }, pointer: '/components/schemas/ErrorBody' };
  if (!found) return { ok: false, problems: [`status ${response.status} is not an answer of ${method} ${path}`], body: text };
  if (!response.headers.get('x-request-id')) problems.push('no X-Request-Id');
  if (response.headers.get('cache-control') !== 'no-store') problems.push('not Cache-Control: no-store');
  const content = (found.response as { content?: Record<string, unknown> }).content;
  if (!content) {
    if (text !== '') problems.push(`a body where the contract has none: ${text.slice(0, 80)}`);
    return { ok: problems.length === 0, problems, body: undefined };
  }
  if (!/^application\/json\b/.test(response.headers.get('content-type') ?? '')) problems.push(`content-type ${response.headers.get('content-type')}`);
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, problems: [...problems, `not JSON: ${text.slice(0, 80)}`], body: text };
  }
  const schemaPointer = path ? `${found.pointer}/content/application~1json/schema` : found.pointer;
  const validate = validatorAt(schemaPointer);
  if (!validate(body)) problems.push(...(validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`));
  // A 409's checks are the contract's Check objects too.
  const checks = (body as { errors?: { meta?: { checks?: unknown } }[] })?.errors?.[0]?.meta?.checks;
  if (response.status === 409 && (body as { errors?: { code?: string }[] })?.errors?.[0]?.code === 'account_has_blockers') {
    if (!Array.isArray(checks)) problems.push('a 409 account_has_blockers without meta.checks');
    else for (const check of checks) if (!validatorAt('/components/schemas/Check')(check)) problems.push(`meta.checks: ${JSON.stringify(validatorAt('/components/schemas/Check').errors)}`);
  }
  return { ok: problems.length === 0, problems, body };
}
