import { createHeyGenClient } from "@heygen-openapi/client";
import { createFakeHeyGen } from "@heygen-openapi/testing";
import createClient from "openapi-fetch";
import { firstGroupId } from "./fake-throughput.mjs";
import { compareSideBySide } from "./harness.mjs";
import { GROUP_BODY, startLoopbackServerThread } from "./loopback-server.mjs";

const KEY = "bench-key";
const GROUP_ID = "ag_abc123";

/**
 * The three ways to make the same `GET /v3/avatars/{group_id}` call: raw fetch + JSON.parse,
 * bare openapi-fetch, and our client, all over the same fetch function.
 * @param {string} baseUrl
 * @param {typeof fetch} fetchFn
 * @param {{ groupId?: string, maxRetries?: number }} [options]
 */
function callers(baseUrl, fetchFn, { groupId = GROUP_ID, ...clientOptions } = {}) {
  /** @type {import("openapi-fetch").Client<import("@heygen-openapi/types/v3").paths>} */
  const bare = createClient({ baseUrl, fetch: fetchFn, headers: { "x-api-key": KEY } });
  const heygen = createHeyGenClient({ apiKey: KEY, baseUrl, fetch: fetchFn, ...clientOptions });
  const url = `${baseUrl}/v3/avatars/${encodeURIComponent(groupId)}`;
  return {
    raw: async () => {
      const response = await fetchFn(url, { headers: { "x-api-key": KEY } });
      const body = JSON.parse(await response.text());
      if (!response.ok || body.data.id !== groupId) throw new Error("raw fetch: unexpected answer");
    },
    openapiFetch: async () => {
      const { data, error } = await bare.GET("/v3/avatars/{group_id}", {
        params: { path: { group_id: groupId } },
      });
      if (error || data?.data.id !== groupId) throw new Error("openapi-fetch: unexpected answer");
    },
    client: async () => {
      const group = await heygen.avatarGroups.get(groupId);
      if (group.id !== groupId) throw new Error("client: unexpected answer");
    },
  };
}

/**
 * The variant list of benchmarks 1 and 2.
 * @param {ReturnType<typeof callers>} c
 * @param {number} concurrency
 * @returns {import("./harness.mjs").Variant[]}
 */
function threeWays(c, concurrency = 1) {
  return [
    {
      id: "raw",
      label: "raw fetch + JSON.parse",
      fn: concurrently(c.raw, concurrency),
      opsPerCall: concurrency,
    },
    {
      id: "openapi-fetch",
      label: "bare openapi-fetch",
      fn: concurrently(c.openapiFetch, concurrency),
      opsPerCall: concurrency,
    },
    {
      id: "client",
      label: "@heygen-openapi/client",
      fn: concurrently(c.client, concurrency),
      opsPerCall: concurrency,
    },
  ];
}

/**
 * @param {() => Promise<void>} fn
 * @param {number} concurrency
 */
function concurrently(fn, concurrency) {
  if (concurrency === 1) return fn;
  return async () => {
    await Promise.all(Array.from({ length: concurrency }, fn));
  };
}

/**
 * Benchmarks 1 and 3: request overhead on loopback (sequential and at concurrency 16) and the
 * retry machinery at rest, all against one bare `node:http` server on 127.0.0.1.
 * @param {{ rounds: number, time: number }} options
 */
export async function benchLoopback({ rounds, time }) {
  const server = await startLoopbackServerThread(GROUP_BODY, { "x-request-id": "req_bench" });
  try {
    const results = [];
    for (const concurrency of [1, 16]) {
      results.push(
        await compareSideBySide({
          title: `1. Request overhead on loopback, ${concurrency === 1 ? "sequential" : `concurrency ${concurrency}`}: GET /v3/avatars/{group_id}`,
          baseline: "raw",
          rounds,
          time,
          variants: threeWays(callers(server.url, fetch), concurrency),
        }),
      );
    }
    const withRetries = callers(server.url, fetch, { maxRetries: 2 });
    const withoutRetries = callers(server.url, fetch, { maxRetries: 0 });
    results.push(
      await compareSideBySide({
        title: "3. Retry machinery at rest: maxRetries 2 (never triggered) vs maxRetries 0",
        baseline: "no-retries",
        rounds,
        time,
        variants: [
          { id: "no-retries", label: "client, maxRetries: 0", fn: withoutRetries.client },
          { id: "retries", label: "client, maxRetries: 2", fn: withRetries.client },
        ],
      }),
    );
    return results;
  } finally {
    await server.close();
  }
}

/**
 * Benchmark 2: the same three calls against the fake's in-process `fetch` (no socket), which
 * isolates each caller's own CPU cost.
 * @param {{ rounds: number, time: number }} options
 */
export async function benchInProcess({ rounds, time }) {
  const fake = await createFakeHeyGen({ apiKey: KEY, seed: 1 });
  try {
    const groupId = await firstGroupId(fake.fetch);
    return await compareSideBySide({
      title: "2. In-process overhead against fake.fetch (no socket): GET /v3/avatars/{group_id}",
      baseline: "raw",
      rounds,
      time,
      variants: threeWays(callers("https://api.heygen.com", fake.fetch, { groupId })),
    });
  } finally {
    await fake.close();
  }
}
