/**
 * The openapi-typescript output for HeyGen's v3 avatar operations (`GET /v3/avatars`,
 * `GET /v3/avatars/{group_id}`), generated from the corrected bundle in `specs/v3/openapi.json`.
 *
 * @example
 * ```ts
 * import type { paths } from "@heygen-openapi/types/v3";
 * import createClient from "openapi-fetch";
 * const v3 = createClient<paths>({ baseUrl: "https://api.heygen.com" });
 * ```
 * @module
 */
export type { components, operations, paths } from "./generated/v3.js";
