import { createHeyGenClient } from "@heygen-openapi/client";
import createClient from "openapi-fetch";
import { compareSideBySide } from "./harness.mjs";
import { GROUP_BODY, startLoopbackServer } from "./loopback-server.mjs";

const KEY = "bench-key";
const GROUP_ID = "ag_abc123";

/**
 * Benchmark 9 (issue 11): the client's own CPU per GET against bare openapi-fetch, with the
 * server on the same thread, so that every microsecond either caller spends is on the one event
 * loop being timed (a server on its own thread hides the callers' cost behind the socket wait).
 * Both make `GET /v3/avatars/{group_id}` and read a field of the answer.
 * @param {{ rounds: number, time: number }} options
 */
export async function benchClientCpu({ rounds, time }) {
  const server = await startLoopbackServer(() => ({
    body: GROUP_BODY,
    headers: { "x-request-id": "req_bench" },
  }));
  try {
    /** @type {import("openapi-fetch").Client<import("@heygen-openapi/types/v3").paths>} */
    const bare = createClient({ baseUrl: server.url, headers: { "x-api-key": KEY } });
    const heygen = createHeyGenClient({ apiKey: KEY, baseUrl: server.url });
    return await compareSideBySide({
      title:
        "9. Per-request CPU, server on the same thread: GET /v3/avatars/{group_id}, client vs bare openapi-fetch",
      baseline: "openapi-fetch",
      rounds,
      time,
      variants: [
        {
          id: "openapi-fetch",
          label: "bare openapi-fetch",
          fn: async () => {
            const { data } = await bare.GET("/v3/avatars/{group_id}", {
              params: { path: { group_id: GROUP_ID } },
            });
            if (data?.data.id !== GROUP_ID) throw new Error("openapi-fetch: unexpected answer");
          },
        },
        {
          id: "client",
          label: "@heygen-openapi/client (avatars.get)",
          fn: async () => {
            const group = await heygen.avatars.get(GROUP_ID);
            if (group.id !== GROUP_ID) throw new Error("client: unexpected answer");
          },
        },
      ],
    });
  } finally {
    await server.close();
  }
}
