/**
 * The events of the model-based test, as fast-check commands: what a user does, what a host does,
 * and what the server meets. Each one runs on the real flow and checks what it can only check there
 * (that retry does something exactly when canRetry says so; that nothing moves after dispose).
 */
import fc from 'fast-check';
import type { Conflict, Model, Tag } from './model.js';
import { FAULTS, NAME } from './model.js';
import { stopIfBroken } from './promises.js';

type Command = fc.AsyncCommand<Model, Model, false>;

function command(name: string, run: (m: Model) => void | Promise<void>): Command {
  return {
    check: () => true,
    run: async (m) => {
      stopIfBroken(m);
      if (!m.disposed) await run(m);
      stopIfBroken(m);
    },
    toString: () => name,
  };
}

const check = fc.constant(command('check', (m) => m.flow.send({ type: 'check' })));
const back = fc.integer({ min: 0, max: 8_000 }).map((ms) =>
  command(`return after ${ms} ms`, (m) => {
    m.time += ms;
    m.flow.send({ type: 'return' });
  }),
);
const confirm = fc.constantFrom(NAME, ` ${NAME.toUpperCase()} `, 'Acme', 'Acme Corpx', '').map((value) =>
  command(`confirm ${JSON.stringify(value)}`, (m) => m.flow.send({ type: 'confirm', value })),
);
/** Delete as the panel does it: what the snapshot offers (a new deletion or the repeat of one). */
const press = fc.constant(
  command('press Delete', (m) => {
    const action = m.flow.getSnapshot().actions.delete;
    if (action) m.flow.send({ type: action });
  }),
);
/** Delete as a careless UI sends it, whatever the snapshot says. */
const deleteAnyway = fc.constant(command('send delete', (m) => m.flow.send({ type: 'delete' })));
const retry = fc.constant(
  command('retry', (m) => {
    const before = m.flow.getSnapshot();
    m.flow.send({ type: 'retry' });
    // Promise 6: canRetry says truthfully whether retry does something.
    if ((m.flow.getSnapshot() !== before) !== before.canRetry) throw new Error(`promise 6: canRetry was ${before.canRetry} in ${before.status}`);
  }),
);
const stay = fc.constant(command('stay', (m) => m.flow.send({ type: 'stay' })));
const show = fc.constant(command('show', (m) => m.flow.send({ type: 'show' })));
const hide = fc.constant(command('hide', (m) => m.flow.send({ type: 'hide' })));
const swap = fc.constant(
  command('another client', (m) => {
    const next: Tag = m.tag === 'A' ? 'B' : 'A';
    m.tag = next;
    // A deletion of unknown outcome stays so: a DELETE of that account through that client would carry its key.
    m.flow.send({ type: 'client', client: m.clients[next] });
  }),
);
const settings = fc.constantFrom('none', 'account-name').map((confirmation) =>
  command(`confirmation ${confirmation}`, (m) => m.flow.send({ type: 'configure', settings: { confirmation } })),
);
const prevent = fc.constant(command('a listener prevents the next request', (m) => void (m.preventNext = true)));
const onError = fc.constantFrom('client' as const, 'check' as const, 'retry' as const).map((then) =>
  command(`at the next error, an error listener asks ${then === 'client' ? 'the other client' : `a ${then}`}`, (m) => void (m.onError = then)),
);
const checkOnFailure = fc.constant(command('at the next failure on show, a subscriber asks a check', (m) => void (m.checkOnFailure = true)));
const conflict = fc.constantFrom<Conflict>('in-use', 'clear', 'unreadable').map((kind) =>
  command(`the next delete is answered a 409 (${kind})`, (m) => void (m.conflictNext = kind)),
);
const resolveAll = fc.constant(command('the user resolves every blocker', (m) => m.backend.resolveAll()));
const block = fc.constant(command('a DNS zone is active again', (m) => m.backend.enableZone('acme.com')));
const fault = fc.tuple(fc.constantFrom(...FAULTS), fc.constantFrom('preconditions' as const, 'delete' as const)).map(([kind, on]) =>
  command(`the next ${on} meets ${kind}`, (m) => m.backend.failNext(kind, { on })),
);
const dispose = fc.constant(
  command('dispose', (m) => {
    m.flow.dispose();
    m.disposed = { snapshot: m.flow.getSnapshot(), notifications: m.notifications, sent: m.sent.length };
    m.flow.send({ type: 'check' });
  }),
);

/** Every command, weighted as a session would go: mostly the user, some faults, rarely the host. */
export const commands = [
  check,
  check,
  back,
  confirm,
  confirm,
  press,
  press,
  press,
  deleteAnyway,
  retry,
  retry,
  stay,
  show,
  hide,
  swap,
  settings,
  prevent,
  onError,
  checkOnFailure,
  resolveAll,
  resolveAll,
  block,
  fault,
  fault,
  fault,
  conflict,
  dispose,
];
