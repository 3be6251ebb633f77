/**
 * `<AccountDeletePanel>` and `<AccountDeleteDialog>` for React: every property is a prop (`apiBase`,
 * `redirectUrl`, `redirectDelay`, `confirmation`, `lang`, `client`, `strings`, `supportUrl`,
 * `feedbackUrl`, `signupUrl`; `open` for the dialog) and every event has a handler prop
 * (`onAccountDeleted`, `onAccountDeleteDialogClose`, …). Importing this module defines both elements.
 *
 * It needs the kit's optional peer dependencies, which a plain or Vue install leaves out:
 * `npm install @lit/react react` (and `@types/react` for TypeScript).
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { AccountDeletePanel as AccountDeletePanelElement } from './account-delete-panel.js';
import { AccountDeleteDialog as AccountDeleteDialogElement } from '../account-delete-dialog/account-delete-dialog.js';
import type { AccountDeletePanelEventMap } from './events.js';
import type { AccountDeleteDialogEventMap } from '../account-delete-dialog/events.js';

type Name<K extends keyof AccountDeleteDialogEventMap> = EventName<AccountDeleteDialogEventMap[K]>;

const panelEvents = {
  onAccountDeleteChecked: 'account-delete-checked' as Name<'account-delete-checked'>,
  onAccountDeleteRequest: 'account-delete-request' as Name<'account-delete-request'>,
  onAccountDeleted: 'account-deleted' as Name<'account-deleted'>,
  onAccountDeleteError: 'account-delete-error' as Name<'account-delete-error'>,
  onAccountDeleteReauthRequired: 'account-delete-reauth-required' as Name<'account-delete-reauth-required'>,
} satisfies Record<string, EventName<AccountDeletePanelEventMap[keyof AccountDeletePanelEventMap]>>;

export const AccountDeletePanel = createComponent({
  tagName: 'account-delete-panel',
  elementClass: AccountDeletePanelElement,
  react: React,
  displayName: 'AccountDeletePanel',
  events: panelEvents,
});

export const AccountDeleteDialog = createComponent({
  tagName: 'account-delete-dialog',
  elementClass: AccountDeleteDialogElement,
  react: React,
  displayName: 'AccountDeleteDialog',
  events: { ...panelEvents, onAccountDeleteDialogClose: 'account-delete-dialog-close' as Name<'account-delete-dialog-close'> },
});
