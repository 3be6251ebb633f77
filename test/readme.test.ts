import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { createFakeBackend, createFakeFetch } from '../testing/index.js';

/** The first ```ts block after `heading` in the README, as a newcomer would copy it. */
async function exampleAfter(heading: string): Promise<string> {
  const readme = await (await fetch('/README.md')).text();
  const start = readme.indexOf(`\n${heading}\n`);
  expect(start, `README has "${heading}"`).to.be.greaterThan(-1);
  const block = /```ts\n([\s\S]*?)```/.exec(readme.slice(start));
  expect(block, `a ts example after "${heading}"`).to.not.equal(null);
  return block![1]!;
}

/** Runs README code as a module, with the package's names pointing at this checkout's sources. */
async function run(code: string): Promise<void> {
  const here = (path: string) => new URL(path, location.href).href;
  const source = code
    .replaceAll("from 'account-deletion-kit/testing'", `from '${here('/testing/index.ts')}'`)
    .replaceAll("from 'account-deletion-kit'", `from '${here('/src/index.ts')}'`);
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  try {
    await import(/* @vite-ignore */ url);
  } finally {
    URL.revokeObjectURL(url);
  }
}

describe('the README examples', () => {
  afterEach(() => {
    sinon.restore();
    sessionStorage.clear();
  });

  it('the SDK example deletes a deletable account with the stored token', async () => {
    const example = await exampleAfter('## The SDK');
    const backend = createFakeBackend({ token: 'readme-token' });
    backend.resolveAll();
    sinon.stub(window, 'fetch').callsFake(createFakeFetch(backend));
    sessionStorage.setItem('azion-token', 'readme-token');
    const log = sinon.stub(console, 'log');

    await run(example);

    expect(backend.requests.map((r) => `${r.method} ${r.status}`)).to.deep.equal(['GET 200', 'DELETE 204']);
    expect(backend.state.deleted).to.equal(true);
    expect(log.calledWith('Deleted.')).to.equal(true);
  });

  it('the fake backend example runs as written and logs every request', async () => {
    const log = sinon.stub(console, 'log');

    await run(await exampleAfter('## Testing with the fake backend'));

    const lines = log.lastCall.args[0] as string[];
    expect(lines.map((line) => line.replace(/^(\w+) \S+ /, '$1 '))).to.deep.equal([
      'GET 200',
      'DELETE 409',
      'DELETE 204',
      'DELETE 204',
      'DELETE 410',
    ]);
  });
});
