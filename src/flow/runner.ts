/**
 * `createDeletionFlow`: runs the machine with an SDK client. It stamps each event with the time (and a
 * fresh key for a deletion), hands it to the pure transition, and carries out the effects: the
 * requests, the notifications, the timer and the navigation. One runner serves every view: the
 * panel, the window and any UI a team draws itself.
 */
import { isIdempotencyKey, newIdempotencyKey, type Account, type AccountDeletionClient, type AccountDeletionError, type Preconditions } from '../index.js';
import { connect } from './connect.js';
import { DEFAULT_RECHECK_INTERVAL, DEFAULT_REDIRECT_DELAY, DEFAULT_REDIRECT_URL, asKitError, normalize } from './guards.js';
import { guard, isClient, isFlowEvent, report } from './host.js';
import { transition } from './machine.js';
import type { AnswerEvent, Context, Effect, FlowEvent, MachineEvent, Settings, Snapshot, State } from './types.js';

export interface DeletionFlowOptions extends Settings {
  /** The SDK client every request goes through (`createAccountDeletionClient`). */
  client: AccountDeletionClient;
  /** Called when the redirect is due (the panel gives `location.assign`). The flow never navigates by itself. */
  navigate?: ((url: string) => void) | undefined;
  /**
   * Reads the checks; by default `client.getPreconditions({ signal })`. A view may run the read through
   * its own async controller; the flow still decides what the answer means.
   */
  read?: ((client: AccountDeletionClient, signal: AbortSignal) => Promise<Preconditions>) | undefined;
  /** The clock, in ms since the epoch. Default `Date.now`. */
  now?: (() => number) | undefined;
  /** Makes a fresh Idempotency-Key, one `isIdempotencyKey` accepts. Default `newIdempotencyKey`. */
  newKey?: (() => string) | undefined;
}

/** What the flow tells its listeners; the panel's five DOM events carry the same details. */
export interface FlowNotifications {
  checked: { preconditions: Preconditions };
  /** Called synchronously before the DELETE: `preventDefault()` stops it. */
  request: { account: Account; preventDefault(): void };
  /** After success: `preventDefault()` stops the navigation (the host navigates itself). */
  deleted: { account: Account; redirectUrl: string; preventDefault(): void };
  error: { error: AccountDeletionError };
  'reauth-required': { account: Account | undefined };
}

export interface DeletionFlow {
  /** A frozen snapshot; the same object until something changed (React's `useSyncExternalStore` expects that). */
  getSnapshot(): Snapshot;
  /** Calls `listener` after each change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Sends a user's event. One the current state does not accept changes nothing; it never throws. */
  send(event: FlowEvent): void;
  /** Listens to one notification; returns the unsubscribe function. */
  on<K extends keyof FlowNotifications>(type: K, listener: (detail: FlowNotifications[K]) => void): () => void;
  /**
   * Aborts a running check, clears the timer and turns every later call into a no-op. A DELETE in
   * flight is not aborted (that could not undo it, only lose its answer); its answer reaches no one.
   */
  dispose(): void;
}

/** Makes a deletion flow. Nothing is requested until the first `check` (or a `show`, from a view put on the page). */
export function createDeletionFlow(options: DeletionFlowOptions): DeletionFlow {
  if (!isClient(options?.client)) throw new TypeError('createDeletionFlow needs a client made by createAccountDeletionClient.');
  // A host's clock or key maker that throws or gives no time or key is reported; the kit's own stands in.
  // A time must be one a Date holds (the checks a 409 sends back are dated with it).
  const now = guard(options.now, Date.now, (time) => Number.isFinite(time) && Math.abs(time) <= 8.64e15);
  const newKey = guard(options.newKey, newIdempotencyKey, isIdempotencyKey);
  const read = options.read ?? ((client, signal) => client.getPreconditions({ signal }));
  const ctx: Context = {
    client: options.client,
    confirmation: 'account-name',
    typed: '',
    redirectUrl: DEFAULT_REDIRECT_URL,
    redirectDelay: DEFAULT_REDIRECT_DELAY,
    recheckInterval: DEFAULT_RECHECK_INTERVAL,
    preconditions: undefined,
    lastCheckAt: -Infinity,
    seq: 0,
    away: false,
    ...normalize(options),
  };
  // No check has started yet (id 0): the first `check` or `show` starts one.
  let state: State = { status: 'checking', ctx, id: 0, client: options.client };
  let snapshot: Snapshot | undefined;
  let snapshotOf: State | undefined;
  let snapshotUntold = false;
  let published: State = state;
  // The failures a view was told of. A failed deletion whose failure none was told of yet may hold a
  // lost answer the user must read first: what a listener sends then is marked `unseen`.
  const shown = new WeakSet<object>();
  const unseen = () => state.status === 'delete-failed' && !shown.has(state.failure);
  let disposed = false;
  let busy = false;
  const queue: MachineEvent[] = [];
  const subscribers = new Set<() => void>();
  const listeners = new Map<keyof FlowNotifications, Set<(detail: never) => void>>();
  let running: AbortController | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  // A deletion that may start gets a fresh key; the repeat of one carries its own.
  const stamp = (event: FlowEvent | AnswerEvent): MachineEvent =>
    event.type === 'delete' ? { ...event, now: now(), key: newKey() } : { ...event, now: now() };

  function getSnapshot(): Snapshot {
    // A listener reading a failure no view was told of yet is told what a retry it sends would do then.
    const untold = unseen();
    if (snapshotOf !== state || snapshotUntold !== untold || !snapshot) {
      snapshot = connect(state, untold);
      snapshotOf = state;
      snapshotUntold = untold;
    }
    return snapshot;
  }

  function emit<K extends keyof FlowNotifications>(type: K, detail: FlowNotifications[K]): void {
    const set = listeners.get(type) ?? new Set();
    for (const listener of [...set]) {
      // After dispose() (by an earlier listener), no listener is called.
      if (disposed) return;
      // Nor one an earlier listener removed (one it removed and added back is called, unlike the DOM's).
      if (!set.has(listener)) continue;
      try {
        (listener as (detail: FlowNotifications[K]) => void)(detail);
      } catch (error) {
        report(error);
      }
    }
  }

  /** Feeds an answer back, unless the flow was disposed meanwhile. */
  function answer(event: AnswerEvent): void {
    if (disposed) return;
    queue.push(stamp(event));
    drain();
  }

  /**
   * Carries out one effect. Events it answers with right away go to `next`, ahead of the queue; the
   * answer of the request listeners goes behind what they sent meanwhile, so that a listener that
   * changed the client, or took the view off the page, is heard before the DELETE may go.
   */
  function carryOut(effect: Effect, next: MachineEvent[]): void {
    switch (effect.type) {
      case 'start-check': {
        running?.abort();
        const controller = new AbortController();
        running = controller;
        const { id, client } = effect;
        Promise.resolve()
          .then(() => {
            // Aborted (disposed, or a newer check) before it went: no request at all.
            if (controller.signal.aborted) throw controller.signal.reason;
            return read(client, controller.signal);
          })
          .then(
            (preconditions) => answer({ type: 'checked', id, preconditions }),
            (error: unknown) => answer({ type: 'check-error', id, error: asKitError(error) }),
          )
          .finally(() => {
            if (running === controller) running = undefined;
          });
        return;
      }
      case 'ask-request': {
        let prevented = false;
        emit('request', { account: effect.account, preventDefault: () => void (prevented = true) });
        queue.push(stamp({ type: 'requested', prevented }));
        return;
      }
      case 'send-delete': {
        const { id, attempt } = effect;
        // No signal: a DELETE in flight is never aborted, and its outcome always comes back.
        // Once it went, that is; none goes after dispose() (its answer would reach no one anyway).
        Promise.resolve()
          .then(() => {
            if (disposed) throw new Error('disposed');
            return attempt.client.deleteAccount(attempt.account.id, { idempotencyKey: attempt.key });
          })
          .then(
            (result) => answer({ type: 'delete-done', id, result }),
            (error: unknown) => answer({ type: 'delete-error', id, error: asKitError(error) }),
          );
        return;
      }
      case 'announce': {
        let prevented = false;
        emit('deleted', { account: effect.account, redirectUrl: effect.redirectUrl, preventDefault: () => void (prevented = true) });
        next.push(stamp({ type: 'announced', prevented }));
        return;
      }
      case 'notify':
        emit(effect.notification, effect.detail as never);
        return;
      case 'start-timer':
        clearTimeout(timer);
        timer = setTimeout(() => answer({ type: 'redirect-due' }), Math.max(0, effect.at - now()));
        return;
      case 'cancel-timer':
        clearTimeout(timer);
        return;
      case 'navigate':
        options.navigate?.(effect.url);
        return;
      case 'raise':
        next.push(stamp(effect.event));
        return;
    }
  }

  /**
   * Takes the queued events, then tells the subscribers; events they send meanwhile wait for every
   * subscriber to be told, then go on the same way.
   */
  function drain(): void {
    if (busy) return;
    busy = true;
    try {
      let rounds = 100;
      do {
        take();
        publish();
      } while (queue.length > 0 && !disposed && --rounds > 0);
      // Subscribers that answer every change with another change would never let the page go on.
      if (queue.length > 0) {
        queue.length = 0;
        report(new Error('The deletion flow stopped taking events that its subscribers sent on every change.'));
      }
    } finally {
      busy = false;
    }
  }

  function take(): void {
    for (let event = queue.shift(); event !== undefined && !disposed; event = queue.shift()) {
      let step;
      try {
        step = transition(state, event);
      } catch (error) {
        // A rule that throws changes nothing: the state stays as it was, which never unlocks more.
        report(error);
        continue;
      }
      state = step.state;
      const next: MachineEvent[] = [];
      for (const effect of step.effects) {
        // A host's part that throws (a navigate whose router fails) is reported; the rest goes on.
        try {
          if (!disposed) carryOut(effect, next);
        } catch (error) {
          report(error);
        }
      }
      queue.unshift(...next);
    }
  }

  function publish(): void {
    if (published !== state && !disposed) {
      published = state;
      // Off the page, no one read it: it is still to be on show.
      if (state.status === 'delete-failed' && !state.ctx.away) shown.add(state.failure);
      for (const subscriber of [...subscribers]) {
        if (disposed) return;
        if (!subscribers.has(subscriber)) continue;
        try {
          subscriber();
        } catch (error) {
          report(error);
        }
      }
    }
  }

  return {
    getSnapshot,
    subscribe(listener) {
      if (disposed || typeof listener !== 'function') return () => undefined;
      subscribers.add(listener);
      return () => void subscribers.delete(listener);
    },
    send(event) {
      if (disposed || !isFlowEvent(event)) return;
      queue.push({ ...stamp(event), unseen: unseen() });
      drain();
    },
    on(type, listener) {
      if (disposed || typeof listener !== 'function') return () => undefined;
      const set = listeners.get(type) ?? new Set();
      listeners.set(type, set);
      set.add(listener as (detail: never) => void);
      return () => void set.delete(listener as (detail: never) => void);
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      running?.abort();
      clearTimeout(timer);
      queue.length = 0;
      subscribers.clear();
      listeners.clear();
    },
  };
}
