import type { DeletionFlow } from '../../src/flow/index.js';

/**
 * Sends `event` to `flow`, and resolves once what it started has ended: the check it started or
 * joined, the deletion it started. Soon when it changed nothing (a click while deleting).
 */
export async function untilEnded(flow: DeletionFlow, event: { type: 'check' | 'retry' }): Promise<void> {
  const before = flow.getSnapshot();
  flow.send(event);
  // Sent while the flow tells its subscribers (a host's subscriber called refresh()), the event goes
  // on once they were all told: in this task, before this line goes on.
  await undefined;
  const started = flow.getSnapshot();
  const waitFor = started.status === 'checking' ? 'checking' : started !== before && started.status === 'deleting' ? 'deleting' : undefined;
  if (!waitFor) return;
  return new Promise((resolve) => {
    const stop = flow.subscribe(() => {
      const { status } = flow.getSnapshot();
      // A retry that waited for a check goes on from it, to the deletion it repeats.
      if (status === waitFor || (event.type === 'retry' && status === 'deleting')) return;
      stop();
      resolve();
    });
  });
}
