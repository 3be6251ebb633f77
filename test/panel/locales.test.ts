/**
 * The page's locales in the browser: Spanish from its module in the panel and the window, with the
 * contract's roles under Spanish names; Portuguese for every Portuguese tag; a locale registered or a
 * string changed while the elements are on the page; the `strings` property over all of it; and wrong
 * words that never make Delete usable.
 */
import { expect, fixtureSync, html, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/locales/es.js';
import { es } from '../../src/locales/es.js';
import '../../components/account-delete-dialog/account-delete-dialog.js';
import { overrideLocale, registerLocale, type Strings } from '../../components/account-delete-panel/account-delete-panel.js';
import { en } from '../../src/flow/index.js';
import { localesChanged, sharedLocales } from '../../src/flow/words/registry.js';
import {
  blockedBody,
  buttonNamed,
  checkNames,
  checksList,
  clearBody,
  deleteAndSettle,
  deleteButton,
  eventually,
  fakeApi,
  heading,
  isUnusable,
  labelOf,
  mount,
  ok,
  quiet,
  readyToDelete,
  reasonOf,
  status,
  statusRegion,
  successMessage,
  textbox,
} from './helpers.js';

const words = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

afterEach(() => {
  sinon.restore();
  // Back to what the page had: Spanish from its module, nothing changed.
  const shared = sharedLocales();
  for (const tag of [...shared.words.keys()]) if (tag !== 'es') shared.words.delete(tag);
  shared.words.set('es', es);
  shared.overrides.clear();
  localesChanged(shared);
});

describe('in Spanish, from account-deletion-kit/locales/es', () => {
  it('names every part in Spanish, for a Latin American tag', async () => {
    const el = await mount(fakeApi({ checks: [ok(blockedBody())] }), { lang: 'es-MX' });
    expect(words(heading(el))).to.equal('Eliminar cuenta');
    expect(checksList(el)!.getAttribute('aria-label')).to.equal('Verificaciones para eliminar la cuenta');
    expect(checkNames(el)).to.deep.equal([
      'Zonas DNS: 2 zonas activas deben desactivarse (acme.com, acme.dev)',
      'Edge applications: resuelto',
      'Deudas: 120.50 USD por pagar',
    ]);
    expect(labelOf(textbox(el)!)).to.equal('Escribe el nombre de la cuenta para confirmar');
    expect(words(deleteButton(el))).to.equal('Eliminar cuenta');
    expect(isUnusable(deleteButton(el))).to.equal(true);
    expect(buttonNamed(el, 'Verificar de nuevo')).to.exist;
    expect(reasonOf(el)).to.equal('Primero resuelve 2 elementos');
    expect(words(statusRegion(el))).to.equal('2 elementos impiden la eliminación.');
    expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('lang')).to.equal('es');
    await expect(el).to.be.accessible();
  });

  it('confirms the deletion and explains an error in Spanish', async () => {
    const done = await readyToDelete(fakeApi({ checks: [ok(clearBody())] }), { lang: 'es-419', redirectDelay: 60_000 });
    await deleteAndSettle(done);
    expect(words(successMessage(done))).to.contain('Tu cuenta se eliminó correctamente.');
    expect(words(successMessage(done))).to.contain('Un correo electrónico de confirmación va en camino.');
    expect(words(done.shadowRoot!.querySelector('[part="stay-button"]'))).to.equal('Quedarse en esta página');
    await expect(done).to.be.accessible();

    const failed = await readyToDelete(fakeApi({ checks: [ok(clearBody())], deletes: [status(500)] }), { lang: 'es' });
    await deleteAndSettle(failed);
    expect(words(failed.shadowRoot!.querySelector('[role="alert"]'))).to.contain(
      'El servidor tuvo un problema (código 500) y la eliminación no se confirmó. Presiona Eliminar cuenta de nuevo',
    );
    expect(buttonNamed(failed, 'Eliminar cuenta')!.getAttribute('aria-disabled')).to.equal('false');
    await expect(failed).to.be.accessible();
  });

  it('names the window, its button and Close in Spanish', async () => {
    const api = fakeApi({ checks: [ok(blockedBody())] });
    const root = fixtureSync<HTMLElement>(html`<div lang="es-AR"><account-delete-dialog .client=${api.client} redirect-url="#gone"></account-delete-dialog></div>`);
    const el = root.querySelector('account-delete-dialog')!;
    await el.updateComplete;
    const trigger = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="trigger"]')!;
    expect(words(trigger)).to.equal('Eliminar cuenta');
    const checked = oneEvent(el, 'account-delete-checked');
    trigger.click();
    await checked;
    const panel = el.shadowRoot!.querySelector('account-delete-panel')!;
    await panel.updateComplete;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('dialog')!.getAttribute('aria-label')).to.equal('Eliminar cuenta');
    expect(words(el.shadowRoot!.querySelector('[part="close-button"]'))).to.equal('Cerrar');
    expect(words(heading(panel))).to.equal('Eliminar cuenta');
    expect(checkNames(panel)[2]).to.equal('Deudas: 120.50 USD por pagar');
    await expect(el).to.be.accessible();
  });
});

describe('the fallback', () => {
  it('speaks Brazilian Portuguese for a longer pt-BR tag', async () => {
    const el = await mount(fakeApi({ checks: [ok(blockedBody())] }), { lang: 'pt-BR-u-nu-latn' });
    expect(words(heading(el))).to.equal('Excluir conta');
    expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('lang')).to.equal('pt-BR');
  });

  // The contract: "en and pt-BR are complete; others fall back to en". Other Portuguese tags too.
  for (const lang of ['fr-CA', 'pt', 'pt-PT']) {
    it(`speaks English for lang="${lang}"`, async () => {
      const el = await mount(fakeApi({ checks: [ok(blockedBody())] }), { lang });
      expect(words(heading(el))).to.equal('Delete account');
      expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('lang')).to.equal('en');
    });
  }
});

describe('the page\'s language changed while the elements are on it', () => {
  it('is followed at once by the panel, the window\'s button and the window', async () => {
    const api = fakeApi({ checks: [ok(blockedBody()), ok(blockedBody())] });
    const root = fixtureSync<HTMLElement>(html`<div lang="en">
      <account-delete-panel .client=${api.client}></account-delete-panel>
      <account-delete-dialog .client=${api.client}></account-delete-dialog>
    </div>`);
    const panel = root.querySelector('account-delete-panel')!;
    const dialog = root.querySelector('account-delete-dialog')!;
    await eventually(() => checksList(panel), 'the checks');
    await dialog.updateComplete;
    expect(words(heading(panel))).to.equal('Delete account');
    // A language switcher of the page: before, the panel followed at its next render (if any), the
    // window's button never.
    root.setAttribute('lang', 'pt-BR');
    await eventually(() => words(heading(panel)) === 'Excluir conta', 'the panel in Portuguese');
    await eventually(() => words(dialog.shadowRoot!.querySelector('[part="trigger"]')) === 'Excluir conta', 'the button in Portuguese');
    dialog.show();
    await dialog.updateComplete;
    expect(dialog.shadowRoot!.querySelector('dialog')!.getAttribute('aria-label')).to.equal('Excluir conta');
    root.removeAttribute('lang');
    await eventually(() => words(heading(panel)) === 'Delete account', 'back in English: the document has no lang');
  });
});

describe('a lang changed inside the shadow root the panel sits in', () => {
  it('is followed at once too', async () => {
    const api = fakeApi({ checks: [ok(blockedBody())] });
    const host = fixtureSync<HTMLElement>(html`<div></div>`);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<section lang="en"></section>';
    const panel = document.createElement('account-delete-panel');
    panel.client = api.client;
    shadow.querySelector('section')!.append(panel);
    await eventually(() => checksList(panel), 'the checks');
    expect(words(heading(panel))).to.equal('Delete account');
    shadow.querySelector('section')!.setAttribute('lang', 'pt-BR');
    await eventually(() => words(heading(panel)) === 'Excluir conta', 'the panel in Portuguese');
  });
});

describe('a locale registered or changed while the elements are on the page', () => {
  const french: Strings = { ...en, heading: 'Supprimer le compte', deleteButton: 'Supprimer le compte', checkAgain: 'Vérifier à nouveau' };

  it('draws the panel and the window again in it', async () => {
    const api = fakeApi({ checks: [ok(blockedBody()), ok(blockedBody())] });
    const panel = await mount(api, { lang: 'fr' });
    const dialog = fixtureSync<HTMLElementTagNameMap['account-delete-dialog']>(html`<account-delete-dialog lang="fr" .client=${api.client}></account-delete-dialog>`);
    await dialog.updateComplete;
    expect(words(heading(panel))).to.equal('Delete account');
    registerLocale('fr', french);
    await panel.updateComplete;
    await dialog.updateComplete;
    expect(words(heading(panel))).to.equal('Supprimer le compte');
    expect(buttonNamed(panel, 'Vérifier à nouveau')).to.exist;
    expect(words(dialog.shadowRoot!.querySelector('[part="trigger"]'))).to.equal('Supprimer le compte');
  });

  it('changes single strings of one locale and keeps the others; the strings property still wins', async () => {
    const el = await mount(fakeApi({ checks: [ok(blockedBody())] }), { lang: 'es-CO' });
    overrideLocale('es', { deleteButton: 'Eliminar mi cuenta', reasonBlocked: (count) => `Faltan ${count}` });
    await el.updateComplete;
    expect(words(deleteButton(el))).to.equal('Eliminar mi cuenta');
    expect(reasonOf(el)).to.equal('Faltan 2');
    expect(words(heading(el))).to.equal('Eliminar cuenta');
    el.strings = { deleteButton: 'Cerrar cuenta' };
    await el.updateComplete;
    expect(words(deleteButton(el))).to.equal('Cerrar cuenta');
    expect(reasonOf(el)).to.equal('Faltan 2');
  });

  it('draws again, once back on the page, an element that was away when the locale came', async () => {
    const el = await mount(fakeApi({ checks: [ok(blockedBody()), ok(blockedBody())] }), { lang: 'de' });
    const parent = el.parentElement!;
    el.remove();
    registerLocale('de', { ...en, heading: 'Konto löschen' });
    parent.append(el);
    await el.updateComplete;
    expect(words(heading(el))).to.equal('Konto löschen');
  });

  it('never makes Delete usable through words that are wrong', async () => {
    sinon.stub(console, 'warn');
    const throwing = (() => {
      throw new Error('no translation');
    }) as unknown as Strings['reasonBlocked'];
    overrideLocale('es', { reasonBlocked: throwing, reasonConfirm: 42 } as unknown as Partial<Strings>);
    registerLocale('it', { ...en, reasonBlocked: throwing, heading: undefined } as unknown as Strings);
    for (const lang of ['es', 'it']) {
      const api = fakeApi({ checks: [ok(blockedBody())] });
      const el = await mount(api, { lang, confirmation: 'none' });
      expect(isUnusable(deleteButton(el)), lang).to.equal(true);
      expect(reasonOf(el), lang).to.equal(lang === 'es' ? 'Primero resuelve 2 elementos' : 'Resolve 2 items first');
      deleteButton(el).click();
      await quiet(el);
      expect(api.deletes(), lang).to.have.length(0);
    }
    const ready = await mount(fakeApi({ checks: [ok(clearBody())] }), { lang: 'es' });
    expect(isUnusable(deleteButton(ready))).to.equal(true);
    expect(reasonOf(ready)).to.equal('Primero escribe el nombre de la cuenta');
    const said = (console.warn as sinon.SinonStub).getCalls().map((call) => String(call.args[0]));
    expect(said.some((line) => line.includes('overrideLocale("es"): ignored (unknown or of the wrong kind): reasonConfirm'))).to.equal(true);
    expect(said.some((line) => line.includes('"it" reasonBlocked threw or gave no string'))).to.equal(true);
  });

  it('throws a TypeError for a tag that is none, and changes nothing', async () => {
    const el = await mount(fakeApi({ checks: [ok(blockedBody())] }), { lang: 'es' });
    expect(() => registerLocale('not a tag', en)).to.throw(TypeError, /language tag/);
    expect(() => overrideLocale('es', null as unknown as Partial<Strings>)).to.throw(TypeError);
    await el.updateComplete;
    expect(words(heading(el))).to.equal('Eliminar cuenta');
  });
});
