/**
 * The property of the model-based test, shared by `npm test` and `npm run soak` (every-order.ts) and
 * the quick run of every-order.test.ts: any sequence of events, answers in any order, and after it
 * all, the way to ready.
 */
import fc from 'fast-check';
import { commands } from './commands.js';
import { NAME, setup, type Model } from './model.js';
import { stopIfBroken } from './promises.js';

export const MAX_EVENTS = 30;

/** Counts what the runs did, for the figures a run prints. */
export const tally = { sequences: 0, events: 0 };

/**
 * Lets every request go out and every answer come back, in the scheduler's order, and a redirect
 * that is due (a timer, even with no delay) fire: what it does is checked too.
 */
async function settle(s: fc.Scheduler, m: Model): Promise<void> {
  let waited = false;
  for (let i = 0; i < 50; i++) {
    await new Promise((resolve) => setImmediate(resolve));
    if (s.count() > 0) await s.waitAll();
    else if (m.flow.getSnapshot().redirect?.status === 'scheduled' && !waited) {
      waited = true;
      await new Promise((resolve) => setTimeout(resolve, 2));
    } else if (!['checking', 'deleting'].includes(m.flow.getSnapshot().status)) return;
  }
}

/** Promise 5 after dispose, and promise 7 played to its end: from where the run stopped, the way to ready. */
async function afterTheRun(s: fc.Scheduler, m: Model): Promise<void> {
  await settle(s, m);
  stopIfBroken(m);
  if (m.disposed) {
    const then = m.disposed;
    if (m.flow.getSnapshot() !== then.snapshot || m.notifications !== then.notifications || m.sent.length !== then.sent) {
      throw new Error('promise 5: something moved after dispose');
    }
    return;
  }
  m.backend.clearFaults();
  m.backend.resolveAll();
  m.preventNext = false;
  for (let round = 0; round < 8; round++) {
    const snapshot = m.flow.getSnapshot();
    if (snapshot.canDelete || snapshot.status === 'deleted') return;
    // The account is gone (a deletion whose answer was lost, then another client): nothing allows a deletion.
    if (m.backend.state.deleted) return;
    m.flow.send({ type: 'show' });
    if (snapshot.status === 'ready') m.flow.send({ type: 'confirm', value: NAME });
    else if (snapshot.canRetry) m.flow.send({ type: 'retry' });
    else if (snapshot.actions.check) m.flow.send({ type: 'check' });
    await settle(s, m);
    stopIfBroken(m);
  }
  throw new Error(`promise 7: no way to ready from ${m.flow.getSnapshot().status}`);
}

/** The property; `replayPath` is the one fast-check prints with a failing sequence, to play it again. */
export const propertyOf = (replayPath?: string) =>
  fc.asyncProperty(fc.scheduler(), fc.commands(commands, { maxCommands: MAX_EVENTS, size: 'max', ...(replayPath ? { replayPath } : {}) }), async (s, cmds) => {
  let model: Model | undefined;
  const make = setup(s);
  await fc.scheduledModelRun(
    s,
    () => {
      const made = make();
      model = made.model;
      return made;
    },
    cmds,
  );
  tally.sequences++;
  tally.events += [...cmds].length;
  await afterTheRun(s, model!);
  if (!model!.disposed) model!.flow.dispose();
  });
