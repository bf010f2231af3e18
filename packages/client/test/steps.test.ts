// The transport's steps, each on its own: auth headers, one attempt under its timeout, redirects,
// body reading, uploads. The retry decision has its own file (retry.test.ts); the steps together
// are driven over HTTP in transport.test.ts and test/integration.
import { describe, expect, it } from "vitest";
import { callerAborted } from "../src/abort.js";
import { attempt, type Sent } from "../src/attempt.js";
import { errorCodeOf, parseBody } from "../src/body.js";
import {
  APIError,
  APITimeoutError,
  APIUserAbortError,
  HeyGenHookError,
  HeyGenValidationError,
} from "../src/index.js";
import { resolveConfig } from "../src/options.js";
import { createRedactor } from "../src/redact.js";
import { MAX_REDIRECTS, redirectTarget } from "../src/redirect.js";
import { requestHeaders } from "../src/request-headers.js";
import { MAX_UPLOAD_BYTES, uploadForm } from "../src/upload.js";
import { KEY } from "./support/client.js";

const cfg = (o = {}) => resolveConfig({ apiKey: KEY, ...o });
const sent = (url = "https://api.example/v3/a", method = "GET"): Sent => ({
  url,
  method,
  headers: new Headers({ "content-type": "application/json", "x-api-key": KEY }),
  body: method === "GET" ? undefined : "{}",
});

describe("auth step (requestHeaders)", () => {
  it("puts the credential last, so no per-call header replaces it", () => {
    const h = requestHeaders(cfg({ headers: { "x-team": "a" } }), "GET /x", "GET", undefined, {
      headers: { "x-api-key": "other", "x-call": "b" },
    });
    expect([h.get("x-api-key"), h.get("x-team"), h.get("x-call")]).toEqual([KEY, "a", "b"]);
    const t = requestHeaders(resolveConfig({ accessToken: "tok" }), "GET /x", "GET", undefined, {});
    expect(t.get("authorization")).toBe("Bearer tok");
  });

  it("sends the idempotencyKey, and generates one per write only when asked to", () => {
    const c = cfg();
    expect(
      requestHeaders(c, "op", "POST", undefined, { idempotencyKey: "k:1" }).get("idempotency-key"),
    ).toBe("k:1");
    expect(requestHeaders(c, "op", "POST", undefined, {}).has("idempotency-key")).toBe(false);
    const auto = cfg({ autoIdempotencyKeys: true });
    const a = requestHeaders(auto, "op", "POST", undefined, {}).get("idempotency-key");
    const b = requestHeaders(auto, "op", "DELETE", undefined, {}).get("idempotency-key");
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(b).not.toBe(a);
    expect(requestHeaders(auto, "op", "GET", undefined, {}).has("idempotency-key")).toBe(false);
    // a key of the caller's wins over a generated one
    expect(
      requestHeaders(auto, "op", "POST", undefined, { idempotencyKey: "mine" }).get(
        "idempotency-key",
      ),
    ).toBe("mine");
  });

  it("refuses a malformed Idempotency-Key however it was given", () => {
    for (const bad of ["", "a b", "x".repeat(256), "ключ", "a/b"]) {
      expect(() =>
        requestHeaders(cfg(), "POST /v3/videos", "POST", undefined, { idempotencyKey: bad }),
      ).toThrow(HeyGenValidationError);
    }
    expect(() => requestHeaders(cfg(), "op", "POST", { "idempotency-key": "a/b" }, {})).toThrow(
      HeyGenValidationError,
    );
    expect(() =>
      requestHeaders(cfg(), "op", "POST", undefined, { headers: { "Idempotency-Key": "x y" } }),
    ).toThrow(/Idempotency-Key must be 1 to 255 characters/);
    expect(
      requestHeaders(cfg(), "op", "POST", undefined, { idempotencyKey: "x".repeat(255) }).get(
        "idempotency-key",
      ),
    ).toHaveLength(255);
  });
});

describe("per-attempt timeout step (attempt)", () => {
  it("reads the whole body as part of the attempt", async () => {
    const fetchFn = async () => new Response('{"data":1}', { status: 201 });
    const a = await attempt(fetchFn, sent(), 1000, undefined, "op");
    expect(a.response && [a.response.status, a.text]).toEqual([201, `{"data":1}`]);
  });

  it("reports a transport that never settles as a timeout, even when it ignores the signal", async () => {
    const never = () => new Promise<Response>(() => {});
    const a = await attempt(never, sent(), 5, undefined, "op");
    expect(a.failure).toBe("timeout");
  });

  it("reports a body that stalls after the headers as a timeout", async () => {
    const stalled = async () =>
      new Response(new ReadableStream({ pull: () => new Promise(() => {}) }));
    expect((await attempt(stalled, sent(), 5, undefined, "op")).failure).toBe("timeout");
  });

  it("reports a thrown fetch as a connection failure, keeping what was thrown", async () => {
    const boom = new TypeError("fetch failed", { cause: { code: "ECONNRESET" } });
    const a = await attempt(async () => Promise.reject(boom), sent(), 1000, undefined, "op");
    expect(a).toEqual({ failure: "connection", cause: boom });
  });

  it("rejects with the caller's abort, and a hook's error as it is", async () => {
    const ac = new AbortController();
    const hanging = (_: string, init: RequestInit) =>
      new Promise<Response>((_r, reject) =>
        init.signal?.addEventListener("abort", () => reject(new Error("aborted"))),
      );
    const p = attempt(hanging, sent(), 60_000, ac.signal, "GET /x");
    ac.abort();
    await expect(p).rejects.toBeInstanceOf(APIUserAbortError);
    const hookError = new HeyGenHookError("the onResponse hook threw");
    const ok = async () => new Response("{}");
    await expect(
      attempt(ok, sent(), 1000, undefined, "op", () => {
        throw hookError;
      }),
    ).rejects.toBe(hookError);
  });

  it("reports the caller's AbortSignal.timeout() as a timeout, not a user abort", async () => {
    const signal = AbortSignal.timeout(1);
    await new Promise((resolve) => signal.addEventListener("abort", resolve));
    const e = callerAborted("GET /x", signal);
    expect(e).toBeInstanceOf(APITimeoutError);
    expect(e.message).toBe("GET /x timed out: the caller's signal (AbortSignal.timeout) fired");
    expect(callerAborted("GET /x", AbortSignal.abort())).toBeInstanceOf(APIUserAbortError);
  });
});

describe("redirect step (redirectTarget)", () => {
  const r = createRedactor([KEY]);
  const to = (status: number, location: string) =>
    new Response(null, { status, headers: { location } });

  it("follows a same-origin redirect, keeping method and body for 307/308", () => {
    expect(redirectTarget("op", to(307, "/v3/b"), sent(undefined, "POST"), 1, r)).toMatchObject({
      url: "https://api.example/v3/b",
      method: "POST",
      body: "{}",
    });
  });

  it("turns a POST into a GET without body on 301, 302 and 303, and any method on 303", () => {
    for (const status of [301, 302, 303]) {
      const next = redirectTarget("op", to(status, "/done"), sent(undefined, "POST"), 1, r);
      expect(next?.method).toBe("GET");
      expect(next?.body).toBeUndefined();
      expect(next?.headers.has("content-type")).toBe(false);
    }
    expect(redirectTarget("op", to(303, "/d"), sent(undefined, "PATCH"), 1, r)?.method).toBe("GET");
  });

  it("is no redirect without a Location, or for 300 and 304", () => {
    expect(redirectTarget("op", new Response("{}"), sent(), 1, r)).toBeUndefined();
    expect(redirectTarget("op", new Response(null, { status: 302 }), sent(), 1, r)).toBeUndefined();
    expect(redirectTarget("op", to(300, "/x"), sent(), 1, r)).toBeUndefined();
  });

  it("refuses another origin, an unparseable Location and too many hops, scrubbing the message", () => {
    const refused = (res: Response, hops = 1) => {
      try {
        redirectTarget("GET /x", res, sent(), hops, r);
      } catch (e) {
        return e as APIError;
      }
      throw new Error("not refused");
    };
    const cross = refused(to(302, `https://evil.example/?k=${KEY}`));
    expect(cross).toBeInstanceOf(APIError);
    expect(cross.code).toBe("cross_origin_redirect");
    expect(cross.message).not.toContain(KEY);
    expect(cross.message).toContain("?k=[redacted]");
    expect(refused(to(302, "http://[bad")).code).toBe("cross_origin_redirect");
    expect(refused(to(302, "/same"), MAX_REDIRECTS + 1).code).toBe("too_many_redirects");
  });
});

describe("body step (parseBody)", () => {
  it("parses JSON as sent, keeps a non-JSON text, and gives undefined for an empty body", () => {
    expect(parseBody('{"name":"Anna","t":"\\u0041"}')).toEqual({
      body: { name: "Anna", t: "A" },
      json: true,
    });
    expect(parseBody("<html>")).toEqual({ body: "<html>", json: false });
    expect(parseBody("")).toEqual({ body: undefined, json: true });
  });

  it("finds error.code only where the error envelope puts it", () => {
    expect(errorCodeOf({ error: { code: "request_in_progress" } })).toBe("request_in_progress");
    expect(errorCodeOf({ error: "request_in_progress" })).toBeUndefined();
    expect(errorCodeOf(null)).toBeUndefined();
  });
});

describe("upload step (uploadForm)", () => {
  const fileOf = async (form: FormData) => {
    const f = form.get("file") as File;
    return { name: f.name, type: f.type, text: await f.text() };
  };

  it("sends a Blob, File, Uint8Array, Buffer or ArrayBuffer as the multipart field file", async () => {
    const bytes = new TextEncoder().encode("PNGDATA");
    expect(await fileOf(uploadForm("op", new Blob(["abc"], { type: "image/png" })))).toEqual({
      name: "upload",
      type: "image/png",
      text: "abc",
    });
    expect(
      await fileOf(uploadForm("op", new File(["x"], "me.jpg", { type: "image/jpeg" }))),
    ).toEqual({
      name: "me.jpg",
      type: "image/jpeg",
      text: "x",
    });
    for (const f of [bytes, Buffer.from(bytes), bytes.buffer]) {
      expect(
        await fileOf(uploadForm("op", f, { filename: "a.png", contentType: "image/png" })),
      ).toEqual({ name: "a.png", type: "image/png", text: "PNGDATA" });
    }
    expect((await fileOf(uploadForm("op", bytes))).type).toBe("application/octet-stream");
  });

  it("refuses more than 32 MB, and what is no file, before sending", () => {
    expect(() => uploadForm("POST /v3/assets", new Uint8Array(MAX_UPLOAD_BYTES + 1))).toThrow(
      /over HeyGen's limit of 33554432 \(32 MB\)/,
    );
    expect(() => uploadForm("op", new Uint8Array(MAX_UPLOAD_BYTES))).not.toThrow();
    for (const bad of ["a path.png", null, { size: 1 }, [1, 2]]) {
      expect(() => uploadForm("op", bad)).toThrow(HeyGenValidationError);
    }
    expect(() => uploadForm("op", new Blob(["x"]), { filename: "" })).toThrow(/filename/);
  });
});
