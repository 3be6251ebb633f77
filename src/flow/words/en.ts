import { formatDecimal } from './format.js';
import type { Strings } from './strings.js';

const plural = new Intl.PluralRules('en');
const one = (count: number) => plural.select(count) === 'one';

/** English, the default. */
export const en: Strings = {
  heading: 'Delete account',
  deleteButton: 'Delete account',
  intro: 'Before the account can be deleted, everything below must be resolved.',
  introReadyConfirm: 'Everything below is resolved. To delete the account, type its name and press Delete account.',
  introReady: 'Everything below is resolved. To delete the account, press Delete account.',
  checkedJustNow: 'Checked just now',
  checkedMinutesAgo: (minutes) => (one(minutes) ? 'Checked 1 minute ago' : `Checked ${minutes} minutes ago`),
  checkedAt: (time) => `Checked at ${new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' }).format(time)}`,
  checking: 'Checking your account…',
  checksLabel: 'Account deletion checks',
  checkAgain: 'Check again',
  resolve: 'Resolve',
  resolveLabel: (title) => `Resolve ${title} (opens in a new tab)`,

  dnsZones: 'DNS zones',
  edgeApplications: 'Edge applications',
  debts: 'Debts',
  resolved: 'resolved',
  dnsZonesBlocking: (count) => (one(count) ? '1 active zone must be disabled' : `${count} active zones must be disabled`),
  edgeApplicationsBlocking: (count) =>
    one(count) ? '1 edge application must be removed' : `${count} edge applications must be removed`,
  amount: (value, currency) => `${formatDecimal(value, '.', ',')} ${currency}`,
  debtsBlocking: (amount) => `${amount} pending`,
  debtsBlockingNoAmount: 'a pending debt must be paid',
  unknownBlocking: 'must be resolved',
  unavailable: 'could not be checked now',
  andMore: (count) => `and ${count} more`,
  listSeparator: ', ',

  consequencesHeading: 'What happens when you delete',
  consequences: [
    'The deletion cannot be undone.',
    'Your account information is kept for later audits.',
    'A confirmation e-mail is sent to you.',
    'You can create a new account at any time.',
  ],

  confirmLabel: 'Type the account name to confirm',
  confirmHint: (name) => `The account name is “${name}”.`,

  reasonChecking: 'Wait for the account check to finish',
  reasonCheckFailed: 'The account could not be checked',
  reasonBlocked: (count) => (one(count) ? 'Resolve 1 item first' : `Resolve ${count} items first`),
  reasonConfirm: 'Type the account name first',
  reasonMismatch: 'The name typed does not match the account name yet',
  notDeletable: 'The server does not allow deleting this account yet. Check again later, or contact support.',
  reasonDeleting: 'The account is being deleted',
  reasonRefused: 'The server refused to delete this account',
  reasonSignIn: 'Sign in again first',
  reasonSignedOut: 'Sign in again, then check again',

  readySummary: 'Nothing blocks deletion any more.',
  blockedSummary: (count) => (one(count) ? '1 item blocks deletion.' : `${count} items block deletion.`),
  deleting: 'Deleting your account…',
  deleted: 'Your account has been successfully deleted.',
  emailOnItsWay: 'A confirmation e-mail is on its way.',
  auditNote: 'Your account information is kept for later audits, and you can create a new account at any time.',
  redirecting: (seconds) => (one(seconds) ? 'You will be taken onward in 1 second.' : `You will be taken onward in ${seconds} seconds.`),
  goNow: 'Go now',
  stayHere: 'Stay on this page',
  stayed: 'You stay on this page until you choose to go.',
  redirectRefused: 'The page to go to next is not a safe address, so you stay here. You can close this page.',
  feedback: 'Tell us about your experience',
  signup: 'Create a new account',
  contactSupport: 'contact support',
  close: 'Close',
  cannotClose: 'The account is being deleted: this window stays open until the deletion has ended.',
  cannotCloseDeleted: 'The account is deleted: this window stays open until you are taken onward.',

  errorRefused: (status) => `The server refused the request (status ${status}).`,
  errorConflict: 'Something changed since the last check: resolve the items in the list of checks, then check again.',
  errorConflictUnexplained:
    'The server refused the deletion, yet nothing blocks it now. Nothing was deleted. Press Delete account to try again; if it happens again, contact support.',
  errorReauth: 'For your security, sign in again before deleting the account. Nothing was deleted.',
  errorReauthMayBeDeleted:
    'For your security, sign in again before deleting the account. The earlier try may already have deleted it: if so, a confirmation e-mail is on its way.',
  errorSignedOut: 'You are signed out. Sign in again, then check again.',
  errorSignedOutMayBeDeleted:
    'You are signed out, which may mean the account was deleted: if so, a confirmation e-mail is on its way. If not, sign in again, then check again.',
  errorCheckAfterLostDelete:
    'The earlier deletion was not confirmed: the account may already be deleted, and if so, a confirmation e-mail is on its way.',
  errorRateLimited: (seconds) =>
    seconds === undefined
      ? 'Too many attempts. Wait a moment, then try again.'
      : `Too many attempts. Wait ${seconds} ${one(seconds) ? 'second' : 'seconds'}, then try again.`,
  errorRateLimitedCheck: (seconds) =>
    seconds === undefined
      ? 'Too many attempts. Wait a moment, then check again.'
      : `Too many attempts. Wait ${seconds} ${one(seconds) ? 'second' : 'seconds'}, then check again.`,
  errorServerCheck: (status) => `The server had a problem (status ${status}), so the account could not be checked. Check again in a moment.`,
  errorServerDelete: (status) =>
    `The server had a problem (status ${status}) and the deletion was not confirmed. Press Delete account again: it is safe, the account cannot be deleted twice.`,
  errorInProgressDelete:
    'The deletion is still under way on the server, so it is not confirmed yet. Wait a moment, then press Delete account again: it is safe, the account cannot be deleted twice.',
  errorConnectionCheck: 'No answer came through from the server. Check your connection, then check again.',
  errorConnectionDelete:
    'No answer came through from the server, so the deletion was not confirmed. Check your connection, then press Delete account again: it is safe.',
  errorTimeoutCheck: 'The server took too long to answer. Check again.',
  errorTimeoutDelete: 'The server took too long to answer, so the deletion was not confirmed. Press Delete account again: it is safe.',
  errorUnreadableCheck: 'The server’s answer could not be read, so deletion stays locked. Check again, or contact support if this keeps happening.',
  errorUnreadableDelete:
    'The server’s answer could not be read, so the deletion was not confirmed. Press Delete account again: it is safe, the account cannot be deleted twice.',
  errorInterruptedDelete: 'The deletion was interrupted before the server answered. Press Delete account again to be sure: it is safe.',
  errorServerSaidNext: 'If you think this is a mistake, contact support.',
  errorUnexpected: 'Something unexpected happened, so deletion stays locked. Check again.',
  reference: (requestId) => `Reference: ${requestId}`,
};
