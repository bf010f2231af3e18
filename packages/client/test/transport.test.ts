import { afterEach, describe, expect, it } from "vitest";
import {
  APIError,
  ConflictError,
  createHeyGenClient,
  HeyGenError,
  InvalidResponseError,
  PermissionDeniedError,
  UnprocessableEntityError,
} from "../src/index.js";
import { clientFor, KEY } from "./support/client.js";
import { group, json, look, redirect, startServer, type TestServer } from "./support/server.js";

// What the fake HeyGen (test/integration) cannot send: redirects, Retry-After in its other
// forms, statuses HeyGen does not document, and bodies that break the spec. Everything else runs
// against the fake.

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

describe("Retry-After in the forms the fake does not send", () => {
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
    [403, PermissionDeniedError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [418, APIError],
  ])("maps %i (a status the fake never sends) to %o with every v3 error field", async (status, Class) => {
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

describe("a status outside 200-599", () => {
  it("is an InvalidResponseError, not retried, on the raw clients and the resources alike", async () => {
    const s = await serve((_, res) => json(res, 600, ok, { "x-request-id": "req_600" }));
    const heygen = clientFor(s);
    const raw = await heygen.raw.v3.GET("/v3/avatars").catch((x) => x);
    expect(raw).toBeInstanceOf(InvalidResponseError);
    expect(raw).toMatchObject({ status: 600, requestId: "req_600" });
    expect(raw.message).toBe("GET /v3/avatars answered 600 with a status outside 200-599");
    const e = await heygen.avatarGroups.get("g1").catch((x) => x);
    expect(e).toBeInstanceOf(InvalidResponseError);
    expect(e.message).toContain("GET /v3/avatars/{group_id} answered 600");
    expect(s.received).toHaveLength(2);
  });

  it("covers a custom fetch that resolves to a network-error Response (status 0)", async () => {
    const heygen = createHeyGenClient({ apiKey: KEY, fetch: async () => Response.error() });
    const raw = await heygen.raw.v2
      .GET("/v2/photo_avatar/{id}", { params: { path: { id: "l1" } } })
      .catch((x) => x);
    expect(raw).toBeInstanceOf(InvalidResponseError);
    expect(raw.status).toBe(0);
  });
});
