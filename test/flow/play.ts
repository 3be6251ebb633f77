/**
 * Orders of events played on the pure machine with plain data: `play` and the openings the order
 * tests share (a check read clear and confirmed, a DELETE sent, its answer lost).
 */
import { transition } from '../../src/flow/machine.js';
import type { Effect, MachineEvent, State } from '../../src/flow/types.js';
import { CLEAR, ERRORS, initialState } from './walk.js';

/** Plays `events` from the first state; answers name no id and get the running request's. */
export function play(events: Partial<MachineEvent>[], from: State = initialState()): { state: State; effects: Effect[] } {
  let state = from;
  const effects: Effect[] = [];
  let now = 100_000;
  let keys = 0;
  for (const event of events) {
    now += 1_000;
    const running = state.status === 'checking' || state.status === 'deleting' ? state.id : -1;
    const full = { now, key: `key-${++keys}`, ...(event.type && ['checked', 'check-error', 'delete-done', 'delete-error'].includes(event.type) ? { id: running } : {}), ...event } as MachineEvent;
    const step = transition(state, full);
    state = step.state;
    effects.push(...step.effects);
  }
  return { state, effects };
}

export const ready: Partial<MachineEvent>[] = [{ type: 'check' }, { type: 'checked', preconditions: CLEAR }, { type: 'confirm', value: 'Acme Corp' }];
export const sendDelete: Partial<MachineEvent>[] = [{ type: 'delete' }, { type: 'requested', prevented: false }];
export const lost: Partial<MachineEvent>[] = [...ready, ...sendDelete, { type: 'delete-error', error: ERRORS['network']!() }];
export const keysSent = (effects: Effect[]) => effects.flatMap((effect) => (effect.type === 'send-delete' ? [effect.attempt.key] : []));
export const navigations = (effects: Effect[]) => effects.filter((effect) => effect.type === 'navigate').length;
