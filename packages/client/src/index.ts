/**
 * `@heygen-openapi/client`: a typed client for HeyGen's whole API, every resource method one
 * operation of the generated registry, with retries, idempotency keys, per-attempt timeouts,
 * pagination, job polling, uploads, webhook verification and one error hierarchy.
 * @module
 */

// Webhook deliveries: checked and parsed by `@heygen-openapi/webhooks` (the Standard Webhooks
// scheme), re-exported here so that a service needs one import.
export {
  DEFAULT_TOLERANCE_SECONDS,
  type HeyGenWebhookEvent,
  isWebhookEvent,
  type ParsedWebhookEvent,
  parseWebhookEvent,
  type RawWebhookBody,
  type UnknownWebhookEvent,
  type VerifiedWebhook,
  type VerifyWebhookOptions,
  verifyWebhook,
  type WebhookEvent,
  type WebhookEventData,
  type WebhookEventType,
  type WebhookHeaders,
  WebhookParseError,
  type WebhookParseReason,
  WebhookVerificationError,
  type WebhookVerificationReason,
} from "@heygen-openapi/webhooks";
export type { APIPromise, WithResponse } from "./api-promise.js";
export type {
  AddLooksParams,
  AddLooksResult,
  AvatarGroup,
  AvatarGroupListItem,
  AvatarGroupResult,
  AvatarStatus,
  ListAvatarGroupsParams,
  ListLooksResult,
  PhotoAvatarLook,
  PhotoAvatarLookResult,
  StandardAPIError,
  V2Error,
} from "./api-types.js";
export { createHeyGenClient, createHeyGenCore, type HeyGenClient, VERSION } from "./client.js";
export type { Core, DataShape, Init } from "./core.js";
export {
  APIConnectionError,
  APIError,
  type APIErrorFields,
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  HeyGenConfigurationError,
  HeyGenError,
  HeyGenHookError,
  HeyGenValidationError,
  InternalServerError,
  InvalidResponseError,
  JobFailedError,
  JobTimeoutError,
  NotFoundError,
  PermissionDeniedError,
  PhotoAvatarNotReadyError,
  RateLimitError,
  UnprocessableEntityError,
} from "./errors.js";
export type { WaitUntilDoneOptions } from "./jobs.js";
export type { Body, CallInit, Data, Descriptor, Item, Query } from "./operation-types.js";
export type {
  HeyGenClientOptions,
  HeyGenLogger,
  RequestInfo,
  RequestOptions,
  ResponseInfo,
  Timeouts,
} from "./options.js";
export type { Page, PagePromise } from "./pagination.js";
export { type Assets, assets } from "./resources/assets.js";
export { type AvatarGroups, avatarGroups } from "./resources/avatar-groups.js";
export {
  type AvatarGroupDetail,
  type AvatarLookDetail,
  type Avatars,
  avatars,
} from "./resources/avatars.js";
export { type LipsyncResult, type Lipsyncs, lipsyncs } from "./resources/lipsyncs.js";
export { type PhotoAvatars, photoAvatars } from "./resources/photo-avatars.js";
export { type Users, users } from "./resources/users.js";
export {
  type VideoAgentSessionResult,
  type VideoAgents,
  videoAgents,
} from "./resources/video-agents.js";
export {
  type ProofreadResult,
  type VideoTranslationResult,
  type VideoTranslations,
  videoTranslations,
} from "./resources/video-translations.js";
export { type VideoResult, type Videos, videos } from "./resources/videos.js";
export { type Voices, voices } from "./resources/voices.js";
export { type Webhooks, webhooks } from "./resources/webhooks.js";
export { MAX_UPLOAD_BYTES, type Uploadable, type UploadOptions } from "./upload.js";
export type { WaitOptions } from "./wait.js";
