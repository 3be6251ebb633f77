// What a partner's own page does around the panel and the window: their language and theme, a fresh
// sign-in when the server asks for one, and (for the demo) a log of the events they fire.
const panel = document.querySelector('account-delete-panel');
const dialog = document.querySelector('account-delete-dialog');
const appearance = document.querySelector('#appearance');
const eventLog = document.querySelector('#event-log');
const reauth = document.querySelector('#reauth');

const EVENTS = [
  'account-delete-checked',
  'account-delete-request',
  'account-deleted',
  'account-delete-error',
  'account-delete-reauth-required',
];
const MAX_EVENTS = 30;

appearance.addEventListener('change', (event) => {
  const input = event.target;
  if (input.name === 'lang') for (const view of [panel, dialog]) view.setAttribute('lang', input.value);
  // The theme lives in demo.css: custom properties and ::part() only, as any host page would do it.
  if (input.name === 'theme') document.documentElement.dataset.theme = input.value;
});

function describe(event) {
  const detail = event.detail ?? {};
  if (detail.preconditions) {
    const { deletable, checks } = detail.preconditions;
    const blocking = checks.filter((check) => check.status !== 'passed').map((check) => check.type);
    return deletable ? 'deletable' : `blocked by ${blocking.join(', ') || 'the server'}`;
  }
  if (detail.error) return `${detail.error.name}: ${detail.error.message}`;
  if (detail.redirectUrl) return `redirect to ${detail.redirectUrl}`;
  if (detail.account) return `${detail.account.name} (${detail.account.id})`;
  return '';
}

for (const name of [...EVENTS, 'account-delete-dialog-close']) {
  document.addEventListener(name, (event) => {
    const item = document.createElement('li');
    const time = document.createElement('time');
    time.textContent = new Date().toLocaleTimeString();
    const code = document.createElement('code');
    code.textContent = name;
    const from = event.target === dialog ? ' (the window)' : '';
    item.append(time, ' ', code, from, ' ', describe(event));
    eventLog.prepend(item);
    while (eventLog.children.length > MAX_EVENTS) eventLog.lastElementChild.remove();
  });
}

// A real portal would send the user through its sign-in; the demo only asks for a password. Then the
// view that asked (the panel, or the window) goes on.
let asking = panel;
document.addEventListener('account-delete-reauth-required', (event) => {
  asking = event.target;
  reauth.querySelector('form').reset();
  reauth.showModal();
});
reauth.addEventListener('close', () => {
  if (reauth.returnValue === 'signed-in') asking.retry();
  reauth.returnValue = '';
});

// An element that never upgrades looks like an empty page: say why instead.
const notice = document.querySelector('#panel-missing');
const timeout = new Promise((resolve) => setTimeout(resolve, 4000, 'timeout'));
Promise.race([customElements.whenDefined('account-delete-panel'), timeout]).then((result) => {
  notice.hidden = result !== 'timeout';
});
