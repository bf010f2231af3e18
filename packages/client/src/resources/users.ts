import { getUserMeV3 } from "@heygen-openapi/types";
import type { Core } from "../core.js";
import type { RequestOptions } from "../options.js";

/**
 * Users (v3): the account behind the credential.
 *
 * @example
 * const me = await heygen.users.me();
 */
export function users(core: Core) {
  return {
    /** `GET /v3/users/me`: the account, its subscription and credits. */
    me: (options?: RequestOptions) => core.call(getUserMeV3, {}, options),
  };
}

/** The `users` resource. */
export type Users = ReturnType<typeof users>;
