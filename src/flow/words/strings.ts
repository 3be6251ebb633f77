/**
 * Every word the flow's views show or announce. One object per language; a host may override any
 * entry (the panel's `strings` property). Functions take counts where the wording depends on them.
 */
export interface Strings {
  /** The heading, and the destructive button's label. */
  heading: string;
  deleteButton: string;
  /** The intro while something blocks, or nothing is known yet. */
  intro: string;
  /** The intro once nothing blocks: with the name to type, or with no typing. */
  introReadyConfirm: string;
  introReady: string;
  /** When the checks on show were read: under a minute, minutes, or the time of day. */
  checkedJustNow: string;
  checkedMinutesAgo: (minutes: number) => string;
  checkedAt: (time: Date) => string;
  checking: string;
  checksLabel: string;
  checkAgain: string;
  /** Label of the link to where a check is resolved; `title` is the check's name. */
  resolve: string;
  resolveLabel: (title: string) => string;

  dnsZones: string;
  edgeApplications: string;
  debts: string;
  resolved: string;
  dnsZonesBlocking: (count: number) => string;
  edgeApplicationsBlocking: (count: number) => string;
  /** An amount due: `value` is a decimal string ("1234.50"), `currency` a code ("USD"). */
  amount: (value: string, currency: string) => string;
  /** `amount` is already formatted by `amount()`. */
  debtsBlocking: (amount: string) => string;
  debtsBlockingNoAmount: string;
  unknownBlocking: string;
  /** A check the server could not evaluate, when it gave no words of its own. */
  unavailable: string;
  /** Ends a list of names cut short: `… and 3 more`. */
  andMore: (count: number) => string;
  /** Joins names: `acme.com, acme.dev`. */
  listSeparator: string;

  consequencesHeading: string;
  consequences: readonly string[];

  confirmLabel: string;
  confirmHint: (accountName: string) => string;

  /** Why the delete button cannot be used yet. */
  reasonChecking: string;
  reasonCheckFailed: string;
  reasonBlocked: (count: number) => string;
  /** The server said no although every check it sent passed. */
  notDeletable: string;
  reasonConfirm: string;
  /** As many characters typed as the name has, and no match. */
  reasonMismatch: string;
  reasonDeleting: string;
  /** The server refused the deletion for sure (403 and the like). */
  reasonRefused: string;
  /** The server asked for a fresh sign-in. */
  reasonSignIn: string;
  reasonSignedOut: string;

  readySummary: string;
  blockedSummary: (count: number) => string;
  deleting: string;
  deleted: string;
  emailOnItsWay: string;
  auditNote: string;
  redirecting: (seconds: number) => string;
  goNow: string;
  /** The button that stops the redirect, so that the message can be read at one's own pace. */
  stayHere: string;
  /** Said instead of `redirecting` once the user chose to stay. */
  stayed: string;
  redirectRefused: string;
  /** After deletion, the link to `feedback-url`, and the one to `signup-url`. */
  feedback: string;
  signup: string;
  /** The words of the sentences that say to contact support: a link, when `support-url` is given. */
  contactSupport: string;
  /** The window's close button, and why it cannot close now. */
  close: string;
  cannotClose: string;
  cannotCloseDeleted: string;

  /** Errors, each with what the user can do next. */
  errorConflict: string;
  /** A refusal (a 4xx) whose answer carried no sentence of the server's. */
  errorRefused: (status: number) => string;
  /** A 409, and then a check in which nothing blocks. */
  errorConflictUnexplained: string;
  errorReauth: string;
  /** A request for a fresh sign-in on the repeat of a deletion whose outcome was unknown: the account may be gone. */
  errorReauthMayBeDeleted: string;
  errorSignedOut: string;
  /** A plain 401 on the repeat of a deletion whose outcome was unknown: the account may be gone. */
  errorSignedOutMayBeDeleted: string;
  /** Before a check's failure, while a deletion of unknown outcome through a client since replaced is carried: the account may be gone. */
  errorCheckAfterLostDelete: string;
  /** A 429 where pressing Delete account again is the way forward. */
  errorRateLimited: (seconds: number | undefined) => string;
  /** A 429 where Check again is the way forward: on a check, or on a DELETE once a check failed. */
  errorRateLimitedCheck: (seconds: number | undefined) => string;
  errorServerCheck: (status: number) => string;
  errorServerDelete: (status: number) => string;
  /** A 409 `idempotency_key_in_use` on a DELETE: the deletion with that key is still under way, its outcome unknown. */
  errorInProgressDelete: string;
  errorConnectionCheck: string;
  errorConnectionDelete: string;
  errorTimeoutCheck: string;
  errorTimeoutDelete: string;
  errorUnreadableCheck: string;
  errorUnreadableDelete: string;
  errorInterruptedDelete: string;
  /** Follows a sentence the server sent (403, 404 and others). */
  errorServerSaidNext: string;
  errorUnexpected: string;
  /** Announced with `requestId` so support can find the request. */
  reference: (requestId: string) => string;
}
