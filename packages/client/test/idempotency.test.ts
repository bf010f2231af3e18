// Idempotency keys over HTTP: with a key a write is retried with the same key and a 409
// request_in_progress is waited out; without one a write is never repeated once the server may
// have acted, and the message says what to do instead.
import { afterEach, describe, expect, it } from "vitest";
import {
  APIConnectionError,
  APITimeoutError,
  ConflictError,
  HeyGenValidationError,
  InternalServerError,
} from "../src/index.js";
import { clientFor } from "./support/client.js";
import { json, look, startServer, type TestServer } from "./support/server.js";

let s: TestServer | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

const add = { group_id: "g", image_keys: ["k1"], name: "n" };
const added = { error: null, data: { photo_avatar_list: [look("l1")] } };
const fault = { error: { code: "internal_error", message: "Something broke." }, data: null };

describe("without an idempotency key", () => {
  it("a POST answered 500 is sent once, and the message says to check it or pass a key", async () => {
    s = await startServer((_req, res) => json(res, 500, fault));
    const e = await clientFor(s)
      .photoAvatars.addLooks(add)
      .catch((x) => x);
    expect(e).toBeInstanceOf(InternalServerError);
    expect(s.received).toHaveLength(1);
    expect(s.received[0]?.headers["idempotency-key"]).toBeUndefined();
    expect(e.message).toBe(
      "POST /v2/photo_avatar/avatar_group/add failed with 500 internal_error: Something broke. " +
        "The client did not repeat it, since the server may have acted on it: check whether it " +
        "took effect before sending it again, or pass an idempotencyKey so that it can be retried safely",
    );
    expect(e.message).not.toContain("Try again later");
  });

  it("a GET answered 500 says how many attempts were made", async () => {
    s = await startServer((_req, res) => json(res, 500, fault));
    const e = await clientFor(s, { maxRetries: 2 })
      .avatarGroups.get("g")
      .catch((x) => x);
    expect(s.received).toHaveLength(3);
    expect(e.message).toContain("Something broke. 3 attempts were made; try again later");
  });

  it("a POST whose connection drops is not repeated", async () => {
    s = await startServer((_req, _res, _n, raw) => raw.socket.destroy());
    const e = await clientFor(s)
      .photoAvatars.addLooks(add)
      .catch((x) => x);
    expect(e).toBeInstanceOf(APIConnectionError);
    expect(s.received).toHaveLength(1);
    expect(e.message).toContain("1 attempt was made; it was not repeated");
  });
});

describe("with an idempotency key", () => {
  it("a POST is retried on 5xx with the same key", async () => {
    s = await startServer((_req, res, n) =>
      n < 2 ? json(res, 503, fault) : json(res, 200, added),
    );
    const r = await clientFor(s).photoAvatars.addLooks(add, { idempotencyKey: "looks:g:1" });
    expect(r.photo_avatar_list).toHaveLength(1);
    expect(s.received.map((q) => [q.method, q.headers["idempotency-key"], q.body])).toEqual(
      Array(3).fill(["POST", "looks:g:1", JSON.stringify(add)]),
    );
  });

  it("a POST is retried after a dropped connection and after a timeout, with the same key", async () => {
    s = await startServer((_req, res, n, raw) => {
      if (n === 0) return raw.socket.destroy();
      if (n === 1) return; // hangs until the attempt times out
      json(res, 200, added);
    });
    await clientFor(s, { timeoutMs: 200 }).photoAvatars.addLooks(add, { idempotencyKey: "k-2" });
    expect(s.received.map((q) => q.headers["idempotency-key"])).toEqual(["k-2", "k-2", "k-2"]);
  });

  it("waits out a 409 request_in_progress without spending retries", async () => {
    const inProgress = { error: { code: "request_in_progress", message: "In flight." } };
    s = await startServer((_req, res, n) =>
      n < 4 ? json(res, 409, inProgress) : json(res, 200, added),
    );
    await clientFor(s, { maxRetries: 0 }).photoAvatars.addLooks(add, { idempotencyKey: "k-3" });
    expect(s.received).toHaveLength(5);
  });

  it("does not retry another 409, nor a 4xx", async () => {
    s = await startServer((_req, res) =>
      json(res, 409, { error: { code: "idempotency_key_reused", message: "Other body." } }),
    );
    const e = await clientFor(s)
      .photoAvatars.addLooks(add, { idempotencyKey: "k-4" })
      .catch((x) => x);
    expect(e).toBeInstanceOf(ConflictError);
    expect(s.received).toHaveLength(1);
  });

  it("gives the timeout message with the count of attempts", async () => {
    s = await startServer(() => {}); // never answers
    const e = await clientFor(s, { timeoutMs: 30, maxRetries: 2 })
      .photoAvatars.addLooks(add, { idempotencyKey: "k-5" })
      .catch((x) => x);
    expect(e).toBeInstanceOf(APITimeoutError);
    expect(e.message).toBe(
      "POST /v2/photo_avatar/avatar_group/add timed out after 30 ms per attempt; 3 attempts were made",
    );
  });

  it("autoIdempotencyKeys gives each call its own key, kept across its retries", async () => {
    s = await startServer((_req, res, n) =>
      n % 2 === 0 ? json(res, 500, fault) : json(res, 200, added),
    );
    const heygen = clientFor(s, { autoIdempotencyKeys: true });
    await heygen.photoAvatars.addLooks(add);
    await heygen.photoAvatars.addLooks(add);
    const keys = s.received.map((q) => q.headers["idempotency-key"]);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect([keys[0] === keys[1], keys[2] === keys[3], keys[1] === keys[2]]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it("a malformed key is a HeyGenValidationError, and nothing is sent", async () => {
    s = await startServer((_req, res) => json(res, 200, added));
    for (const bad of ["", "has space", "x".repeat(256), "ü"]) {
      const e = await clientFor(s)
        .photoAvatars.addLooks(add, { idempotencyKey: bad })
        .catch((x) => x);
      expect(e).toBeInstanceOf(HeyGenValidationError);
      expect(e.message).toContain("idempotencyKey must be 1 to 255 characters");
    }
    expect(s.received).toHaveLength(0);
  });
});

describe("the raw clients share the pipeline", () => {
  it("retry a POST carrying an Idempotency-Key header, and not one without", async () => {
    const created = { data: { video_id: "v1", status: "waiting" } };
    s = await startServer((_req, res, n) =>
      n % 2 === 0 ? json(res, 502, fault) : json(res, 200, created),
    );
    const heygen = clientFor(s);
    const body = { type: "avatar", avatar_id: "a", script: "Hi" } as const;
    const keyed = await heygen.raw.v3.POST("/v3/videos", {
      body,
      headers: { "Idempotency-Key": "raw-1" },
    });
    expect(keyed.data).toEqual(created);
    expect(s.received.map((q) => q.headers["idempotency-key"])).toEqual(["raw-1", "raw-1"]);
    const unkeyed = await heygen.raw.v3.POST("/v3/videos", { body });
    expect(unkeyed.response.status).toBe(502);
    expect(s.received).toHaveLength(3);
  });
});

describe("the caller's own signals", () => {
  it("AbortSignal.timeout() is reported as a timeout, not an abort", async () => {
    s = await startServer(() => {}); // never answers
    const e = await clientFor(s)
      .avatarGroups.get("g", { signal: AbortSignal.timeout(20) })
      .catch((x) => x);
    expect(e).toBeInstanceOf(APITimeoutError);
    expect(e.message).toBe(
      "GET /v3/avatars/{group_id} timed out: the caller's signal (AbortSignal.timeout) fired",
    );
  });
});
