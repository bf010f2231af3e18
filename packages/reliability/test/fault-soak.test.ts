// Fault soak (issue 7, suite 1): hundreds of concurrent calls through the fake over HTTP while it
// injects 429s, 5xx, resets, truncated bodies, hangs and latency. Every call must end with the
// data a fault-free run gets, each call must be answered exactly once, and POSTs must never create
// a look twice through the client's own retries.
import {
  APIConnectionError,
  APITimeoutError,
  createHeyGenClient,
  type HeyGenClient,
  InternalServerError,
} from "@heygen-openapi/client";
import { createFakeHeyGen, type FakeHeyGen, type InjectedFault } from "@heygen-openapi/testing";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import {
  countResources,
  leakedSince,
  type ResourceCounts,
  trackUnhandledRejections,
} from "./support/resources.js";
import { API_KEY } from "./support/secrets.js";

const CALLS = 400;
const ADD_CALLS = 40;
const ADD = "POST /v2/photo_avatar/avatar_group/add";

let fake: FakeHeyGen;
let client: HeyGenClient;
let baseline: ResourceCounts;
const unhandled = trackUnhandledRejections();
const figures = {
  calls: 0,
  httpRequests: 0,
  faultsInjected: 0,
  faultsByKind: {} as Record<string, number>,
  postCalls: 0,
  looksCreated: 0,
  duplicateLooks: 0,
  failures: 0,
};

beforeAll(async () => {
  baseline = countResources();
  fake = await createFakeHeyGen({ apiKey: API_KEY, seed: 20260124 });
  await fake.listen();
  client = createHeyGenClient({
    apiKey: API_KEY,
    baseUrl: fake.url,
    // enough retries that the bounded faults below can never exhaust a call
    maxRetries: 14,
    retryBaseDelayMs: 5,
    retryMaxDelayMs: 40,
    // generous, so that only the injected hangs time out even on a loaded machine
    timeoutMs: 4_000,
  });
});

afterEach(() => fake.clearFaults());

afterAll(async () => {
  // every answer the fake sent under all those faults still matched the spec
  const violations = fake?.violations.length ?? 0;
  // every request the fake received, the fault-free baseline pass included
  figures.httpRequests = fake?.requests.length ?? 0;
  await fake?.close();
  const leaked = await leakedSince(baseline);
  unhandled.stop();
  console.log(
    `[fault-soak] calls: ${figures.calls} GET + ${figures.postCalls} POST, HTTP requests: ${figures.httpRequests}, ` +
      `faults injected: ${figures.faultsInjected} ${JSON.stringify(figures.faultsByKind)}, ` +
      `looks created: ${figures.looksCreated} (duplicates: ${figures.duplicateLooks}), ` +
      `spec violations by the fake: ${violations}, unhandled rejections: ${unhandled.count}, leaked resources: ${JSON.stringify(leaked)}, failures: ${figures.failures}`,
  );
  expect(leaked).toEqual({});
  expect(violations).toBe(0);
  expect(unhandled.count).toBe(0);
});

/** The call number `i` of the soak: a mix of every GET the client offers. */
function soakCall(i: number, tag?: Record<string, string>): Promise<unknown> {
  const groups = fake.state.groups();
  const group = groups[i % groups.length]!;
  const looks = fake.state.looks(group.id);
  const opts = tag ? { headers: tag } : undefined;
  switch (i % 4) {
    case 0:
      return client.avatarGroups.get(group.id, opts);
    case 1:
      return client.photoAvatars.get(looks[i % looks.length]!.id, opts);
    case 2:
      return client.avatarGroups.listLooks(group.id, opts);
    default:
      return client.avatarGroups
        .list({ limit: 1 + (i % 7), ownership: i % 2 ? "public" : "private" }, opts)
        .then(({ data, has_more, next_token }) => ({ data, has_more, next_token }));
  }
}

describe("fault soak: concurrent GETs", () => {
  test(`${CALLS} concurrent GETs under 429, 5xx, resets, truncation, hangs and latency all end with the fault-free data, each answered once`, async () => {
    // The baseline pass is tagged too: on a loaded machine one of its attempts may time out and
    // reach the fake after the soak began, and it must not be counted as a soak request.
    const expected = await Promise.all(
      Array.from({ length: CALLS }, (_, i) => soakCall(i, { "x-soak-pass": "baseline" })),
    );
    const start = fake.requests.length;

    const faults: InjectedFault[] = [
      fake.inject({ kind: "hang", rate: 0.01, times: 3 }),
      fake.inject({ status: 429, retryAfter: 0, rate: 0.08, times: 40 }),
      fake.inject({ status: 429, retryAfter: 1, rate: 0.03, times: 10 }),
      fake.inject({ status: 500, rate: 0.05, times: 25 }),
      fake.inject({ status: 503, retryAfter: 0, rate: 0.05, times: 25 }),
      fake.inject({ status: 502, rate: 0.03, times: 15 }),
      fake.inject({ kind: "connection-reset", rate: 0.05, times: 25 }),
      fake.inject({ kind: "truncated-body", rate: 0.03, times: 15 }),
      fake.inject({ kind: "latency", ms: 25, rate: 0.2, times: 100 }),
    ];
    const settled = await Promise.allSettled(
      Array.from({ length: CALLS }, (_, i) =>
        soakCall(i, { "x-soak-pass": "soak", "x-soak-call": String(i) }),
      ),
    );
    figures.calls += CALLS;

    const rejected = settled.filter((s) => s.status === "rejected");
    figures.failures += rejected.length;
    expect(rejected.map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    settled.forEach((s, i) => {
      expect((s as PromiseFulfilledResult<unknown>).value, `call ${i}`).toEqual(expected[i]);
    });

    // Exactly one request per call reached the operation and was answered; every other request
    // of that call is one the fake sabotaged.
    const requests = fake.requests.slice(start).filter((r) => r.headers["x-soak-pass"] === "soak");
    figures.httpRequests += requests.length;
    const byCall = new Map<string, typeof requests>();
    for (const r of requests) {
      const tag = r.headers["x-soak-call"] ?? "untagged";
      byCall.set(tag, [...(byCall.get(tag) ?? []), r]);
    }
    expect(byCall.size).toBe(CALLS);
    expect(byCall.has("untagged")).toBe(false);
    for (const [tag, rs] of byCall) {
      const answered = rs.filter((r) => r.fault === null || r.fault === "latency");
      expect(
        answered.map((r) => r.status),
        `call ${tag}`,
      ).toEqual([200]);
    }
    const sabotaged = requests.filter((r) => r.fault !== null && r.fault !== "latency");
    for (const f of faults) {
      const kind = f.spec.kind === undefined ? `status ${f.spec.status}` : f.spec.kind;
      figures.faultsByKind[kind] = (figures.faultsByKind[kind] ?? 0) + f.hits;
    }
    figures.faultsInjected += faults.reduce((n, f) => n + f.hits, 0);
    const replacing = faults.filter((f) => f.spec.kind !== "latency");
    expect(sabotaged.length + CALLS).toBe(requests.length);
    // a straggler of the baseline pass may have drawn a fault too: count hits over everything
    const sabotagedAll = fake.requests
      .slice(start)
      .filter((r) => r.fault !== null && r.fault !== "latency");
    expect(replacing.reduce((n, f) => n + f.hits, 0)).toBe(sabotagedAll.length);
    // every kind of fault actually fired (the decisions derive from the seed and request count)
    for (const f of faults) expect(f.hits, JSON.stringify(f.spec)).toBeGreaterThan(0);
  });
});

describe("fault soak: POSTs never create a look twice", () => {
  test(`${ADD_CALLS} concurrent multi-batch addLooks under 429s: retried, every key created exactly once, in order`, async () => {
    const groups = fake.state.groups();
    const start = fake.requests.length;
    const rateLimit = fake.inject({ status: 429, retryAfter: 0, route: ADD, rate: 0.4, times: 40 });
    const calls = Array.from({ length: ADD_CALLS }, (_, i) => {
      const keys = Array.from({ length: 1 + (i % 9) }, (_, j) => `soak-${i}-${j}`);
      const group = groups[i % groups.length]!;
      const name = `soak add ${i}`;
      return {
        keys,
        group,
        name,
        run: client.photoAvatars.addLooks({ group_id: group.id, image_keys: keys, name }),
      };
    });
    const results = await Promise.allSettled(calls.map((c) => c.run));
    figures.postCalls += ADD_CALLS;
    figures.failures += results.filter((r) => r.status === "rejected").length;
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(rateLimit.hits).toBeGreaterThan(0);
    figures.faultsInjected += rateLimit.hits;
    figures.faultsByKind["status 429"] = (figures.faultsByKind["status 429"] ?? 0) + rateLimit.hits;

    const requests = fake.requests.slice(start);
    figures.httpRequests += requests.length;
    for (const [i, c] of calls.entries()) {
      const created = (
        results[i] as PromiseFulfilledResult<{ photo_avatar_list: { id: string }[] }>
      ).value.photo_avatar_list;
      expect(created).toHaveLength(c.keys.length);
      const stored = fake.state.looks(c.group.id).filter((l) => l.name === c.name);
      expect(stored.map((l) => l.id).sort()).toEqual(created.map((l) => l.id).sort());
      figures.looksCreated += stored.length;
      figures.duplicateLooks += stored.length - c.keys.length;
      // each key went to the operation in exactly one answered request, batches in order
      const acted = requests.filter(
        (r) => r.fault === null && (r.body as { name?: string } | undefined)?.name === c.name,
      );
      expect(acted.flatMap((r) => (r.body as { image_keys: string[] }).image_keys)).toEqual(c.keys);
      expect(acted.every((r) => r.status === 200)).toBe(true);
    }
    expect(figures.duplicateLooks).toBe(0);
  });

  test("40 concurrent waitUntilReady polls under 5xx, 429s and resets all see their look completed", async () => {
    const group = fake.state.groups()[2]!;
    const { photo_avatar_list: looks } = await client.photoAvatars.addLooks({
      group_id: group.id,
      image_keys: Array.from({ length: 40 }, (_, i) => `wait-${i}`),
      name: "soak wait",
    });
    figures.postCalls++;
    figures.looksCreated += looks.length;
    const route = "GET /v2/photo_avatar/{id}";
    const faults = [
      fake.inject({ status: 503, retryAfter: 0, route, rate: 0.2, times: 30 }),
      fake.inject({ status: 429, retryAfter: 0, route, rate: 0.2, times: 30 }),
      fake.inject({ kind: "connection-reset", route, rate: 0.1, times: 15 }),
    ];
    const settled = await Promise.allSettled(
      looks.map((l) =>
        client.photoAvatars.waitUntilReady(l.id, { intervalMs: 1, timeoutMs: 20_000 }),
      ),
    );
    figures.calls += looks.length;
    figures.failures += settled.filter((r) => r.status === "rejected").length;
    expect(settled.filter((r) => r.status === "rejected")).toEqual([]);
    for (const [i, r] of settled.entries()) {
      expect((r as PromiseFulfilledResult<{ id: string; status: string }>).value).toMatchObject({
        id: looks[i]!.id,
        status: "completed",
      });
    }
    for (const f of faults) {
      expect(f.hits).toBeGreaterThan(0);
      figures.faultsInjected += f.hits;
      const kind = f.spec.kind === undefined ? `status ${f.spec.status}` : f.spec.kind;
      figures.faultsByKind[kind] = (figures.faultsByKind[kind] ?? 0) + f.hits;
    }
  });

  test("a POST the server acted on before answering 500 is surfaced, not retried: one look, one request", async () => {
    // The fake's 5xx faults fire before the operation runs; to model a server that created the
    // look and then failed, this fetch lets the request through and replaces the answer.
    const acted = createHeyGenClient({
      apiKey: API_KEY,
      baseUrl: fake.url,
      maxRetries: 5,
      retryBaseDelayMs: 1,
      fetch: async (input, init) => {
        const res = await fetch(input, init);
        await res.arrayBuffer();
        return new Response(
          JSON.stringify({ error: { code: "internal_error", message: "boom" }, data: null }),
          {
            status: 500,
            headers: { "content-type": "application/json" },
          },
        );
      },
    });
    const group = fake.state.groups()[0]!;
    const start = fake.requests.length;
    const error = await acted.photoAvatars
      .addLooks({ group_id: group.id, image_keys: ["acted-500"], name: "acted 500" })
      .catch((e: unknown) => e);
    figures.postCalls++;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(fake.requests.length - start).toBe(1);
    expect(fake.state.looks(group.id).filter((l) => l.name === "acted 500")).toHaveLength(1);
    figures.looksCreated++;
    figures.faultsInjected++;
    figures.faultsByKind["acted-then-500"] = 1;
  });

  test.each([
    {
      label: "truncated-body",
      spec: { kind: "truncated-body" },
      type: APIConnectionError,
      created: 1,
    },
    {
      label: "connection-reset",
      spec: { kind: "connection-reset" },
      type: APIConnectionError,
      created: 0,
    },
    { label: "hang", spec: { kind: "hang" }, type: APITimeoutError, created: 0 },
    // the server acted, then failed to answer (the fake's afterOperation faults)
    {
      label: "500 after acting",
      spec: { status: 500, afterOperation: true },
      type: InternalServerError,
      created: 1,
    },
    {
      label: "503 after acting",
      spec: { status: 503, retryAfter: 0, afterOperation: true },
      type: InternalServerError,
      created: 1,
    },
    {
      label: "reset after acting",
      spec: { kind: "connection-reset", afterOperation: true },
      type: APIConnectionError,
      created: 1,
    },
    {
      label: "hang after acting",
      spec: { kind: "hang", afterOperation: true },
      type: APITimeoutError,
      created: 1,
    },
  ] as const)("a POST answered with $label is surfaced as $type.name, not retried; looks created: $created", async ({
    label,
    spec,
    type,
    created,
  }) => {
    const group = fake.state.groups()[1]!;
    const name = `post ${label}`;
    const kind = label;
    const start = fake.requests.length;
    const fault = fake.inject({ ...spec, route: ADD, times: 3 });
    const error = await client.photoAvatars
      .addLooks(
        { group_id: group.id, image_keys: [`${kind}-key`], name },
        { timeoutMs: label.includes("hang") ? 300 : 10_000 },
      )
      .catch((e: unknown) => e);
    fault.cancel();
    figures.postCalls++;
    figures.faultsInjected += fault.hits;
    figures.faultsByKind[kind] = (figures.faultsByKind[kind] ?? 0) + fault.hits;
    expect(error).toBeInstanceOf(type);
    expect(fault.hits).toBe(1);
    expect(fake.requests.length - start).toBe(1);
    expect(fake.state.looks(group.id).filter((l) => l.name === name)).toHaveLength(created);
    figures.looksCreated += created;
  });
});
