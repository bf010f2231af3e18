/**
 * `@heygen-openapi/client`: a typed HeyGen avatar API client on openapi-fetch, with retries,
 * per-attempt timeouts, pagination and one error hierarchy.
 * @module
 */
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
export { createHeyGenClient, type HeyGenClient, VERSION } from "./client.js";
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
  NotFoundError,
  PermissionDeniedError,
  PhotoAvatarNotReadyError,
  RateLimitError,
  UnprocessableEntityError,
} from "./errors.js";
export type {
  HeyGenClientOptions,
  HeyGenLogger,
  RequestInfo,
  RequestOptions,
  ResponseInfo,
} from "./options.js";
export type { Page, PagePromise } from "./pagination.js";
export type { AvatarGroups } from "./resources/avatar-groups.js";
export type { PhotoAvatars } from "./resources/photo-avatars.js";
export type { WaitOptions } from "./wait.js";
