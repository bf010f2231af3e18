import { afterEach, describe, expect, it } from "vitest";
import { createFakeHeyGen, type FakeHeyGen, type PhotoAvatarLook } from "../src/index.js";
import { AUTH, type Call, open, post, TRANSPORTS } from "./transports.js";

describe.each(TRANSPORTS)("faults over $name", (transport) => {
  let fake: FakeHeyGen;
  let call: Call;
  afterEach(async () => {
    expect(fake.violations).toEqual([]);
    await fake.close();
  });
  const start = async (options = {}) => {
    ({ fake, call } = await open(transport, options));
  };
  const get = (path: string, init: RequestInit = {}) => call(path, { headers: AUTH, ...init });

  it("answers 429 with Retry-After and the spec's body, once by default", async () => {
    await start();
    const fault = fake.inject({ status: 429, retryAfter: 3 });
    const limited = await get("/v3/avatars");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("3");
    expect(await limited.json()).toEqual({
      error: {
        code: "rate_limit_exceeded",
        message: "Too many requests. Retry after the duration specified in the Retry-After header.",
        param: null,
        doc_url: null,
      },
    });
    expect((await get("/v3/avatars")).status).toBe(200);
    expect(fault.hits).toBe(1);
    expect(fault.remaining).toBe(0);
    expect(fake.requests.map((r) => [r.status, r.fault])).toEqual([
      [429, "status"],
      [200, null],
    ]);
  });

  it("applies a fault to the next N requests of one operation only", async () => {
    await start();
    fake.inject({ status: 503, times: 2, operationId: "getAvatarGroup" });
    expect((await get("/v3/avatars")).status).toBe(200);
    const first = await get("/v3/avatars/ag_abc123");
    expect(first.status).toBe(503);
    expect(await first.json()).toMatchObject({ error: { code: "service_unavailable" } });
    expect((await get("/v3/avatars/ag_abc123")).status).toBe(503);
    expect((await get("/v3/avatars/ag_abc123")).status).toBe(200);
  });

  it("keys a fault by route, template or concrete path, with the method", async () => {
    await start();
    fake.inject({ status: 500, route: "GET /v2/photo_avatar/{id}" });
    fake.inject({ status: 502, route: "/v3/avatars/ag_abc123" });
    expect((await get("/v3/avatars")).status).toBe(200);
    const v2 = await get("/v2/photo_avatar/0d9ub062cf7d4d908622c9b3c85c8659");
    expect(v2.status).toBe(500);
    expect(await v2.json()).toMatchObject({ error: { code: "internal_error" }, data: null });
    expect((await get("/v3/avatars/other")).status).toBe(404);
    expect((await get("/v3/avatars/ag_abc123")).status).toBe(502);
  });

  it("fails a share of requests, the same ones for the same seed", async () => {
    const pattern = async (seed: number) => {
      await start({ seed });
      fake.inject({ status: 500, rate: 0.5 });
      const statuses: number[] = [];
      for (let i = 0; i < 24; i++) statuses.push((await get("/v3/avatars?limit=1")).status);
      await fake.close();
      return statuses;
    };
    const a = await pattern(7);
    const b = await pattern(7);
    const c = await pattern(8);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    const failures = a.filter((s) => s === 500).length;
    expect(failures).toBeGreaterThan(3);
    expect(failures).toBeLessThan(21);
    await start();
  });

  it("adds latency without changing the response", async () => {
    await start();
    fake.inject({ kind: "latency", ms: 30, times: 1 });
    const response = await get("/v3/avatars?limit=2");
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: unknown[] }).data).toHaveLength(2);
    expect(fake.requests[0]).toMatchObject({ status: 200, fault: "latency" });
  });

  it("sends a malformed JSON body with status 200", async () => {
    await start();
    fake.inject({ kind: "malformed-body" });
    const response = await get("/v3/avatars");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    await expect(response.json()).rejects.toThrow(SyntaxError);
  });

  it("truncates a body mid-stream after doing the work (a POST still creates looks)", async () => {
    await start();
    const group = fake.state.groups({ ownership: "private" })[0]!;
    fake.inject({ kind: "truncated-body", operationId: "add-looks-to-photo-avatar-group" });
    const response = await post(call, "/v2/photo_avatar/avatar_group/add", {
      group_id: group.id,
      image_keys: ["k"],
      name: "Lost",
    });
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
    const looks: PhotoAvatarLook[] = fake.state.looks(group.id);
    expect(looks.filter((l) => l.name === "Lost")).toHaveLength(1);
  });

  it.each([
    [{ status: 500 }, false],
    [{ status: 500, afterOperation: true }, true],
    [{ kind: "connection-reset" }, false],
    [{ kind: "connection-reset", afterOperation: true }, true],
  ] as const)("%j on an add creates looks: %s", async (spec, created) => {
    await start();
    const group = fake.state.groups({ ownership: "private" })[0]!;
    fake.inject({ ...spec, operationId: "add-looks-to-photo-avatar-group" });
    const outcome = await post(call, "/v2/photo_avatar/avatar_group/add", {
      group_id: group.id,
      image_keys: ["k"],
      name: "Acted",
    }).then(
      (response) => response.status,
      () => "network error",
    );
    expect(outcome).toBe("status" in spec ? 500 : "network error");
    expect(fake.state.looks(group.id).filter((l) => l.name === "Acted")).toHaveLength(
      created ? 1 : 0,
    );
    expect(fake.requests[0]).toMatchObject({ status: "status" in spec ? 500 : null });
  });

  it("resets the connection without a response", async () => {
    await start();
    fake.inject({ kind: "connection-reset" });
    const error = await get("/v3/avatars").then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).message).toBe("fetch failed");
    expect(fake.requests[0]).toMatchObject({ status: null, fault: "connection-reset" });
    expect((await get("/v3/avatars")).status).toBe(200);
  });

  it("hangs until the client gives up", async () => {
    await start();
    fake.inject({ kind: "hang" });
    const controller = new AbortController();
    const pending = get("/v3/avatars", { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort(new Error("client timeout"));
    await expect(pending).rejects.toThrow();
    expect(fake.requests[0]).toMatchObject({ status: null, fault: "hang" });
    expect((await get("/v3/avatars")).status).toBe(200);
  });

  it("ends a hanging request when the fake closes", async () => {
    await start();
    fake.inject({ kind: "hang" });
    const pending = get("/v3/avatars").then(
      () => "answered",
      () => "failed",
    );
    while (fake.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await fake.close();
    expect(await pending).toBe("failed");
  });

  it("lists active faults and clears them", async () => {
    await start();
    const fault = fake.inject({ status: 500, times: 5 });
    fake.inject({ kind: "latency", ms: 1, rate: 1 });
    fake.clearFaults();
    expect(fault.remaining).toBe(0);
    expect((await get("/v3/avatars")).status).toBe(200);
    const again = fake.inject({ status: 500, times: 5 });
    again.cancel();
    expect((await get("/v3/avatars")).status).toBe(200);
    expect(again.hits).toBe(0);
  });
});

describe("inject rejects bad faults with a message naming the problem", () => {
  it.each([
    [{ status: 404 }, /status must be 429 or a 5xx/],
    [{ status: 429, retryAfter: 1.5 }, /retryAfter is whole seconds/],
    [{ status: 500, times: 0 }, /times must be a whole number >= 1/],
    [{ status: 500, rate: 2 }, /rate is a share in \(0, 1\]/],
    [{ kind: "latency", ms: -1 }, /latency ms must be a number >= 0/],
    [{ kind: "explode" }, /unknown kind "explode"/],
    [{ status: 500, afterOperation: "yes" }, /afterOperation must be a boolean/],
    [{ status: 500, operationId: "listAvatars" }, /unknown operationId "listAvatars"/],
    [{ status: 500, route: "GET /v3/nothing" }, /route "GET \/v3\/nothing" matches no operation/],
  ])("%j", async (spec, message) => {
    const fake = await createFakeHeyGen();
    expect(() => fake.inject(spec as never)).toThrow(message);
    await fake.close();
  });
});

describe.each(TRANSPORTS)("latencyMs over $name", (transport) => {
  it("delays every response: a client that gives up first never gets one", async () => {
    const { fake, call } = await open(transport, { latencyMs: 60_000 });
    try {
      // give up only once the fake has the request: a fixed client timeout could fire before the
      // request even arrived on a loaded machine
      const controller = new AbortController();
      const pending = call("/v3/avatars", { headers: AUTH, signal: controller.signal });
      while (fake.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      controller.abort(new Error("client gave up"));
      await expect(pending).rejects.toThrow();
      expect(fake.requests).toHaveLength(1);
    } finally {
      await fake.close();
    }
  });
});

describe("many concurrent waits", () => {
  it("print no MaxListenersExceededWarning (one close listener per pending wait is expected)", async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on("warning", onWarning);
    const fake = await createFakeHeyGen({ apiKey: "test-key", latencyMs: 5 });
    try {
      const statuses = await Promise.all(
        Array.from({ length: 30 }, () =>
          fake.fetch("/v3/avatars?limit=1", { headers: AUTH }).then((r) => r.status),
        ),
      );
      expect(statuses.every((s) => s === 200)).toBe(true);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((w) => w === "MaxListenersExceededWarning")).toEqual([]);
    } finally {
      process.off("warning", onWarning);
      await fake.close();
    }
  });
});
