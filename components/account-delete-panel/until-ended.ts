import type { DeletionFlow } from '../../src/flow/index.js';

/**
 * Sends `event` to `flow`, and resolves once what it started has ended: the check it started or
 * joined, the deletion it started. At once when it changed nothing (a click while deleting).
 */
export function untilEnded(flow: DeletionFlow, event: { type: 'check' | 'retry' }): Promise<void> {
  const before = flow.getSnapshot();
  flow.send(event);
  const started = flow.getSnapshot();
  const waitFor = started.status === 'checking' ? 'checking' : started !== before && started.status === 'deleting' ? 'deleting' : undefined;
  if (!waitFor) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = flow.subscribe(() => {
      if (flow.getSnapshot().status === waitFor) return;
      stop();
      resolve();
    });
  });
}
