import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import {
  ACCOUNT,
  clearBody,
  deleteAndSettle,
  deleteButton,
  fakeApi,
  isUnusable,
  labelOf,
  mount,
  ok,
  quiet,
  reasonOf,
  textbox,
  typeName,
} from './helpers.js';

afterEach(() => sinon.restore());

/** Mounts a clear account named `name` and types `typed`: is the Delete button usable then? */
async function accepts(name: string, typed: string): Promise<boolean> {
  const el = await mount(fakeApi({ checks: [ok(clearBody({ id: 7, name }))] }));
  await typeName(el, typed);
  return !isUnusable(deleteButton(el));
}

describe('typing the account name to confirm', () => {
  it('asks for the name in a textbox named "Type the account name to confirm"', async () => {
    const el = await mount(fakeApi({ checks: [ok(clearBody())] }));
    const input = textbox(el)!;
    expect(input.type).to.equal('text');
    expect(labelOf(input)).to.equal('Type the account name to confirm');
    expect(input.getAttribute('autocomplete')).to.equal('off');
    await expect(el).to.be.accessible();
  });

  it('keeps Delete unusable until the name is typed, then makes it usable with no reason left', async () => {
    const el = await mount(fakeApi({ checks: [ok(clearBody())] }));
    expect(reasonOf(el)).to.equal('Type the account name first');
    await typeName(el, 'Acme Cor');
    expect(isUnusable(deleteButton(el))).to.equal(true);
    await typeName(el, 'Acme Corp');
    const button = deleteButton(el);
    expect(button.getAttribute('aria-disabled')).to.equal('false');
    expect(button.disabled).to.equal(false);
    expect(button.hasAttribute('aria-describedby')).to.equal(false);
    expect(reasonOf(el)).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('locks Delete again when the name is edited away', async () => {
    const el = await mount(fakeApi({ checks: [ok(clearBody())] }));
    await typeName(el, 'Acme Corp');
    await typeName(el, 'Acme Corpx');
    expect(isUnusable(deleteButton(el))).to.equal(true);
    expect(reasonOf(el), 'as many characters as the name, and no match: it says so').to.equal('The name typed does not match the account name yet');
    await typeName(el, 'Acme');
    expect(isUnusable(deleteButton(el))).to.equal(true);
    expect(reasonOf(el), 'still typing').to.equal('Type the account name first');
  });

  it('sends no DELETE when Delete is clicked before the name matches', async () => {
    const api = fakeApi({ checks: [ok(clearBody())] });
    const el = await mount(api);
    await typeName(el, 'Acme');
    deleteButton(el).click();
    await quiet(el);
    expect(api.deletes()).to.have.length(0);
  });

  it('accepts the name with white space around it', async () => {
    expect(await accepts('Acme Corp', '  Acme Corp\t ')).to.equal(true);
  });

  it('accepts the name in any letter case', async () => {
    expect(await accepts('Acme Corp', 'ACME corp')).to.equal(true);
    expect(await accepts('Straße GmbH', 'STRASSE GMBH')).to.equal(true);
  });

  it('accepts a decomposed é for a composed one, and the other way round', async () => {
    const composed = 'Caf\u00e9 Ltda';
    const decomposed = 'Cafe\u0301 Ltda';
    expect(await accepts(composed, decomposed)).to.equal(true);
    expect(await accepts(decomposed, composed)).to.equal(true);
  });

  it('refuses "Cafe" for "Café": accents count', async () => {
    expect(await accepts('Café', 'Cafe')).to.equal(false);
  });

  it('refuses a name with different inner spaces', async () => {
    expect(await accepts('Acme Corp', 'AcmeCorp')).to.equal(false);
    expect(await accepts('Acme Corp', 'Acme  Corp')).to.equal(false);
  });

  it('never accepts an empty or blank entry', async () => {
    expect(await accepts('Acme Corp', '')).to.equal(false);
    expect(await accepts('Acme Corp', '   ')).to.equal(false);
  });

  it('still asks for the name when confirmation has a value it does not know', async () => {
    const el = await mount(fakeApi({ checks: [ok(clearBody())] }), { confirmation: 'yes' });
    expect(textbox(el)).to.exist;
    expect(reasonOf(el)).to.equal('Type the account name first');
  });
});

describe('with confirmation="none"', () => {
  it('shows no textbox and lets Delete work without typing', async () => {
    const api = fakeApi({ checks: [ok(clearBody())] });
    const el = await mount(api, { confirmation: 'none' });
    expect(textbox(el)).to.equal(null);
    expect(isUnusable(deleteButton(el))).to.equal(false);
    await expect(el).to.be.accessible();
    await deleteAndSettle(el);
    expect(api.deletes()).to.have.length(1);
    expect(api.deletes()[0]!.url).to.match(new RegExp(`/api/v3/account/${ACCOUNT.id}$`));
  });
});
