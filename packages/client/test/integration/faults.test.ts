import { describe, expect, it, vi } from "vitest";
import {
  APIConnectionError,
  APITimeoutError,
  APIUserAbortError,
  HeyGenHookError,
  InternalServerError,
  InvalidResponseError,
  RateLimitError,
} from "../../src/index.js";
import { KEY } from "../support/client.js";
import { useFake } from "../support/fake.js";
import { refusedUrl } from "../support/server.js";

const t = useFake();

const GROUP = "ag_abc123";
const addBody = { group_id: GROUP, image_keys: ["image/1.png"], name: "n" };
const statuses = () => t.fake.requests.map((r) => r.status);
const faults = () => t.fake.requests.map((r) => r.fault);

describe("rate limits (fake.inject 429)", () => {
  it("retries a 429 after its Retry-After, then succeeds", async () => {
    t.fake.inject({ status: 429, retryAfter: 0 });
    const delays: unknown[] = [];
    const heygen = t.client({
      logger: { debug: (m, d) => m.endsWith("retrying") && delays.push(d.delayMs) },
    });
    expect((await heygen.avatarGroups.get(GROUP)).id).toBe(GROUP);
    expect(statuses()).toEqual([429, 200]);
    expect(delays).toEqual([0]);
  });

  it("surfaces a Retry-After above maxRetryAfterMs at once as RateLimitError", async () => {
    t.fake.inject({ status: 429, retryAfter: 3600 });
    const e = await t
      .client()
      .avatarGroups.get(GROUP)
      .catch((x) => x);
    expect(e).toBeInstanceOf(RateLimitError);
    expect(e).toMatchObject({
      status: 429,
      retryAfterMs: 3_600_000,
      code: "rate_limit_exceeded",
      requestId: `fake-1-${t.fake.requests[0]!.seq}`,
    });
    expect(statuses()).toEqual([429]);
  });

  it("gives up with RateLimitError after maxRetries", async () => {
    t.fake.inject({ status: 429, retryAfter: 0, times: 3 });
    const e = await t
      .client({ maxRetries: 2 })
      .avatarGroups.listLooks(GROUP)
      .catch((x) => x);
    expect(e).toBeInstanceOf(RateLimitError);
    expect(e.retryAfterMs).toBe(0);
    expect(statuses()).toEqual([429, 429, 429]);
  });

  it("retries a POST on 429 (the server did not act), rebuilding the same body", async () => {
    const before = t.fake.state.looks(GROUP).length;
    t.fake.inject({ status: 429, retryAfter: 0, operationId: "add-looks-to-photo-avatar-group" });
    const { photo_avatar_list } = await t.client().photoAvatars.addLooks(addBody);
    expect(photo_avatar_list).toHaveLength(1);
    expect(t.fake.requests.map((r) => [r.status, r.body])).toEqual([
      [429, addBody],
      [200, addBody],
    ]);
    expect(t.fake.state.looks(GROUP)).toHaveLength(before + 1);
  });
});

describe("server errors (fake.inject 5xx)", () => {
  it("retries 5xx on GET, then succeeds", async () => {
    t.fake.inject({ status: 503, times: 1 });
    t.fake.inject({ status: 502, times: 1 });
    expect((await t.client().photoAvatars.get(t.fake.state.looks(GROUP)[0]!.id)).group_id).toBe(
      GROUP,
    );
    expect(statuses()).toEqual([503, 502, 200]);
  });

  it("gives up after maxRetries with InternalServerError (per-call maxRetries wins)", async () => {
    t.fake.inject({ status: 500, times: 10 });
    const e = await t
      .client()
      .avatarGroups.get(GROUP, { maxRetries: 4 })
      .catch((x) => x);
    expect(e).toBeInstanceOf(InternalServerError);
    expect(e).toMatchObject({ status: 500, code: "internal_error" });
    expect(e.message).toContain("An internal error occurred");
    expect(statuses()).toEqual([500, 500, 500, 500, 500]);
  });

  it("does not retry a POST on 500: the server may have acted", async () => {
    const before = t.fake.state.looks(GROUP).length;
    t.fake.inject({ status: 500, afterOperation: true });
    const e = await t
      .client()
      .photoAvatars.addLooks(addBody)
      .catch((x) => x);
    expect(e).toBeInstanceOf(InternalServerError);
    expect(statuses()).toEqual([500]);
    // the fake created the look before failing: a retry would have created it twice
    expect(t.fake.state.looks(GROUP)).toHaveLength(before + 1);
  });
});

describe("broken connections and bodies", () => {
  it("retries a GET whose connection was reset", async () => {
    t.fake.inject({ kind: "connection-reset" });
    expect((await t.client().avatarGroups.get(GROUP)).id).toBe(GROUP);
    expect(faults()).toEqual(["connection-reset", null]);
  });

  it("does not retry a POST whose connection was reset", async () => {
    t.fake.inject({ kind: "connection-reset" });
    const e = await t
      .client()
      .photoAvatars.addLooks(addBody)
      .catch((x) => x);
    expect(e).toBeInstanceOf(APIConnectionError);
    expect(e).not.toBeInstanceOf(APITimeoutError);
    expect(e.message).toContain("POST /v2/photo_avatar/avatar_group/add failed to connect");
    expect(faults()).toEqual(["connection-reset"]);
  });

  it("retries a GET whose body was cut short mid-stream", async () => {
    t.fake.inject({ kind: "truncated-body" });
    const { avatar_list } = await t.client().avatarGroups.listLooks(GROUP);
    expect(avatar_list).toHaveLength(3);
    expect(faults()).toEqual(["truncated-body", null]);
  });

  it("does not retry a POST whose answer was cut short: the server had acted", async () => {
    const before = t.fake.state.looks(GROUP).length;
    t.fake.inject({ kind: "truncated-body" });
    const e = await t
      .client()
      .photoAvatars.addLooks(addBody)
      .catch((x) => x);
    expect(e).toBeInstanceOf(APIConnectionError);
    expect(faults()).toEqual(["truncated-body"]);
    expect(t.fake.state.looks(GROUP)).toHaveLength(before + 1);
  });

  it("turns a malformed 2xx body (truncated JSON, complete on the wire) into InvalidResponseError, not retried, for resources and raw clients", async () => {
    t.fake.inject({ kind: "malformed-body", times: 2 });
    const heygen = t.client();
    const e = await heygen.avatarGroups.get(GROUP).catch((x) => x);
    expect(e).toBeInstanceOf(InvalidResponseError);
    expect(e).toMatchObject({ status: 200, requestId: `fake-1-${t.fake.requests[0]!.seq}` });
    expect(e.message).toContain("GET /v3/avatars/{group_id} answered 200 with a non-JSON body");
    await expect(heygen.raw.v3.GET("/v3/avatars")).rejects.toBeInstanceOf(InvalidResponseError);
    expect(faults()).toEqual(["malformed-body", "malformed-body"]);
  });

  it("throws APIConnectionError after retrying a refused connection", async () => {
    const attempts: number[] = [];
    const heygen = t.client({ onRequest: (i) => attempts.push(i.attempt) });
    await t.fake.close();
    const e = await heygen.avatarGroups.get(GROUP).catch((x) => x);
    expect(e).toBeInstanceOf(APIConnectionError);
    expect(e).not.toBeInstanceOf(APITimeoutError);
    expect(e.message).toContain("ECONNREFUSED");
    expect(attempts).toEqual([0, 1, 2]);
  });

  it("retries a POST whose connection was refused, since nothing was sent", async () => {
    const url = t.fake.url;
    const dead = await refusedUrl();
    let calls = 0;
    const heygen = t.client({
      fetch: (u, init) => fetch(calls++ === 0 ? u.replace(url, dead) : u, init),
    });
    const { photo_avatar_list } = await heygen.photoAvatars.addLooks(addBody);
    expect(photo_avatar_list).toHaveLength(1);
    expect(calls).toBe(2);
    expect(statuses()).toEqual([200]);
  });
});

describe("timeouts and aborts (fake.inject hang)", () => {
  it("arms the timeout per attempt: a hung first attempt times out, the retry succeeds", async () => {
    const heygen = t.client({ timeoutMs: 500 });
    await heygen.avatarGroups.get(GROUP); // warm up: the fake compiles its validators lazily
    t.fake.inject({ kind: "hang" });
    expect((await heygen.avatarGroups.get(GROUP)).id).toBe(GROUP);
    expect(faults()).toEqual([null, "hang", null]);
  });

  it("throws APITimeoutError when every attempt hangs", async () => {
    t.fake.inject({ kind: "hang", times: 2 });
    const e = await t
      .client()
      .avatarGroups.get(GROUP, { timeoutMs: 50, maxRetries: 1 })
      .catch((x) => x);
    expect(e).toBeInstanceOf(APITimeoutError);
    expect(e).toBeInstanceOf(APIConnectionError);
    expect(e.message).toBe(
      "GET /v3/avatars/{group_id} timed out after 50 ms per attempt; 2 attempts were made",
    );
    expect(faults()).toEqual(["hang", "hang"]);
  });

  it("does not retry a POST that timed out", async () => {
    t.fake.inject({ kind: "hang", times: 2 });
    const e = await t
      .client({ timeoutMs: 50 })
      .photoAvatars.addLooks(addBody)
      .catch((x) => x);
    expect(e).toBeInstanceOf(APITimeoutError);
    expect(faults()).toEqual(["hang"]);
  });

  it("stops when the caller aborts mid-request, and never starts with an aborted signal", async () => {
    t.fake.inject({ kind: "hang" });
    const ac = new AbortController();
    const heygen = t.client();
    const pending = heygen.avatarGroups.get(GROUP, { signal: ac.signal }).catch((x) => x);
    await vi.waitFor(() => expect(t.fake.requests).toHaveLength(1));
    ac.abort(new Error("user stop"));
    const e = await pending;
    expect(e).toBeInstanceOf(APIUserAbortError);
    expect(e.cause).toEqual(new Error("user stop"));
    await expect(heygen.avatarGroups.get(GROUP, { signal: ac.signal })).rejects.toBeInstanceOf(
      APIUserAbortError,
    );
    expect(t.fake.requests).toHaveLength(1);
  });

  it("stops at once when the caller aborts during a retry delay", async () => {
    t.fake.inject({ status: 503 });
    const ac = new AbortController();
    const heygen = t.client({
      retryBaseDelayMs: 60_000,
      retryMaxDelayMs: 60_000,
      logger: { debug: (m) => m.endsWith("retrying") && ac.abort(new Error("user stop")) },
    });
    const e = await heygen.avatarGroups.get(GROUP, { signal: ac.signal }).catch((x) => x);
    expect(e).toBeInstanceOf(APIUserAbortError);
    expect(statuses()).toEqual([503]);
  });
});

describe("hooks and logging see every attempt", () => {
  it("calls onRequest/onResponse per attempt and logs without the key", async () => {
    t.fake.inject({ status: 503 });
    const seen: string[] = [];
    const heygen = t.client({
      onRequest: (i) => seen.push(`req ${i.method} ${i.attempt} ${i.headers["x-api-key"]}`),
      onResponse: (i) => seen.push(`res ${i.status} ${i.attempt} ${i.requestId}`),
      logger: { debug: (m, d) => seen.push(`log ${m} ${JSON.stringify(d)}`) },
    });
    await heygen.avatarGroups.get(GROUP);
    const [a, b] = t.fake.requests;
    expect(seen.filter((l) => !l.startsWith("log"))).toEqual([
      "req GET 0 [redacted]",
      `res 503 0 fake-1-${a!.seq}`,
      "req GET 1 [redacted]",
      `res 200 1 fake-1-${b!.seq}`,
    ]);
    expect(seen.some((l) => l.startsWith("log heygen: retrying"))).toBe(true);
    expect(seen.join("\n")).not.toContain(KEY);
  });
});

describe("a hook or logger that throws", () => {
  const boom = new Error("boom in user code");
  const thrower = () => {
    throw boom;
  };

  it.each([
    ["onRequest", { onRequest: thrower }, 0],
    ["onResponse", { onResponse: thrower }, 1],
    ["logger", { logger: { debug: thrower } }, 0],
  ] as const)("ends the call with HeyGenHookError when %s throws, keeping the cause, without retrying", async (who, options, sentCount) => {
    const heygen = t.client(options);
    const e = await heygen.avatarGroups.get(GROUP).catch((x) => x);
    expect(e).toBeInstanceOf(HeyGenHookError);
    expect(e).not.toBeInstanceOf(APIConnectionError);
    expect(e.name).toBe("HeyGenHookError");
    expect(e.cause).toBe(boom);
    expect(e.message).toBe(
      `GET /v3/avatars/{group_id}: the ${who}${who === "logger" ? "" : " hook"} threw: Error: boom in user code`,
    );
    expect(t.fake.requests).toHaveLength(sentCount);
    // the abandoned response released its connection: the next call goes through
    expect((await t.client().avatarGroups.get(GROUP)).id).toBe(GROUP);
  });

  it("ends the call when the logger throws on a retry, and through the raw clients too", async () => {
    t.fake.inject({ status: 503 });
    const e = await t
      .client({ logger: { debug: (m) => m.endsWith("retrying") && thrower() } })
      .avatarGroups.get(GROUP)
      .catch((x) => x);
    expect(e).toBeInstanceOf(HeyGenHookError);
    expect(e.message).toContain("the logger threw");
    expect(statuses()).toEqual([503]);
    const raw = await t
      .client({ onRequest: thrower })
      .raw.v3.GET("/v3/avatars")
      .catch((x) => x);
    expect(raw).toBeInstanceOf(HeyGenHookError);
    expect(raw.cause).toBe(boom);
    expect(t.fake.requests).toHaveLength(1);
  });
});
