import { expect, fixtureSync, html, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import type { Strings } from '../../components/account-delete-panel/account-delete-panel.js';
import {
  blockedBody,
  bodyWith,
  buttonNamed,
  checkNames,
  checksList,
  clearBody,
  deleteAndSettle,
  deleteButton,
  fakeApi,
  hang,
  heading,
  held,
  isUnusable,
  labelOf,
  langOf,
  mount,
  mountIn,
  noContent,
  ok,
  quiet,
  readyToDelete,
  reasonOf,
  status,
  statusRegion,
  successMessage,
  text,
  textbox,
  type AccountDeletePanel,
} from './helpers.js';

const originalDocumentLang = document.documentElement.lang;

afterEach(() => {
  sinon.restore();
  document.documentElement.lang = originalDocumentLang;
  history.replaceState(null, '', location.pathname + location.search);
});

const words = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('in Brazilian Portuguese', () => {
  it('names every part in Portuguese with lang="pt-BR" on the panel', async () => {
    const el = await mount(fakeApi({ checks: [ok(blockedBody())] }), { lang: 'pt-BR' });
    expect(words(heading(el))).to.equal('Excluir conta');
    expect(checksList(el)!.getAttribute('aria-label')).to.equal('Verificações para excluir a conta');
    expect(checkNames(el)).to.deep.equal([
      'Zonas DNS: 2 zonas ativas precisam ser desativadas (acme.com, acme.dev)',
      'Edge applications: resolvido',
      'Débitos: 120,50 USD em aberto',
    ]);
    expect(labelOf(textbox(el)!)).to.equal('Digite o nome da conta para confirmar');
    expect(words(deleteButton(el))).to.equal('Excluir conta');
    expect(buttonNamed(el, 'Verificar de novo')).to.exist;
    expect(reasonOf(el)).to.equal('Resolva 2 itens antes');
    expect(words(statusRegion(el))).to.equal('2 itens impedem a exclusão.');
    expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('lang')).to.equal('pt-BR');
    await expect(el).to.be.accessible();
  });

  it('takes the language from an ancestor', async () => {
    const api = fakeApi({ checks: [ok(blockedBody())] });
    const { el } = await mountIn(html`<section lang="pt-BR">
      <div><account-delete-panel .client=${api.client} redirect-url="#deleted"></account-delete-panel></div>
    </section>`);
    expect(words(heading(el))).to.equal('Excluir conta');
    expect(checkNames(el)[2]).to.equal('Débitos: 120,50 USD em aberto');
  });

  it('takes the language from an ancestor outside an enclosing shadow root', async () => {
    const api = fakeApi({ checks: [ok(blockedBody())] });
    const outer = fixtureSync<HTMLElement>(html`<div lang="pt-BR"><div></div></div>`);
    const shadow = outer.firstElementChild!.attachShadow({ mode: 'open' });
    const checked = oneEvent(document, 'account-delete-checked');
    const el = document.createElement('account-delete-panel');
    el.client = api.client;
    shadow.append(el);
    await checked;
    await el.updateComplete;
    expect(words(heading(el))).to.equal('Excluir conta');
  });

  it('a pt-BR page → lang="" on the nearest ancestor (language unknown): English, not the page\'s Portuguese', async () => {
    // Before: an empty lang was passed over as if absent, and the panel spoke the language further up.
    document.documentElement.lang = 'pt-BR';
    const api = fakeApi({ checks: [ok(blockedBody())] });
    const { el } = await mountIn(html`<section lang="pt-BR"><div lang="">
      <account-delete-panel .client=${api.client} redirect-url="#deleted"></account-delete-panel>
    </div></section>`);
    expect(words(heading(el))).to.equal('Delete account');
    expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('lang')).to.equal('en');
    // Through an enclosing shadow root too: its host's lang="" is the nearest.
    const outer = fixtureSync<HTMLElement>(html`<div lang="pt-BR"><div lang=""></div></div>`);
    const shadow = outer.querySelector('[lang=""]')!.attachShadow({ mode: 'open' });
    const checked = oneEvent(document, 'account-delete-checked');
    const inside = document.createElement('account-delete-panel');
    inside.client = fakeApi({ checks: [ok(blockedBody())] }).client;
    shadow.append(inside);
    await checked;
    await inside.updateComplete;
    expect(words(heading(inside))).to.equal('Delete account');
  });

  it('takes the language from the document', async () => {
    document.documentElement.lang = 'pt-BR';
    const el = await mount(fakeApi({ checks: [ok(blockedBody())] }));
    expect(words(heading(el))).to.equal('Excluir conta');
  });

  it('announces the check in Portuguese', async () => {
    const el = await mount(fakeApi({ checks: [hang] }), { lang: 'pt-BR', settle: false });
    expect(words(statusRegion(el))).to.equal('Verificando sua conta…');
    expect(reasonOf(el)).to.equal('Aguarde o fim da verificação da conta');
    await expect(el).to.be.accessible();
  });

  it('uses singular and plural forms', async () => {
    const body = bodyWith([
      { type: 'dns_zones', status: 'blocking', count: 1, items: [{ id: 1, name: 'a.com' }] },
      {
        type: 'edge_applications',
        status: 'blocking',
        count: 6,
        items: [1, 2, 3, 4, 5, 6].map((i) => ({ id: i, name: `app${i}` })),
      },
    ]);
    const el = await mount(fakeApi({ checks: [ok(body)] }), { lang: 'pt-BR' });
    expect(checkNames(el)).to.deep.equal([
      'Zonas DNS: 1 zona ativa precisa ser desativada (a.com)',
      'Edge applications: 6 edge applications precisam ser removidas (app1, app2, app3, app4, app5 e mais 1)',
    ]);
    expect(reasonOf(el)).to.equal('Resolva 2 itens antes');

    const one = bodyWith([
      { type: 'edge_applications', status: 'blocking', count: 1, items: [{ id: 1, name: 'app1' }] },
      { type: 'dns_zones', status: 'blocking', count: 9, items: [1, 2, 3, 4, 5, 6, 7].map((i) => ({ id: i, name: `z${i}` })) },
    ]);
    const single = await mount(fakeApi({ checks: [ok(one)] }), { lang: 'pt-BR' });
    expect(checkNames(single)).to.deep.equal([
      'Edge applications: 1 edge application precisa ser removida (app1)',
      'Zonas DNS: 9 zonas ativas precisam ser desativadas (z1, z2, z3, z4, z5 e mais 4)',
    ]);
    expect(reasonOf(single)).to.equal('Resolva 2 itens antes');
  });

  it('says "1 item" in the singular', async () => {
    const body = bodyWith([{ type: 'debts', status: 'blocking', count: 1, amount: { value: '1234567.05', currency: 'BRL' } }]);
    const el = await mount(fakeApi({ checks: [ok(body)] }), { lang: 'pt-BR' });
    expect(checkNames(el)).to.deep.equal(['Débitos: 1.234.567,05 BRL em aberto']);
    expect(reasonOf(el)).to.equal('Resolva 1 item antes');
    expect(words(statusRegion(el))).to.equal('1 item impede a exclusão.');
  });

  it('confirms the deletion in Portuguese', async () => {
    const el = await readyToDelete(fakeApi({ checks: [ok(clearBody())] }), { lang: 'pt-BR', redirectDelay: 60_000 });
    await deleteAndSettle(el);
    const message = words(successMessage(el));
    expect(message).to.contain('Sua conta foi excluída com sucesso.');
    expect(message).to.contain('Um e-mail de confirmação está a caminho.');
    expect(words(el.shadowRoot!.querySelector('[part="go-now-link"]'))).to.equal('Ir agora');
    expect(words(el.shadowRoot!.querySelector('[part="stay-button"]'))).to.equal('Ficar nesta página');
    await expect(el).to.be.accessible();
  });

  it('explains errors in Portuguese, with the way forward named in Portuguese', async () => {
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [status(500)] });
    const el = await readyToDelete(api, { lang: 'pt-BR' });
    await deleteAndSettle(el);
    expect(words(el.shadowRoot!.querySelector('[role="alert"]'))).to.contain(
      'O servidor teve um problema (status 500) e a exclusão não foi confirmada. Pressione Excluir conta de novo',
    );
    expect(buttonNamed(el, 'Excluir conta')!.getAttribute('aria-disabled')).to.equal('false');
  });

  it('switches language when lang changes', async () => {
    const el = await mount(fakeApi({ checks: [ok(blockedBody())] }));
    expect(words(heading(el))).to.equal('Delete account');
    el.lang = 'pt-BR';
    await el.updateComplete;
    expect(words(heading(el))).to.equal('Excluir conta');
    expect(checkNames(el)[2]).to.equal('Débitos: 120,50 USD em aberto');
  });

  it('lang="en" in a pt-BR page → lang property unset (as a framework passes undefined): back to the page’s Portuguese', async () => {
    const api = fakeApi({ checks: [ok(blockedBody())] });
    const { el } = await mountIn(html`<section lang="pt-BR">
      <account-delete-panel lang="en" .client=${api.client} redirect-url="#deleted"></account-delete-panel>
    </section>`);
    expect(words(heading(el))).to.equal('Delete account');
    (el as { lang: string | undefined }).lang = undefined;
    await el.updateComplete;
    expect(words(heading(el))).to.equal('Excluir conta');
    expect(el.hasAttribute('lang')).to.equal(false);
  });
});

describe('languages the kit lacks', () => {
  // `es` too: the panel does not carry Spanish, and its module is not imported here. Other Portuguese
  // tags get Brazilian Portuguese (the fallback: test/flow/locales.test.ts).
  for (const lang of ['fr', 'en-GB', 'es', 'xx-invalid-']) {
    it(`falls back to English for lang="${lang}"`, async () => {
      const el = await mount(fakeApi({ checks: [ok(blockedBody())] }), { lang });
      expect(words(heading(el))).to.equal('Delete account');
      expect(checkNames(el)[2]).to.equal('Debts: 120.50 USD pending');
    });
  }
});

describe('Brazilian Portuguese tags', () => {
  for (const lang of ['pt-br', 'PT-BR', 'pt-BR-u-nu-latn']) {
    it(`speaks Portuguese for lang="${lang}"`, async () => {
      const el = await mount(fakeApi({ checks: [ok(blockedBody())] }), { lang });
      expect(words(heading(el))).to.equal('Excluir conta');
    });
  }
});

describe('a refusal with no words of the server', () => {
  it('is said in the panel’s language, not in the SDK’s English', async () => {
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [text('', 403)] });
    const el = await readyToDelete(api, { lang: 'pt-BR' });
    await deleteAndSettle(el);
    expect(words(el.shadowRoot!.querySelector('[role="alert"] p'))).to.equal(
      'O servidor recusou o pedido (status 403). Se achar que é um engano, fale com o suporte.',
    );
  });
});

describe('a strings override', () => {
  const overrides: Partial<Strings> = {
    heading: 'Close your Acme account',
    reasonBlocked: (count) => `Fix ${count} things first`,
    dnsZones: 'Domains',
  };

  it('replaces only the words given', async () => {
    const el = await mount(fakeApi({ checks: [ok(blockedBody())] }), { strings: overrides });
    expect(words(heading(el))).to.equal('Close your Acme account');
    expect(reasonOf(el)).to.equal('Fix 2 things first');
    expect(checkNames(el)[0]).to.equal('Domains: 2 active zones must be disabled (acme.com, acme.dev)');
    expect(words(deleteButton(el))).to.equal('Delete account');
    await expect(el).to.be.accessible();
  });

  it('applies on top of Portuguese', async () => {
    const el = await mount(fakeApi({ checks: [ok(blockedBody())] }), { strings: overrides, lang: 'pt-BR' });
    expect(words(heading(el))).to.equal('Close your Acme account');
    expect(words(deleteButton(el))).to.equal('Excluir conta');
    expect(checkNames(el)[2]).to.equal('Débitos: 120,50 USD em aberto');
  });

  describe('with entries of the wrong kind (a translation missing, a function that throws)', () => {
    const missing = (...keys: (keyof Strings)[]) => Object.fromEntries(keys.map((key) => [key, undefined])) as unknown as Partial<Strings>;
    const nothingSaid = (() => undefined) as unknown as Strings['reasonBlocked'];
    const throwing = (() => {
      throw new Error('no translation');
    }) as unknown as Strings['reasonBlocked'];

    beforeEach(() => sinon.stub(console, 'warn'));

    it('never makes Delete usable before the name is typed', async () => {
      const api = fakeApi({ checks: [ok(clearBody())] });
      const el = await mount(api, { strings: missing('reasonConfirm') });
      expect(isUnusable(deleteButton(el))).to.equal(true);
      expect(reasonOf(el)).to.equal('Type the account name first');
      deleteButton(el).click();
      await quiet(el);
      expect(api.deletes()).to.have.length(0);
    });

    for (const [what, reasonBlocked] of [
      ['gives no string', nothingSaid],
      ['throws', throwing],
    ] as const) {
      it(`never makes Delete usable while checks block, when reasonBlocked ${what}`, async () => {
        const api = fakeApi({ checks: [ok(blockedBody())] });
        const el = await mount(api, { confirmation: 'none', strings: { reasonBlocked } });
        expect(isUnusable(deleteButton(el))).to.equal(true);
        expect(reasonOf(el)).to.equal('Resolve 2 items first');
        deleteButton(el).click();
        await quiet(el);
        expect(api.deletes()).to.have.length(0);
      });
    }

    it('never makes Delete usable when the server says the account cannot be deleted', async () => {
      const api = fakeApi({ checks: [ok(bodyWith([], false))] });
      const el = await mount(api, { confirmation: 'none', strings: missing('notDeletable') });
      expect(isUnusable(deleteButton(el))).to.equal(true);
      deleteButton(el).click();
      await quiet(el);
      expect(api.deletes()).to.have.length(0);
    });

    it('never makes Delete usable while checking or after a check that could not be read', async () => {
      const gate = held();
      const api = fakeApi({ checks: [gate.reply] });
      const el = await mount(api, { settle: false, confirmation: 'none', strings: missing('reasonChecking', 'reasonCheckFailed') });
      await gate.arrived;
      await el.updateComplete;
      expect(isUnusable(deleteButton(el)), 'while checking').to.equal(true);
      // Waits for the failure itself: how many tasks reading the answer takes differs between engines.
      const failed = oneEvent(el, 'account-delete-error');
      gate.release(text('<html></html>', 200, { 'content-type': 'text/html' }));
      await failed;
      await el.updateComplete;
      expect(isUnusable(deleteButton(el)), 'after the failed check').to.equal(true);
      expect(reasonOf(el)).to.equal('The account could not be checked');
      deleteButton(el).click();
      await quiet(el);
      expect(api.deletes()).to.have.length(0);
    });

    it('sends one DELETE however often Delete is pressed while it is out', async () => {
      const gate = held();
      const api = fakeApi({ checks: [ok(clearBody())], deletes: [gate.reply] });
      const el = await readyToDelete(api, { strings: missing('reasonDeleting') });
      deleteButton(el).click();
      await gate.arrived;
      await el.updateComplete;
      expect(isUnusable(deleteButton(el))).to.equal(true);
      deleteButton(el).click();
      await quiet(el);
      expect(api.deletes()).to.have.length(1);
      expect(api.deletes()[0]!.signal.aborted).to.equal(false);
      gate.release(noContent);
    });

    it('shows the panel’s own words instead, and says once which entries were ignored', async () => {
      const strings = { ...missing('checkAgain'), heading: 42, consequences: ['fine', 7], reasonBlocked: throwing } as unknown as Partial<Strings>;
      const el = await mount(fakeApi({ checks: [ok(blockedBody())] }), { strings });
      expect(words(heading(el))).to.equal('Delete account');
      expect(buttonNamed(el, 'Check again')).to.exist;
      expect(reasonOf(el)).to.equal('Resolve 2 items first');
      const warn = console.warn as sinon.SinonStub;
      const said = () => warn.getCalls().map((call) => String(call.args[0]));
      expect(said().join(' ')).to.include('ignored: checkAgain, heading, consequences.');
      expect(said().join(' ')).to.include('ignored: reasonBlocked.');
      const count = warn.callCount;
      el.requestUpdate();
      await el.updateComplete;
      expect(warn.callCount, 'warned again at the next render').to.equal(count);

      el.strings = { reasonBlocked: throwing };
      await el.updateComplete;
      expect(said().at(-1), 'new strings, told again').to.include('ignored: reasonBlocked.');
    });

    it('calls an override as a method of the strings, as before', async () => {
      const strings: Partial<Strings> = {
        reasonBlocked: (count) => `Fix ${count} first`,
        blockedSummary(this: Strings, count: number) {
          return `Blocked: ${this.reasonBlocked(count)}.`;
        },
      };
      const el = await mount(fakeApi({ checks: [ok(blockedBody())] }), { strings });
      expect(words(statusRegion(el))).to.equal('Blocked: Fix 2 first.');
      expect((console.warn as sinon.SinonStub).callCount).to.equal(0);
    });

    it('ignores strings that are no object at all, and still asks for the name', async () => {
      const api = fakeApi({ checks: [ok(clearBody())] });
      const el = await mount(api, { strings: 'Delete' as unknown as Partial<Strings> });
      expect(words(heading(el))).to.equal('Delete account');
      expect(reasonOf(el)).to.equal('Type the account name first');
      expect((console.warn as sinon.SinonStub).callCount).to.equal(1);
      deleteButton(el).click();
      await quiet(el);
      expect(api.deletes()).to.have.length(0);
    });
  });

  it('takes effect when set after the panel is on the page', async () => {
    const el: AccountDeletePanel = await mount(fakeApi({ checks: [ok(blockedBody())] }));
    el.strings = { checkAgain: 'Refresh the checks' };
    await el.updateComplete;
    expect(buttonNamed(el, 'Refresh the checks')).to.exist;
  });
});

describe("a host's own words on a page in another language", () => {
  const inPanel = (el: AccountDeletePanel, selector: string) => el.shadowRoot!.querySelector(selector)!;
  // French words for some keys only: every other word on show is the kit's English.
  const french: Partial<Strings> = {
    heading: 'Supprimer le compte',
    dnsZones: 'Zones DNS',
    reasonBlocked: (count) => `Résolvez d'abord ${count} points`,
    consequences: ['Tout est supprimé.'],
    checkAgain: 'Vérifier à nouveau',
    stayHere: 'Rester sur cette page',
    deleted: 'Votre compte a été supprimé.',
  };

  it('marks the words the host gave French, and leaves the kit\'s own English ones English', async () => {
    // Before: the whole panel was marked lang="en", the host's French words too, read with English rules.
    const api = fakeApi({ checks: [ok(blockedBody())] });
    const { el } = await mountIn(html`<div lang="fr">
      <account-delete-panel .client=${api.client} .strings=${french} redirect-url="#deleted"></account-delete-panel>
    </div>`);
    expect(words(heading(el))).to.equal('Supprimer le compte');
    expect(inPanel(el, '[part="base"]').getAttribute('lang'), 'the panel: the kit\'s locale').to.equal('en');
    const dns = checksList(el)!.querySelector('li')!;
    const [title, sentence] = dns.querySelectorAll('bdi');
    const marked = {
      heading: langOf(heading(el)),
      'DNS check (its name has French)': langOf(dns),
      'its title': langOf(title!),
      'its sentence': langOf(sentence!),
      reason: langOf(inPanel(el, '[part="reason"]')),
      'Check again': langOf(buttonNamed(el, 'Vérifier à nouveau')!),
      consequences: langOf(inPanel(el, '.consequences li')),
      'consequences heading': langOf(inPanel(el, '[part="consequences"] h3')),
      'Delete account': langOf(deleteButton(el)),
      status: langOf(statusRegion(el)),
      'the textbox label': langOf(inPanel(el, 'label')),
      'checks list name': langOf(checksList(el)!),
      'the check that passed': langOf(checksList(el)!.querySelectorAll('li')[1]!),
    };
    expect(marked).to.deep.equal({
      heading: 'fr',
      // Its name, one string, is marked by its sentence, most of its words: here the kit's.
      'DNS check (its name has French)': 'en',
      'its title': 'fr',
      'its sentence': 'en',
      reason: 'fr',
      'Check again': 'fr',
      consequences: 'fr',
      'consequences heading': 'en',
      'Delete account': 'en',
      status: 'en',
      'the textbox label': 'en',
      'checks list name': 'en',
      'the check that passed': 'en',
    });
    await expect(el).to.be.accessible();
  });

  it('after deletion too: the host\'s "Stay" and message French, "Go now" and the rest English', async () => {
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [noContent] });
    const { el } = await mountIn(html`<div lang="fr">
      <account-delete-panel .client=${api.client} .strings=${french} confirmation="none" redirect-url="#deleted" redirect-delay="60000"></account-delete-panel>
    </div>`);
    await deleteAndSettle(el);
    const success = successMessage(el)!;
    expect([langOf(inPanel(el, '#deleted')), langOf(inPanel(el, '[part="stay-button"]'))]).to.deep.equal(['fr', 'fr']);
    expect([langOf(inPanel(el, '[part="go-now-link"]')), langOf(success.querySelectorAll('p')[1]!)]).to.deep.equal(['en', 'en']);
    await expect(el).to.be.accessible();
  });

  it("marks with the page's language only words the host changed: one the same as the kit's, or ignored, stays the kit's", async () => {
    sinon.stub(console, 'warn');
    const api = fakeApi({ checks: [ok(blockedBody())] });
    const strings = { heading: 'Delete account', checkAgain: 42 } as unknown as Partial<Strings>;
    const { el } = await mountIn(html`<div lang="fr">
      <account-delete-panel .client=${api.client} .strings=${strings} redirect-url="#deleted"></account-delete-panel>
    </div>`);
    expect([langOf(heading(el)), langOf(buttonNamed(el, 'Check again')!)]).to.deep.equal(['en', 'en']);
  });

  it("a host's word function that fails shows the kit's word, marked as the kit's; one that works, as the page's", async () => {
    // Before: a host's function was told apart by identity, and the wrapper around it never is the
    // kit's, so "The account name is …" in English was marked French.
    sinon.stub(console, 'warn');
    const api = fakeApi({ checks: [ok(clearBody())] });
    const failing = { confirmHint: () => 42 } as unknown as Partial<Strings>;
    const { el } = await mountIn(html`<div lang="fr"><account-delete-panel .client=${api.client} .strings=${failing}></account-delete-panel></div>`);
    expect(inPanel(el, '#confirm-hint').textContent).to.contain('The account name is');
    expect(langOf(inPanel(el, '#confirm-hint'))).to.equal('en');
    el.strings = { confirmHint: (name: string) => `Le nom du compte est « ${name} ».` };
    await el.updateComplete;
    expect(langOf(inPanel(el, '#confirm-hint'))).to.equal('fr');
  });

  it('a page language that is no language tag is not copied into the panel: the host\'s words are marked unknown, and axe stays clean', async () => {
    // Before: lang="fr_FR" went onto the heading in the shadow root, and axe failed it (valid-lang).
    const api = fakeApi({ checks: [ok(blockedBody())] });
    const { el } = await mountIn(html`<div lang="fr_FR"><account-delete-panel .client=${api.client} .strings=${{ heading: 'Supprimer le compte' }}></account-delete-panel></div>`);
    expect(langOf(heading(el))).to.equal('');
    expect(langOf(deleteButton(el))).to.equal('en');
    await expect(el).to.be.accessible();
  });

  it("only the list's separator given: every check's name is still the kit's English", async () => {
    const api = fakeApi({ checks: [ok(blockedBody())] });
    const { el } = await mountIn(html`<div lang="fr"><account-delete-panel .client=${api.client} .strings=${{ listSeparator: ' ; ' }}></account-delete-panel></div>`);
    expect(langOf(checksList(el)!.querySelector('li')!)).to.equal('en');
  });
});
