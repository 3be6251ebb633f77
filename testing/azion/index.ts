/** The fake of Azion's APIs: in memory, as a `fetch`, or over HTTP. */
export { createFakeAzionApi, NoAnswer, type FakeAzionApi } from './api.js';
export { createFakeAzionApiHandler } from './node-handler.js';
export { DEFAULT_AZION_STATE } from './state.js';
export {
  AZION_ENDPOINTS,
  AZION_FAULT_KINDS,
  type AzionEndpoint,
  type AzionFaultKind,
  type AzionFaultOptions,
  type FakeAzionAccount,
  type FakeAzionApiOptions,
  type FakeAzionApplication,
  type FakeAzionPayment,
  type FakeAzionRequest,
  type FakeAzionState,
  type FakeAzionUser,
  type FakeAzionZone,
  type QueuedAzionFault,
} from './types.js';
