/**
 * The deletion flow as one table: for every state, every event has an explicit row, a named pure
 * transition `(state, event) -> { state, effects }`. The names say what happens (the table test, the
 * diagram and a trace read them); they cost nothing once minified. No I/O, no clock, no random
 * numbers: the time and a fresh key come in with the event (`runner.ts` adds them). A row that does
 * not accept its event keeps the very same state object, and its name says why.
 */
import {
  checkCarryingFailure,
  checkCarryingOn,
  checkOnReturnIfChecksAreTheWay,
  checkUnlessRefused,
  checkUnlessTooRecentCarryingOn,
  checkWithNewClient,
  checkWithNewClientCarryingFailure,
  checkWithNewClientCarryingUnknown,
  ignoreAfterDeletion,
  ignoreLateCheckAnswer,
  ignoreLateDeleteAnswer,
  ignoreNoRequestAsked,
  ignoreNothingDeleted,
  ignoreOnlyReadyDeletes,
  ignoreSecondClick,
  ignoreWhileDeleting,
  liftSignInOwed,
  navigateIfStillScheduled,
  noteAway,
  noteAwayAndHoldRedirect,
  noteBack,
  noteBackAndCheckCarryingOn,
  noteBackAndCheckIfChecksAreTheWay,
  noteBackAndStartFirstCheck,
  noteNewClient,
  rememberTyped,
  repeatUnknownDeletion,
  replaceCheckWithNewClient,
  retryOnceChecked,
  startFirstCheckOrJoin,
  stopScheduledRedirect,
  takeSettings,
} from './rows.js';
import type { EventOf, StateOf } from './rows.js';
import {
  decideRedirect,
  requestDeletion,
  retryDeletion,
  same,
  sendUnlessPrevented,
  takeCheckAnswer,
  takeCheckFailure,
  takeDeleteFailure,
  takeDeletion,
  tellSuccessOrRestartRedirect,
} from './steps.js';
import type { EventType, MachineEvent, State, Status, Transition } from './types.js';

/** One row: what `event` does in `state`. */
export type Row<S extends State = State, E extends MachineEvent = MachineEvent> = (state: S, event: E) => Transition;

export type Table = { [S in Status]: { [E in EventType]: Row<StateOf<S>, EventOf<E>> } };

/** Every status and every event type, for the table test and the diagram. */
export const STATUSES = ['checking', 'blocked', 'ready', 'check-failed', 'deleting', 'delete-failed', 'deleted'] as const satisfies readonly Status[];
export const EVENT_TYPES = [
  // What a view sends, then what the runner sends (answers, the listeners' word, a timer).
  'check', 'return', 'confirm', 'delete', 'retry', 'stay', 'show', 'hide', 'client', 'configure',
  'checked', 'check-error', 'requested', 'delete-done', 'delete-error', 'announced', 'redirect-due',
] as const satisfies readonly EventType[];

/** The table of the whole flow. */
export const machine: Table = {
  checking: {
    check: startFirstCheckOrJoin,
    return: startFirstCheckOrJoin,
    confirm: rememberTyped,
    delete: ignoreOnlyReadyDeletes,
    retry: retryOnceChecked,
    stay: ignoreNothingDeleted,
    show: noteBackAndStartFirstCheck,
    hide: noteAway,
    client: replaceCheckWithNewClient,
    configure: takeSettings,
    checked: takeCheckAnswer,
    'check-error': takeCheckFailure,
    requested: ignoreNoRequestAsked,
    'delete-done': ignoreLateDeleteAnswer,
    'delete-error': ignoreLateDeleteAnswer,
    announced: ignoreNothingDeleted,
    'redirect-due': ignoreNothingDeleted,
  },
  blocked: {
    check: checkCarryingOn,
    return: checkUnlessTooRecentCarryingOn,
    confirm: rememberTyped,
    delete: ignoreOnlyReadyDeletes,
    retry: liftSignInOwed,
    stay: ignoreNothingDeleted,
    show: noteBackAndCheckCarryingOn,
    hide: noteAway,
    client: checkWithNewClientCarryingUnknown,
    configure: takeSettings,
    checked: ignoreLateCheckAnswer,
    'check-error': ignoreLateCheckAnswer,
    requested: ignoreNoRequestAsked,
    'delete-done': ignoreLateDeleteAnswer,
    'delete-error': ignoreLateDeleteAnswer,
    announced: ignoreNothingDeleted,
    'redirect-due': ignoreNothingDeleted,
  },
  ready: {
    check: checkCarryingOn,
    return: checkUnlessTooRecentCarryingOn,
    confirm: rememberTyped,
    delete: requestDeletion,
    retry: repeatUnknownDeletion,
    stay: ignoreNothingDeleted,
    show: noteBackAndCheckCarryingOn,
    hide: noteAway,
    client: checkWithNewClient,
    configure: takeSettings,
    checked: ignoreLateCheckAnswer,
    'check-error': ignoreLateCheckAnswer,
    requested: ignoreNoRequestAsked,
    'delete-done': ignoreLateDeleteAnswer,
    'delete-error': ignoreLateDeleteAnswer,
    announced: ignoreNothingDeleted,
    'redirect-due': ignoreNothingDeleted,
  },
  'check-failed': {
    check: checkCarryingOn,
    return: checkUnlessTooRecentCarryingOn,
    confirm: rememberTyped,
    delete: ignoreOnlyReadyDeletes,
    retry: checkUnlessRefused,
    stay: ignoreNothingDeleted,
    show: noteBackAndCheckCarryingOn,
    hide: noteAway,
    client: checkWithNewClientCarryingUnknown,
    configure: takeSettings,
    checked: ignoreLateCheckAnswer,
    'check-error': ignoreLateCheckAnswer,
    requested: ignoreNoRequestAsked,
    'delete-done': ignoreLateDeleteAnswer,
    'delete-error': ignoreLateDeleteAnswer,
    announced: ignoreNothingDeleted,
    'redirect-due': ignoreNothingDeleted,
  },
  deleting: {
    check: ignoreWhileDeleting,
    return: ignoreWhileDeleting,
    confirm: ignoreWhileDeleting,
    delete: ignoreSecondClick,
    retry: ignoreSecondClick,
    stay: ignoreNothingDeleted,
    show: noteBack,
    hide: noteAway,
    client: noteNewClient,
    configure: takeSettings,
    checked: ignoreLateCheckAnswer,
    'check-error': ignoreLateCheckAnswer,
    requested: sendUnlessPrevented,
    'delete-done': takeDeletion,
    'delete-error': takeDeleteFailure,
    announced: ignoreNothingDeleted,
    'redirect-due': ignoreNothingDeleted,
  },
  'delete-failed': {
    check: checkCarryingFailure,
    return: checkOnReturnIfChecksAreTheWay,
    confirm: rememberTyped,
    delete: ignoreOnlyReadyDeletes,
    retry: retryDeletion,
    stay: ignoreNothingDeleted,
    show: noteBackAndCheckIfChecksAreTheWay,
    hide: noteAway,
    client: checkWithNewClientCarryingFailure,
    configure: takeSettings,
    checked: ignoreLateCheckAnswer,
    'check-error': ignoreLateCheckAnswer,
    requested: ignoreNoRequestAsked,
    'delete-done': ignoreLateDeleteAnswer,
    'delete-error': ignoreLateDeleteAnswer,
    announced: ignoreNothingDeleted,
    'redirect-due': ignoreNothingDeleted,
  },
  deleted: {
    check: ignoreAfterDeletion,
    return: ignoreAfterDeletion,
    confirm: ignoreAfterDeletion,
    delete: ignoreAfterDeletion,
    retry: ignoreAfterDeletion,
    stay: stopScheduledRedirect,
    show: tellSuccessOrRestartRedirect,
    hide: noteAwayAndHoldRedirect,
    client: ignoreAfterDeletion,
    configure: ignoreAfterDeletion,
    checked: ignoreLateCheckAnswer,
    'check-error': ignoreLateCheckAnswer,
    requested: ignoreNoRequestAsked,
    'delete-done': ignoreLateDeleteAnswer,
    'delete-error': ignoreLateDeleteAnswer,
    announced: decideRedirect,
    'redirect-due': navigateIfStillScheduled,
  },
};

/** The row that handles `event` in `state`. */
export function rowFor(state: State, event: MachineEvent): Row {
  return (machine[state.status] as Record<EventType, Row>)[event.type];
}

/** The pure transition: the next state and the effects to carry out. An unknown event changes nothing. */
export function transition(state: State, event: MachineEvent): Transition {
  const row = (machine[state.status] as Partial<Record<string, Row>> | undefined)?.[event?.type];
  return row ? row(state, event) : same(state);
}
