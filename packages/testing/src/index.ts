/**
 * `@heygen-openapi/testing`: a stateful fake of HeyGen's whole published API for tests (HTTP
 * server, `fetch` function, msw handlers and the `heygen-fake` command over one engine): jobs,
 * assets, webhook endpoints with signed deliveries, idempotency keys, fault injection, and
 * fixture factories.
 * @module
 */
export type { AvatarGroup, PhotoAvatarLook } from "./api-types.js";
export type { StoredAsset } from "./asset-store.js";
export {
  createFakeHeyGen,
  type FakeHeyGen,
  type FakeHeyGenOptions,
  type ListenOptions,
} from "./fake.js";
export type {
  FaultKind,
  FaultScope,
  FaultSpec,
  InjectedFault,
  LatencyFault,
  StatusFault,
  TransportFault,
} from "./faults.js";
export {
  type AvatarGroupOverrides,
  createFixtures,
  type FixtureOptions,
  type Fixtures,
  type Ownership,
} from "./fixtures.js";
export type { JobKind } from "./job-kinds.js";
export type {
  FakeJobs,
  JobFailure,
  JobOutcome,
  JobOutcomeRule,
  JobProcessing,
  JobSnapshot,
  NewJobInfo,
} from "./job-store.js";
export type { FakeMswHandler } from "./msw-types.js";
export type {
  OperationAnswer,
  OperationRequestInfo,
  OperationResolver,
  ResolverOf,
} from "./operation-handler.js";
export type { RecordedRequest, Transport } from "./request-log.js";
export type { OperationId } from "./routes.js";
export type { SeedCounts } from "./seed-state.js";
export type {
  FakeState,
  GroupPatch,
  LookOutcome,
  LookOutcomeRule,
  LookProcessing,
  NewLookInfo,
  StoredGroup,
} from "./state.js";
export type {
  CallbackDelivery,
  DeliveryAttempt,
  WebhookDelivery,
  WebhookOptions,
} from "./webhook-delivery.js";
