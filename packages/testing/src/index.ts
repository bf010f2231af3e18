/**
 * `@heygen-openapi/testing`: a stateful fake of HeyGen's avatar API for tests (HTTP server,
 * `fetch` function and msw handlers over one engine), fault injection, and fixture factories.
 * @module
 */
export type { AvatarGroup, PhotoAvatarLook } from "./api-types.js";
export { createFakeHeyGen, type FakeHeyGen, type FakeHeyGenOptions } from "./fake.js";
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
