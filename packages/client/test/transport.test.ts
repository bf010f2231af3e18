import { afterEach, describe, expect, it } from "vitest";
import {
  APIConnectionError,
  APIError,
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  createHeyGenClient,
  HeyGenError,
  InternalServerError,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from "../src/index.js";
import { clientFor, KEY } from "./support/client.js";
import {
  group,
  json,
  look,
  redirect,
  refusedUrl,
  startServer,
  type TestServer,
} from "./support/server.js";

const servers: TestServer[] = [];
const serve = async (...args: Parameters<typeof startServer>) => {
  const s = await startServer(...args);
  servers.push(s);
  return s;
};
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const ok = { data: group("g1") };
const addBody = { group_id: "g", image_keys: ["k1"], name: "n" };
const added = { error: null, data: { photo_avatar_list: [look("l1")] } };

describe("auth and headers", () => {
  it("sends x-api-key, the user agent and extra headers; per-call headers cannot replace the key", async () => {
    const s = await serve((_, res) => json(res, 200, ok));
    const heygen = clientFor(s, { userAgent: "my-app/1.0", headers: { "x-team": "a" } });
    await heygen.avatarGroups.get("g1", { headers: { "x-call": "b", "x-api-key": "other" } });
    const h = s.received[0]!.headers;
    expect(h["x-api-key"]).toBe(KEY);
    expect(h.authorization).toBeUndefined();
    expect(h["user-agent"]).toMatch(/^heygen-openapi-client\/\S+ my-app\/1\.0$/);
    expect(h["x-team"]).toBe("a");
    expect(h["x-call"]).toBe("b");
  });

  it("sends an access token as a bearer token instead", async () => {
    const s = await serve((_, res) => json(res, 200, ok));
    await createHeyGenClient({ accessToken: "tok_1", baseUrl: s.url }).avatarGroups.get("g1");
    expect(s.received[0]!.headers.authorization).toBe("Bearer tok_1");
    expect(s.received[0]!.headers["x-api-key"]).toBeUndefined();
  });
});

describe("retries", () => {
  it("honours Retry-After in seconds on 429, then succeeds", async () => {
    const delays: unknown[] = [];
    const s = await serve((_, res, n) =>
      n === 0
        ? json(
            res,
            429,
            { error: { code: "rate_limited", message: "slow" } },
            { "retry-after": "0" },
          )
        : json(res, 200, ok),
    );
    const heygen = clientFor(s, {
      logger: { debug: (m, d) => m.endsWith("retrying") && delays.push(d.delayMs) },
    });
    await expect(heygen.avatarGroups.get("g1")).resolves.toEqual(group("g1"));
    expect(s.received).toHaveLength(2);
    expect(delays).toEqual([0]);
  });

  it("honours Retry-After as an HTTP date and retry-after-ms", async () => {
    const delays: number[] = [];
    const s = await serve((_, res, n) => {
      if (n === 0)
        return json(res, 429, {}, { "retry-after": new Date(Date.now() + 1500).toUTCString() });
      if (n === 1) return json(res, 429, {}, { "retry-after-ms": "3", "retry-after": "100" });
      json(res, 200, ok);
    });
    const heygen = clientFor(s, {
      logger: { debug: (m, d) => m.endsWith("retrying") && delays.push(d.delayMs as number) },
    });
    await heygen.avatarGroups.get("g1");
    expect(s.received).toHaveLength(3);
    // the date has one-second precision, so the wait is between 0.5 s and 1.5 s
    expect(delays[0]).toBeGreaterThan(0);
    expect(delays[0]).toBeLessThanOrEqual(1500);
    expect(delays[1]).toBe(3);
  });

  it("surfaces a Retry-After above maxRetryAfterMs as RateLimitError instead of sleeping", async () => {
    const s = await serve((_, res) =>
      json(
        res,
        429,
        { error: { code: "rate_limited", message: "later" } },
        { "retry-after": "3600", "x-request-id": "req_9" },
      ),
    );
    const e = await clientFor(s)
      .avatarGroups.get("g1")
      .catch((x) => x);
    expect(e).toBeInstanceOf(RateLimitError);
    expect(e.retryAfterMs).toBe(3_600_000);
    expect(e.requestId).toBe("req_9");
    expect(e.code).toBe("rate_limited");
    expect(s.received).toHaveLength(1);
  });

  it("retries 5xx on GET, then succeeds", async () => {
    const s = await serve((_, res, n) =>
      n < 2 ? json(res, 503 - n, { error: "down" }) : json(res, 200, ok),
    );
    await expect(clientFor(s).avatarGroups.get("g1")).resolves.toEqual(group("g1"));
    expect(s.received).toHaveLength(3);
  });

  it("gives up after maxRetries with InternalServerError (per-call maxRetries wins)", async () => {
    const s = await serve((_, res) => json(res, 500, { error: { code: "boom", message: "x" } }));
    const e = await clientFor(s)
      .avatarGroups.get("g1", { maxRetries: 4 })
      .catch((x) => x);
    expect(e).toBeInstanceOf(InternalServerError);
    expect(e.status).toBe(500);
    expect(s.received).toHaveLength(5);
  });

  it("retries a GET whose connection was reset", async () => {
    const s = await serve((_, res, n, raw) =>
      n === 0 ? raw.socket.destroy() : json(res, 200, ok),
    );
    await expect(clientFor(s).avatarGroups.get("g1")).resolves.toEqual(group("g1"));
    expect(s.received).toHaveLength(2);
  });

  it("retries a GET whose body was cut short mid-stream", async () => {
    const s = await serve((_, res, n) => {
      if (n > 0) return json(res, 200, ok);
      res.writeHead(200, { "content-type": "application/json", "content-length": "500" });
      res.write('{"data":');
      setTimeout(() => res.destroy(), 5);
    });
    await expect(clientFor(s).avatarGroups.get("g1")).resolves.toEqual(group("g1"));
    expect(s.received).toHaveLength(2);
  });

  it("throws APIConnectionError after retrying a refused connection", async () => {
    const heygen = createHeyGenClient({
      apiKey: KEY,
      baseUrl: await refusedUrl(),
      retryBaseDelayMs: 1,
    });
    const e = await heygen.avatarGroups.get("g1").catch((x) => x);
    expect(e).toBeInstanceOf(APIConnectionError);
    expect(e).not.toBeInstanceOf(APITimeoutError);
    expect(e.message).toContain("ECONNREFUSED");
  });

  it("arms the timeout per attempt: a slow first attempt times out, the retry succeeds", async () => {
    const s = await serve((_, res, n) => {
      if (n > 0) return json(res, 200, ok);
      const t = setTimeout(() => json(res, 200, ok), 5000);
      res.on("close", () => clearTimeout(t));
    });
    const heygen = clientFor(s, { timeoutMs: 100 });
    await expect(heygen.avatarGroups.get("g1")).resolves.toEqual(group("g1"));
    expect(s.received).toHaveLength(2);
  });

  it("throws APITimeoutError when every attempt times out", async () => {
    const s = await serve((_, res) => {
      const t = setTimeout(() => json(res, 200, ok), 5000);
      res.on("close", () => clearTimeout(t));
    });
    const e = await clientFor(s)
      .avatarGroups.get("g1", { timeoutMs: 30, maxRetries: 1 })
      .catch((x) => x);
    expect(e).toBeInstanceOf(APITimeoutError);
    expect(e).toBeInstanceOf(APIConnectionError);
    expect(s.received).toHaveLength(2);
  });

  it("stops at once when the caller aborts during a retry delay", async () => {
    const ac = new AbortController();
    const s = await serve((_, res) => {
      setTimeout(() => ac.abort(new Error("user stop")), 20);
      json(res, 503, { error: "down" });
    });
    const heygen = clientFor(s, { retryBaseDelayMs: 60_000, retryMaxDelayMs: 60_000 });
    const e = await heygen.avatarGroups.get("g1", { signal: ac.signal }).catch((x) => x);
    expect(e).toBeInstanceOf(APIUserAbortError);
    expect(e.cause).toEqual(new Error("user stop"));
    expect(s.received).toHaveLength(1);
  });

  it("stops when the caller aborts mid-request, and never starts with an aborted signal", async () => {
    const ac = new AbortController();
    const s = await serve((_, res) => {
      ac.abort();
      const t = setTimeout(() => json(res, 200, ok), 5000);
      res.on("close", () => clearTimeout(t));
    });
    const heygen = clientFor(s);
    await expect(heygen.avatarGroups.get("g1", { signal: ac.signal })).rejects.toBeInstanceOf(
      APIUserAbortError,
    );
    await expect(heygen.avatarGroups.get("g1", { signal: ac.signal })).rejects.toBeInstanceOf(
      APIUserAbortError,
    );
    expect(s.received).toHaveLength(1);
  });
});

describe("POST is repeated only when the server provably did not act", () => {
  it("does not retry a POST on 500", async () => {
    const s = await serve((_, res) => json(res, 500, { error: "boom", data: null }));
    const e = await clientFor(s)
      .photoAvatars.addLooks(addBody)
      .catch((x) => x);
    expect(e).toBeInstanceOf(InternalServerError);
    expect(s.received).toHaveLength(1);
  });

  it("does not retry a POST on timeout or reset", async () => {
    const s = await serve((_, res, n, raw) => {
      if (n === 1) return raw.socket.destroy();
      const t = setTimeout(() => json(res, 200, added), 5000);
      res.on("close", () => clearTimeout(t));
    });
    const heygen = clientFor(s, { timeoutMs: 30 });
    await expect(heygen.photoAvatars.addLooks(addBody)).rejects.toBeInstanceOf(APITimeoutError);
    await expect(heygen.photoAvatars.addLooks(addBody)).rejects.toBeInstanceOf(APIConnectionError);
    expect(s.received).toHaveLength(2);
  });

  it("retries a POST on 429 with the same body rebuilt", async () => {
    const s = await serve((_, res, n) =>
      n === 0 ? json(res, 429, {}, { "retry-after": "0" }) : json(res, 200, added),
    );
    await expect(clientFor(s).photoAvatars.addLooks(addBody)).resolves.toEqual(added.data);
    expect(s.received.map((r) => JSON.parse(r.body))).toEqual([addBody, addBody]);
  });

  it("retries a POST whose connection was refused before sending", async () => {
    const s = await serve((_, res) => json(res, 200, added));
    const dead = await refusedUrl();
    let calls = 0;
    const heygen = clientFor(s, {
      fetch: (url, init) => fetch(calls++ === 0 ? url.replace(s.url, dead) : url, init),
    });
    await expect(heygen.photoAvatars.addLooks(addBody)).resolves.toEqual(added.data);
    expect(calls).toBe(2);
    expect(s.received).toHaveLength(1);
  });
});

describe("redirects", () => {
  it("follows a same-origin redirect with the key", async () => {
    const s = await serve((req, res) =>
      req.url.startsWith("/old") ? redirect(res, 307, "/v3/avatars/g1") : json(res, 200, ok),
    );
    const { data } = await clientFor(s).raw.v3.GET("/old" as "/v3/avatars/{group_id}", {
      params: { path: { group_id: "g1" } },
    });
    expect(data).toEqual(ok);
    expect(s.received[1]!.headers["x-api-key"]).toBe(KEY);
  });

  it("refuses a cross-origin redirect, so the other origin never sees the key", async () => {
    const other = await serve((_, res) => json(res, 200, ok));
    const s = await serve((_, res) => {
      res.writeHead(302, { location: `${other.url}/steal` });
      res.end();
    });
    const e = await clientFor(s)
      .avatarGroups.get("g1")
      .catch((x) => x);
    expect(e).toBeInstanceOf(APIError);
    expect(e.code).toBe("cross_origin_redirect");
    expect(e.status).toBe(302);
    expect(other.received).toHaveLength(0);
  });

  it("refuses a redirect whose Location cannot be parsed", async () => {
    const s = await serve((_, res) => redirect(res, 302, "http://[bad"));
    const e = await clientFor(s)
      .avatarGroups.get("g1")
      .catch((x) => x);
    expect(e).toBeInstanceOf(APIError);
    expect(e.code).toBe("cross_origin_redirect");
  });

  it("ends a redirect loop with an error after a bounded number of hops", async () => {
    const s = await serve((_, res) => {
      res.writeHead(301, { location: "/v3/avatars/g1" });
      res.end();
    });
    const e = await clientFor(s)
      .avatarGroups.get("g1")
      .catch((x) => x);
    expect(e).toBeInstanceOf(APIError);
    expect(e.code).toBe("too_many_redirects");
    expect(s.received.length).toBeLessThanOrEqual(6);
  });

  it("turns a POST into a GET on 303", async () => {
    const s = await serve((req, res) =>
      req.method === "POST" ? redirect(res, 303, "/done") : json(res, 200, added),
    );
    await clientFor(s).photoAvatars.addLooks(addBody);
    expect(s.received.map((r) => [r.method, r.body])).toEqual([
      ["POST", JSON.stringify(addBody)],
      ["GET", ""],
    ]);
  });
});

describe("error answers", () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [418, APIError],
  ])("maps %i to %o with the v3 error fields", async (status, Class) => {
    const body = {
      error: { code: "c_1", message: "went wrong", param: "limit", doc_url: "https://d" },
    };
    const s = await serve((_, res) => json(res, status, body, { "x-request-id": "req_1" }));
    const e = await clientFor(s, { maxRetries: 0 })
      .avatarGroups.get("g1")
      .catch((x) => x);
    expect(e).toBeInstanceOf(Class);
    expect(e).toBeInstanceOf(HeyGenError);
    expect(e).toMatchObject({
      status,
      code: "c_1",
      param: "limit",
      docUrl: "https://d",
      requestId: "req_1",
      body,
    });
    expect(e.name).toBe(Class.name);
    expect(e.message).toContain("GET /v3/avatars/{group_id}");
    expect(e.message).toContain(String(status));
    expect(e.message).toContain("went wrong");
  });

  it("treats a v2 envelope with a non-null error and HTTP 200 as an error", async () => {
    const s = await serve((_, res, n) =>
      json(
        res,
        200,
        n === 0
          ? { error: "look is gone", data: null }
          : { error: { code: 40102, message: "bad key" }, data: null },
      ),
    );
    const heygen = clientFor(s);
    const a = await heygen.photoAvatars.get("l1").catch((x) => x);
    expect(a).toBeInstanceOf(APIError);
    expect(a).toMatchObject({ status: 200, message: expect.stringContaining("look is gone") });
    const b = await heygen.photoAvatars.get("l1").catch((x) => x);
    expect(b).toMatchObject({
      status: 200,
      code: "40102",
      message: expect.stringContaining("bad key"),
    });
  });

  it.each([
    ["an HTML gateway page", "text/html", "<html>502 Bad Gateway</html>"],
    ["truncated JSON", "application/json", '{"data": {"id": '],
    ["an empty body", "application/json", ""],
    ["JSON without data", "application/json", '{"ok": true}'],
  ])("turns a 2xx with %s into InvalidResponseError", async (_, type, body) => {
    const s = await serve((_, res) => {
      res.writeHead(200, { "content-type": type, "x-request-id": "req_2" });
      res.end(body);
    });
    const e = await clientFor(s)
      .avatarGroups.get("g1")
      .catch((x) => x);
    expect(e).toBeInstanceOf(InvalidResponseError);
    expect(e.requestId).toBe("req_2");
    expect(s.received).toHaveLength(1);
  });
});

describe("withResponse, hooks and logging", () => {
  it("gives the data with the final Response and the request id", async () => {
    const s = await serve((_, res) => json(res, 200, ok, { "x-request-id": "req_7" }));
    const r = await clientFor(s).avatarGroups.get("g1").withResponse();
    expect(r.data).toEqual(group("g1"));
    expect(r.requestId).toBe("req_7");
    expect(r.response.status).toBe(200);
    expect(r.response.headers.get("content-type")).toBe("application/json");
    expect(r.response.bodyUsed).toBe(true);
  });

  it("calls hooks per attempt and logs without the key", async () => {
    const seen: string[] = [];
    const s = await serve((_, res, n) => (n === 0 ? json(res, 503, {}) : json(res, 200, ok)));
    const heygen = clientFor(s, {
      onRequest: (i) => seen.push(`req ${i.method} ${i.attempt} ${i.headers["x-api-key"]}`),
      onResponse: (i) => seen.push(`res ${i.status} ${i.attempt}`),
      logger: { debug: (m, d) => seen.push(`log ${m} ${JSON.stringify(d)}`) },
    });
    await heygen.avatarGroups.get("g1");
    expect(seen.filter((l) => !l.startsWith("log"))).toEqual([
      "req GET 0 [redacted]",
      "res 503 0",
      "req GET 1 [redacted]",
      "res 200 1",
    ]);
    expect(seen.some((l) => l.startsWith("log heygen: retrying"))).toBe(true);
    expect(seen.join("\n")).not.toContain(KEY);
  });
});

describe("raw openapi-fetch clients", () => {
  it("share auth and retries, and report HTTP errors the openapi-fetch way", async () => {
    const s = await serve((req, res, n) => {
      if (n === 0) return json(res, 503, {});
      if (req.url.startsWith("/v2/")) return json(res, 200, { error: null, data: look("l/1") });
      json(res, 404, { error: { code: "not_found", message: "no" } });
    });
    const heygen = clientFor(s);
    const v2 = await heygen.raw.v2.GET("/v2/photo_avatar/{id}", {
      params: { path: { id: "l/1" } },
    });
    expect(v2.data?.data.id).toBe("l/1");
    expect(s.received.map((r) => r.url)).toEqual([
      "/v2/photo_avatar/l%2F1",
      "/v2/photo_avatar/l%2F1",
    ]);
    const v3 = await heygen.raw.v3.GET("/v3/avatars/{group_id}", {
      params: { path: { group_id: "x" } },
    });
    expect(v3.error).toEqual({ error: { code: "not_found", message: "no" } });
    expect(v3.response.status).toBe(404);
    expect(s.received.every((r) => r.headers["x-api-key"] === KEY)).toBe(true);
  });

  it("throw typed errors for a 2xx that is not JSON and for connection failures", async () => {
    const s = await serve((_, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html>");
    });
    await expect(clientFor(s).raw.v3.GET("/v3/avatars")).rejects.toBeInstanceOf(
      InvalidResponseError,
    );
    const dead = createHeyGenClient({ apiKey: KEY, baseUrl: await refusedUrl(), maxRetries: 0 });
    await expect(dead.raw.v3.GET("/v3/avatars")).rejects.toBeInstanceOf(APIConnectionError);
  });
});
