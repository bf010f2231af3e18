import { readFile } from "node:fs/promises";
import { createFakeHeyGen } from "@heygen-openapi/testing";
import { compareSideBySide } from "./harness.mjs";
import { startLoopbackServer } from "./loopback-server.mjs";
import { packageFile } from "./paths.mjs";

const KEY = "bench-key";
const CONCURRENCY = 16;

/**
 * The id of a group the fake holds, asked of the fake itself.
 * @param {typeof fetch} fetchFn
 */
export async function firstGroupId(fetchFn) {
  const response = await fetchFn("https://api.heygen.com/v3/avatars?limit=1", {
    headers: { "x-api-key": KEY },
  });
  const body = JSON.parse(await response.text());
  const id = body?.data?.[0]?.id;
  if (typeof id !== "string")
    throw new Error(`the fake listed no group (status ${response.status})`);
  return id;
}

/**
 * @param {string} url
 * @param {typeof fetch} fetchFn
 */
function getOnce(url, fetchFn = fetch) {
  return async () => {
    const response = await fetchFn(url, { headers: { "x-api-key": KEY } });
    await response.arrayBuffer();
    if (response.status !== 200)
      throw new Error(`unexpected status ${response.status} from ${url}`);
  };
}

/**
 * Benchmark 5: the fake's HTTP throughput vs a bare `node:http` server sending the same bytes,
 * its in-process `fetch` vs that bare server over loopback, its start-up vs parsing the two
 * bundled specs, and a stateful job (create and read a video) through `fake.fetch`.
 * @param {{ rounds: number, time: number }} options
 */
export async function benchFake({ rounds, time }) {
  const fake = await createFakeHeyGen({ apiKey: KEY, seed: 1 });
  await fake.listen();
  const groupId = await firstGroupId(fake.fetch);
  const path = `/v3/avatars/${encodeURIComponent(groupId)}`;
  const sample = await fake.fetch(`https://api.heygen.com${path}`, {
    headers: { "x-api-key": KEY },
  });
  const bytes = Buffer.from(await sample.arrayBuffer());
  const bare = await startLoopbackServer(() => ({ body: bytes }));
  const specTexts = await Promise.all(
    ["v2", "v3"].map((api) =>
      readFile(packageFile("@heygen-openapi/types", `openapi/${api}.json`), "utf8"),
    ),
  );
  try {
    const many = (/** @type {() => Promise<void>} */ fn) => async () => {
      await Promise.all(Array.from({ length: CONCURRENCY }, fn));
    };
    const http = await compareSideBySide({
      title: `5a. Fake over HTTP vs bare node:http with the same bytes, concurrency ${CONCURRENCY}`,
      baseline: "bare",
      rounds,
      time,
      variants: [
        {
          id: "bare",
          label: "bare node:http server",
          fn: many(getOnce(`${bare.url}${path}`)),
          opsPerCall: CONCURRENCY,
        },
        {
          id: "fake",
          label: "fake.listen()",
          fn: many(getOnce(`${fake.url}${path}`)),
          opsPerCall: CONCURRENCY,
        },
      ],
    });
    const inProcess = await compareSideBySide({
      title: "5b. fake.fetch (in-process) vs the bare server over loopback, sequential",
      baseline: "bare",
      rounds,
      time,
      variants: [
        { id: "bare", label: "fetch to bare node:http", fn: getOnce(`${bare.url}${path}`) },
        {
          id: "fake-fetch",
          label: "fake.fetch",
          fn: getOnce(`https://api.heygen.com${path}`, fake.fetch),
        },
      ],
    });
    const startup = await compareSideBySide({
      title: "5c. Fake start-up vs JSON.parse of both bundled specs",
      baseline: "parse",
      rounds,
      time,
      variants: [
        {
          id: "parse",
          label: "JSON.parse(v2 + v3 specs)",
          fn: () => specTexts.map((t) => JSON.parse(t)),
        },
        {
          id: "fake",
          label: "createFakeHeyGen() + close()",
          fn: async () => {
            const f = await createFakeHeyGen({ apiKey: KEY, seed: 1 });
            await f.close();
          },
        },
      ],
    });
    const video = JSON.stringify({ type: "avatar", avatar_id: "bench_avatar", script: "Hello" });
    const post = (/** @type {string} */ url, /** @type {typeof fetch} */ fetchFn = fetch) =>
      fetchFn(url, {
        method: "POST",
        headers: { "x-api-key": KEY, "content-type": "application/json" },
        body: video,
      });
    const jobs = await compareSideBySide({
      title:
        "5d. A video job through fake.fetch (create, then read) vs two requests to the bare server over loopback",
      baseline: "bare",
      rounds,
      time,
      variants: [
        {
          id: "bare",
          label: "POST + GET to bare node:http",
          fn: async () => {
            await (await post(`${bare.url}/v3/videos`)).arrayBuffer();
            await getOnce(`${bare.url}${path}`)();
          },
        },
        {
          id: "fake-job",
          label: "fake.fetch POST /v3/videos + GET",
          fn: async () => {
            const created = await post("https://api.heygen.com/v3/videos", fake.fetch);
            const { data } = JSON.parse(await created.text());
            await getOnce(`https://api.heygen.com/v3/videos/${data.video_id}`, fake.fetch)();
          },
        },
      ],
    });
    return [http, inProcess, startup, jobs];
  } finally {
    await bare.close();
    await fake.close();
  }
}
