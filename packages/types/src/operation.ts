/**
 * The shape of one entry of the generated operation registry (`operations` and the per-operation
 * exports). Every field is read from the bundled specs by `pnpm generate`; nothing here is kept
 * by hand per operation.
 * @module
 */

/** How a cursor list pages: `limit` and `token` in; `data`, `has_more` and `next_token` out. */
export interface CursorPagination {
  readonly limit: "limit";
  readonly token: "token";
  readonly items: "data";
  readonly hasMore: "has_more";
  readonly nextToken: "next_token";
}

/**
 * A long-running resource read (a video, a translation, a session, ...): where its status is and
 * which values end it, from the `x-heygen-job` annotation of the corrections overlay.
 */
export interface JobStates {
  readonly statusField: "status";
  /** Terminal statuses that mean success (e.g. `completed`). */
  readonly done: readonly string[];
  /** Terminal statuses that mean failure (e.g. `failed`). */
  readonly failed: readonly string[];
}

/**
 * One operation of the bundled specs, as code reads it at run time.
 * @example
 * ```ts
 * import { getVideoV3 } from "@heygen-openapi/types";
 * getVideoV3.pathParams; // readonly ["video_id"]
 * getVideoV3.job?.done;  // readonly ["completed"]
 * ```
 */
export interface OperationDescriptor {
  /** `"METHOD /path"`, the key in `operations`. */
  readonly key: string;
  readonly operationId: string;
  /** Upper case, e.g. `"GET"`. */
  readonly method: "GET" | "PUT" | "POST" | "DELETE" | "OPTIONS" | "HEAD" | "PATCH" | "TRACE";
  /** The spec's path template, e.g. `/v3/videos/{video_id}`. */
  readonly path: string;
  /** The path template's parameters, in order. */
  readonly pathParams: readonly string[];
  /** The query parameters the operation declares, in spec order. */
  readonly queryParams: readonly string[];
  /** The API generation, from the path prefix. */
  readonly api: "v1" | "v2" | "v3";
  /** Which bundled document defines it (`@heygen-openapi/types/v2` or `/v3`). */
  readonly spec: "v2" | "v3";
  /** The operation's first tag (HeyGen's resource name), or null when it has none. */
  readonly tag: string | null;
  /** Legacy operations HeyGen hides from its CLI (`x-excluded`), or `deprecated: true`. */
  readonly deprecated: boolean;
  readonly requestBody: {
    readonly contentType: "application/json" | "multipart/form-data";
    readonly required: boolean;
  } | null;
  /** The HTTP statuses the operation declares, in spec order. */
  readonly statuses: readonly number[];
  /** Set for cursor lists. */
  readonly pagination: CursorPagination | null;
  /** Set for reads of long-running resources. */
  readonly job: JobStates | null;
}
