// Redirects and transport (issue 7, suite 4): a cross-origin redirect never carries `x-api-key` or
// `Authorization`; a same-origin redirect is followed; redirect loops end with an error; a server
// that never answers ends at `timeoutMs` per attempt; aborting mid-retry stops at once. Raw
// node:http servers on 127.0.0.1 play the hostile parts.
import {
  APIConnectionError,
  APIError,
  APITimeoutError,
  APIUserAbortError,
  createHeyGenClient,
  type HeyGenClientOptions,
} from "@heygen-openapi/client";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { countFailures } from "./support/failures.js";
import { type RawHandler, type RawServer, startRawServer } from "./support/raw-server.js";
import {
  countResources,
  leakedSince,
  type ResourceCounts,
  trackUnhandledRejections,
} from "./support/resources.js";
import { API_KEY, secretLeaks } from "./support/secrets.js";

const TOKEN = "oauth-rel-1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c";
const DATA = { id: "g2", name: "Followed" };
const ADD = "/v2/photo_avatar/avatar_group/add";

let baseline: ResourceCounts;
const unhandled = trackUnhandledRejections();
const servers: RawServer[] = [];
const figures = {
  calls: 0,
  redirectsRefused: 0,
  redirectsFollowed: 0,
  loopsEnded: 0,
  credentialsLeaked: 0,
  timeouts: 0,
  aborts: 0,
  requests: 0,
  failures: 0,
};

beforeAll(() => {
  baseline = countResources();
});

/** Starts a raw server that is closed after the test. */
async function serve(handler: RawHandler): Promise<RawServer> {
  const s = await startRawServer(handler);
  servers.push(s);
  return s;
}

countFailures(figures);

afterEach(async () => {
  for (const s of servers) figures.requests += s.seen.length;
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

afterAll(async () => {
  const leaked = await leakedSince(baseline);
  unhandled.stop();
  console.log(
    `[redirects-transport] calls: ${figures.calls}, HTTP requests: ${figures.requests}, cross-origin redirects refused: ${figures.redirectsRefused}, ` +
      `credentials leaked: ${figures.credentialsLeaked}, same-origin redirects followed: ${figures.redirectsFollowed}, redirect loops ended: ${figures.loopsEnded}, ` +
      `timeouts: ${figures.timeouts}, aborts: ${figures.aborts}, unhandled rejections: ${unhandled.count}, ` +
      `leaked resources: ${JSON.stringify(leaked)}, failures: ${figures.failures}`,
  );
  expect(leaked).toEqual({});
  expect(unhandled.count).toBe(0);
});

const json = (res: Parameters<RawHandler>[1], status: number, body: unknown, headers = {}) => {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
};

function clientFor(
  baseUrl: string,
  credential: "apiKey" | "accessToken",
  extra: HeyGenClientOptions = {},
) {
  return createHeyGenClient({
    ...(credential === "apiKey" ? { apiKey: API_KEY } : { accessToken: TOKEN }),
    baseUrl,
    maxRetries: 2,
    retryBaseDelayMs: 1,
    retryMaxDelayMs: 5,
    ...extra,
  });
}

type Op = "get" | "addLooks" | "raw";
function run(client: ReturnType<typeof clientFor>, op: Op): Promise<unknown> {
  figures.calls++;
  if (op === "get") return client.avatarGroups.get("g1");
  if (op === "addLooks") {
    return client.photoAvatars.addLooks({ group_id: "g1", image_keys: ["k1"], name: "n" });
  }
  return client.raw.v3.GET("/v3/avatars/{group_id}", { params: { path: { group_id: "g1" } } });
}

describe("redirects", () => {
  test("a cross-origin redirect is refused for every status, location form, credential and method: the other origin never sees the credential", async () => {
    const other = await serve((_req, res) => json(res, 200, { data: DATA }));
    const otherPort = new URL(other.url).port;
    let location = "";
    let status = 302;
    const origin = await serve((_req, res) => {
      res.writeHead(status, { location });
      res.end();
    });
    const originPort = new URL(origin.url).port;
    const locations = [
      `${other.url}/v3/avatars/g2`,
      `//127.0.0.1:${otherPort}/v3/avatars/g2`,
      `http://localhost:${originPort}/v3/avatars/g2`, // same port, other host name: another origin
      `https://127.0.0.1:${originPort}/v3/avatars/g2`, // same host and port, other scheme
      `http://127.0.0.2:${originPort}/v3/avatars/g2`,
    ];
    let cases = 0;
    for (const s of [301, 302, 303, 307, 308]) {
      for (const loc of locations) {
        for (const credential of ["apiKey", "accessToken"] as const) {
          for (const op of ["get", "addLooks", "raw"] as const) {
            status = s;
            location = loc;
            const before = { origin: origin.seen.length, other: other.seen.length };
            const client = clientFor(origin.url, credential);
            const error = await run(client, op).then(
              () => undefined,
              (e: unknown) => e,
            );
            const label = `${s} ${loc} ${credential} ${op}`;
            expect(error, label).toBeInstanceOf(APIError);
            expect(error, label).toMatchObject({ status: s, code: "cross_origin_redirect" });
            expect(secretLeaks(error, API_KEY), label).toEqual([]);
            expect(secretLeaks(error, TOKEN), label).toEqual([]);
            // the redirect is an answer, not a failure: no retry, and nothing sent elsewhere
            expect(origin.seen.length - before.origin, label).toBe(1);
            expect(other.seen.length - before.other, label).toBe(0);
            figures.redirectsRefused++;
            cases++;
          }
        }
      }
    }
    // whatever reached the other origin (nothing, above) must carry no credential
    const leaked = other.seen.filter((r) => r.headers["x-api-key"] || r.headers.authorization);
    figures.credentialsLeaked += leaked.length;
    expect(leaked).toEqual([]);
    expect(cases).toBe(5 * locations.length * 2 * 3);
  });

  test.each([
    301, 302, 303, 307, 308,
  ])("a same-origin %i redirect is followed with the credential", async (status) => {
    const server = await serve((req, res) => {
      if (req.url.endsWith("/g1") || req.url === ADD) {
        res.writeHead(status, { location: req.url === ADD ? `${ADD}?moved=1` : "/v3/avatars/g2" });
        res.end();
      } else if (req.url.startsWith(ADD))
        json(res, 200, {
          data: { photo_avatar_list: [{ id: "l1", method: req.method, body: req.body }] },
        });
      else json(res, 200, { data: DATA });
    });
    for (const credential of ["apiKey", "accessToken"] as const) {
      server.seen.length = 0;
      const client = clientFor(server.url, credential);
      await expect(run(client, "get")).resolves.toEqual(DATA);
      expect(server.seen.map((r) => r.url)).toEqual(["/v3/avatars/g1", "/v3/avatars/g2"]);
      for (const r of server.seen) {
        if (credential === "apiKey") expect(r.headers["x-api-key"]).toBe(API_KEY);
        else expect(r.headers.authorization).toBe(`Bearer ${TOKEN}`);
      }
      figures.redirectsFollowed++;
    }
    // POST: 307/308 keep the method and body; 301/302/303 turn into a GET without a body
    server.seen.length = 0;
    const added = (await run(clientFor(server.url, "apiKey"), "addLooks")) as {
      photo_avatar_list: { method: string; body: string }[];
    };
    figures.redirectsFollowed++;
    const keeps = status === 307 || status === 308;
    expect(server.seen.map((r) => r.method)).toEqual(["POST", keeps ? "POST" : "GET"]);
    expect(added.photo_avatar_list[0]?.method).toBe(keeps ? "POST" : "GET");
    expect(server.seen[1]?.body).toBe(keeps ? server.seen[0]?.body : "");
    expect(server.seen[1]?.headers["x-api-key"]).toBe(API_KEY);
  });

  test.each([
    ["to itself", (url: string) => url],
    [
      "between two paths",
      (url: string) => (url.endsWith("/a") ? "/v3/avatars/b" : "/v3/avatars/a"),
    ],
    ["to a growing path", (url: string) => `${url}x`],
  ])("a redirect loop %s ends with an APIError after a bounded number of hops", async (_name, next) => {
    const server = await serve((req, res) => {
      res.writeHead(302, { location: next(req.url) });
      res.end();
    });
    const error = await run(clientFor(server.url, "apiKey"), "get").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({ code: "too_many_redirects" });
    // at most a handful of hops, and the loop is not retried
    expect(server.seen.length).toBeGreaterThan(1);
    expect(server.seen.length).toBeLessThanOrEqual(10);
    figures.loopsEnded++;
  });
});

describe("transport", () => {
  /** A server that takes requests and never answers (or answers only the headers). */
  async function silent(mode: "nothing" | "headers" | "drip") {
    const arrivals: number[] = [];
    const server = await serve((_req, res) => {
      arrivals.push(server.closedSockets);
      if (mode === "headers")
        res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      if (mode === "headers") res.flushHeaders();
      if (mode === "drip") {
        res.writeHead(200, { "content-type": "application/json" });
        const t = setInterval(() => res.write(" "), 20);
        res.on("close", () => clearInterval(t));
      }
    });
    return { server, arrivals };
  }

  test.each([
    "nothing",
    "headers",
    "drip",
  ] as const)("a server that sends %s ends each attempt at timeoutMs; GETs retry, the POST does not", async (mode) => {
    const { server, arrivals } = await silent(mode);
    const client = clientFor(server.url, "apiKey", { timeoutMs: 150, maxRetries: 2 });
    const error = await run(client, "get").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APITimeoutError);
    expect((error as Error).message).toContain("150 ms");
    expect(server.seen).toHaveLength(3);
    // each attempt was abandoned (its connection closed) before the next one was sent
    for (const [attempt, closedBefore] of arrivals.entries()) {
      expect(closedBefore).toBeGreaterThanOrEqual(attempt);
    }
    figures.timeouts++;

    server.seen.length = 0;
    const postError = await run(client, "addLooks").catch((e: unknown) => e);
    expect(postError).toBeInstanceOf(APITimeoutError);
    expect(server.seen).toHaveLength(1);
    figures.timeouts++;
  });

  test("a per-call timeoutMs overrides the client's, per attempt", async () => {
    const { server } = await silent("nothing");
    const client = clientFor(server.url, "apiKey", { timeoutMs: 60_000, maxRetries: 0 });
    figures.calls++;
    const error = await client.avatarGroups
      .get("g1", { timeoutMs: 100, maxRetries: 1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(server.seen).toHaveLength(2);
    figures.timeouts++;
  });

  test("a dropped connection is retried for GET and surfaced for POST", async () => {
    const server = await serve((_req, _res, socket) => {
      socket.destroy();
    });
    const client = clientFor(server.url, "apiKey", { maxRetries: 3 });
    await expect(run(client, "get")).rejects.toBeInstanceOf(APIConnectionError);
    expect(server.seen).toHaveLength(4);
    server.seen.length = 0;
    await expect(run(client, "addLooks")).rejects.toBeInstanceOf(APIConnectionError);
    expect(server.seen).toHaveLength(1);
  });

  test.each([
    ["a Retry-After of 30 s", 429, { "retry-after": "30" }, "later"],
    ["a 30 s backoff", 503, {}, "later"],
    // an abort signalled just before the sleep starts was once ignored for the whole delay
    ["a Retry-After of 30 s", 429, { "retry-after": "30" }, "at once"],
    ["a 30 s backoff", 503, {}, "at once"],
  ] as const)("aborting while the client waits out %s (signalled %s) stops at once, with no timer left", async (_name, status, headers, when) => {
    const server = await serve((_req, res) =>
      json(res, status, { error: { code: "busy" } }, headers),
    );
    const ac = new AbortController();
    const client = clientFor(server.url, "apiKey", {
      maxRetries: 5,
      retryBaseDelayMs: 30_000,
      retryMaxDelayMs: 30_000,
      // the client logs just before it sleeps: abort from inside that call, or once the sleep began
      logger: {
        debug: (msg) => {
          if (!msg.includes("retry")) return;
          const abort = () => ac.abort(new Error("caller gave up"));
          if (when === "at once") abort();
          else setImmediate(abort);
        },
      },
    });
    const before = countResources();
    figures.calls++;
    let guard: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      client.avatarGroups.get("g1", { signal: ac.signal }).catch((e: unknown) => e),
      new Promise((resolve) => {
        guard = setTimeout(() => resolve("still waiting 5 s after the abort"), 5_000);
      }),
    ]);
    clearTimeout(guard);
    expect(ac.signal.aborted).toBe(true);
    expect(outcome).toBeInstanceOf(APIUserAbortError);
    expect((outcome as Error).cause).toMatchObject({ message: "caller gave up" });
    expect(server.seen).toHaveLength(1);
    // the 30 s sleep's timer is gone
    expect(countResources().Timeout).toBeLessThanOrEqual(before.Timeout);
    figures.aborts++;
  });

  // Node 20's undici replays a 421 on a new connection and ignores the abort signal meanwhile
  test("a 421 whose body stalls still ends at timeoutMs", async () => {
    const server = await serve((_req, res) => {
      res.writeHead(421, { "content-type": "application/json", "content-length": "100" });
      res.write("{");
    });
    const client = clientFor(server.url, "apiKey", { timeoutMs: 200, maxRetries: 1 });
    figures.calls++;
    let guard: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      client.avatarGroups.get("g1").catch((e: unknown) => e),
      new Promise((resolve) => {
        guard = setTimeout(() => resolve("still pending 5 s after a 200 ms timeout"), 5_000);
      }),
    ]);
    clearTimeout(guard);
    expect(outcome).toBeInstanceOf(APITimeoutError);
    expect(secretLeaks(outcome, API_KEY)).toEqual([]);
    figures.timeouts++;
  });

  test("aborting an attempt in flight, or before the call, ends with APIUserAbortError and no retry", async () => {
    const server = await serve(() => {
      ac.abort();
    });
    let ac = new AbortController();
    const client = clientFor(server.url, "apiKey", { maxRetries: 5 });
    figures.calls += 2;
    await expect(client.avatarGroups.get("g1", { signal: ac.signal })).rejects.toBeInstanceOf(
      APIUserAbortError,
    );
    expect(server.seen).toHaveLength(1);
    ac = new AbortController();
    ac.abort();
    await expect(client.avatarGroups.get("g1", { signal: ac.signal })).rejects.toBeInstanceOf(
      APIUserAbortError,
    );
    expect(server.seen).toHaveLength(1);
    figures.aborts += 2;
  });
});
