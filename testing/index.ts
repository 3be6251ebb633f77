/**
 * The fake account deletion backend, for demos and for integrators' tests (`account-deletion-kit/testing`):
 * an in-memory model of the API, a `fetch` backed by it, and Node HTTP handlers for dev servers; and a
 * fake of Azion's own APIs, for the server half (`account-deletion-kit/server`) to run against.
 * It runs in browsers and in Node alike.
 */
export { createFakeBackend, DEFAULT_STATE, isFaultKind, type FakeBackend } from './backend.js';
export {
  createFakeBackendOverAzion,
  FAKE_AZION_TOKEN,
  type FakeBackendOverAzion,
  type FakeBackendOverAzionOptions,
} from './backend-over-azion.js';
export { createFakeFetch, type FakeFetchOptions } from './fetch.js';
export {
  createFakeBackendControlHandler,
  createFakeBackendHandler,
  type ControlHandlerOptions,
  type FakeBackendHandlerOptions,
  type NodeHandler,
  type NodeRequestLike,
  type NodeResponseLike,
} from './node-handler.js';
export { CONTROL_ROUTES, controlSnapshot, runControl, type ControlAnswer, type ControlSnapshot } from './control.js';
export type { WireCheck as FakeWireCheck } from './checks.js';
export type {
  FakeAccount,
  FakeAmount,
  FakeAnswer,
  FakeBackendOptions,
  FakeBackendState,
  FakeDnsZone,
  FakeEdgeApplication,
  FakeRequest,
  FakeRequestRecord,
  FaultKind,
  FaultOptions,
  FaultTarget,
  QueuedFault,
} from './types.js';
export * from './azion/index.js';
