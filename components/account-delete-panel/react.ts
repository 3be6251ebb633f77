/**
 * `<AccountDeletePanel>` for React: every property is a prop (`apiBase`, `redirectUrl`, `redirectDelay`,
 * `confirmation`, `lang`, `client`, `strings`) and every event has a handler prop (`onAccountDeleted`, …).
 * Importing this module also defines `<account-delete-panel>`.
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { AccountDeletePanel as AccountDeletePanelElement } from './account-delete-panel.js';
import type { AccountDeletePanelEventMap } from './events.js';

type Name<K extends keyof AccountDeletePanelEventMap> = EventName<AccountDeletePanelEventMap[K]>;

export const AccountDeletePanel = createComponent({
  tagName: 'account-delete-panel',
  elementClass: AccountDeletePanelElement,
  react: React,
  displayName: 'AccountDeletePanel',
  events: {
    onAccountDeleteChecked: 'account-delete-checked' as Name<'account-delete-checked'>,
    onAccountDeleteRequest: 'account-delete-request' as Name<'account-delete-request'>,
    onAccountDeleted: 'account-deleted' as Name<'account-deleted'>,
    onAccountDeleteError: 'account-delete-error' as Name<'account-delete-error'>,
    onAccountDeleteReauthRequired: 'account-delete-reauth-required' as Name<'account-delete-reauth-required'>,
  },
});
