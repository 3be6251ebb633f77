/**
 * `account-deletion-kit/flow`: the rules of an account deletion as one state machine, with its words,
 * for any UI. No DOM and no Lit: it runs in browsers, Node 20+ and workers.
 *
 * ```ts
 * const flow = createDeletionFlow({ client, redirectUrl: '/goodbye', navigate: (url) => location.assign(url) });
 * flow.subscribe(() => render(flow.getSnapshot()));
 * flow.send({ type: 'check' });
 * ```
 */
export { createDeletionFlow, type DeletionFlow, type DeletionFlowOptions, type FlowNotifications } from './runner.js';
export { transition, machine, rowFor, STATUSES, EVENT_TYPES, type Row, type Table } from './machine.js';
export { connect } from './connect.js';
export { canDelete, keyFor, outcomeOf, DEFAULT_REDIRECT_URL, DEFAULT_REDIRECT_DELAY, DEFAULT_RECHECK_INTERVAL } from './guards.js';
export type {
  AnswerEvent,
  Attempt,
  Confirmation,
  Effect,
  EventType,
  Failure,
  FlowEvent,
  MachineEvent,
  Outcome,
  Reading,
  Reason,
  Redirect,
  RedirectStatus,
  Settings,
  Snapshot,
  State,
  Status,
} from './types.js';
export {
  checkedText,
  describeCheck,
  failureText,
  introText,
  reasonText,
  statusText,
  NAMES_SHOWN,
  type CheckWords,
  type FailureWords,
} from './words/describe.js';
export {
  en,
  ptBR,
  localeFor,
  onLocalesChange,
  overrideLocale,
  registerLocale,
  stringsFor,
  withOverrides,
  type Strings,
} from './words/index.js';
export { matchesAccountName } from './words/match.js';
