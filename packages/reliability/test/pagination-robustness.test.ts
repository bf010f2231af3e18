// Pagination robustness (issue 7, suite 5): a cursor that repeats, `has_more` without
// `next_token`, a page that fails midway (retried), and 20,000 items walked with a flat heap.
// The fake serves the honest listings (with faults) and 20,000 groups; raw servers on 127.0.0.1
// play the servers whose pagination is broken, and 20,000 large (2 kB) items.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import {
  createHeyGenClient,
  type HeyGenClient,
  HeyGenError,
  InternalServerError,
} from "@heygen-openapi/client";
import { createFakeHeyGen, type FakeHeyGen } from "@heygen-openapi/testing";
import fc from "fast-check";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { countFailures } from "./support/failures.js";
import { type RawHandler, type RawServer, startRawServer } from "./support/raw-server.js";
import {
  countResources,
  leakedSince,
  type ResourceCounts,
  trackUnhandledRejections,
} from "./support/resources.js";
import { API_KEY } from "./support/secrets.js";

const SEED = 5_2026;

let fake: FakeHeyGen;
let client: HeyGenClient;
let baseline: ResourceCounts;
const unhandled = trackUnhandledRejections();
const servers: RawServer[] = [];
const figures = {
  listings: 0,
  pages: 0,
  items: 0,
  brokenCursorCases: 0,
  loopsStopped: 0,
  faultsInjected: 0,
  heapGrowthMB: Number.NaN,
  failures: 0,
};

beforeAll(async () => {
  baseline = countResources();
  fake = await createFakeHeyGen({ apiKey: API_KEY, seed: SEED });
  await fake.listen();
  client = createHeyGenClient({
    apiKey: API_KEY,
    baseUrl: fake.url,
    maxRetries: 3,
    retryBaseDelayMs: 1,
    retryMaxDelayMs: 5,
  });
});

countFailures(figures);

afterEach(async () => {
  for (const s of servers) figures.pages += s.seen.length;
  await Promise.all(servers.splice(0).map((s) => s.close()));
  fake.clearFaults();
});

afterAll(async () => {
  figures.pages += fake?.requests.length ?? 0;
  const violations = fake?.violations.length ?? 0;
  await fake?.close();
  const leaked = await leakedSince(baseline);
  unhandled.stop();
  console.log(
    `[pagination-robustness] listings walked: ${figures.listings}, pages requested: ${figures.pages}, items: ${figures.items}, ` +
      `broken-cursor cases fuzzed: ${figures.brokenCursorCases} (loops stopped: ${figures.loopsStopped}), faults injected: ${figures.faultsInjected}, ` +
      `heap growth over 20,000 items: ${figures.heapGrowthMB.toFixed(1)} MB, spec violations by the fake: ${violations}, unhandled rejections: ${unhandled.count}, ` +
      `leaked resources: ${JSON.stringify(leaked)}, failures: ${figures.failures}`,
  );
  expect(leaked).toEqual({});
  expect(violations).toBe(0);
  expect(unhandled.count).toBe(0);
});

async function serve(handler: RawHandler): Promise<RawServer> {
  const s = await startRawServer(handler);
  servers.push(s);
  return s;
}

const tokenOf = (url: string) => new URL(url, "http://x").searchParams.get("token") ?? undefined;

/** The clear error a broken cursor must end with: typed, and saying what was wrong with the token. */
function expectLoopError(error: unknown): void {
  expect(error).toBeInstanceOf(HeyGenError);
  expect((error as Error).message).toMatch(/next_token/);
}

/** Walks a listing with for-await; returns the items and the error that ended it, if any. */
async function walk<T>(
  iterable: AsyncIterable<T>,
  cap = 100_000,
): Promise<{ items: T[]; error?: unknown }> {
  const items: T[] = [];
  try {
    for await (const item of iterable) {
      items.push(item);
      if (items.length > cap) throw new Error("walk: the listing did not end");
    }
    return { items };
  } catch (error) {
    return { items, error };
  } finally {
    figures.listings++;
    figures.items += items.length;
  }
}

describe("broken cursors (raw server)", () => {
  test.each([
    [
      "repeats the same next_token",
      (t?: string) => ({ next_token: "A", has_more: true, id: t ?? "first" }),
      2,
    ],
    [
      "cycles A -> B -> A",
      (t?: string) => ({ next_token: t === "A" ? "B" : "A", has_more: true, id: t ?? "first" }),
      3,
    ],
    [
      "says has_more with next_token null",
      (t?: string) => ({ next_token: null, has_more: true, id: t ?? "first" }),
      1,
    ],
    ["says has_more without next_token", (t?: string) => ({ has_more: true, id: t ?? "first" }), 1],
    [
      "says has_more with an empty next_token forever",
      (t?: string) => ({ next_token: "", has_more: true, id: t ?? "first" }),
      2,
    ],
  ])("a server that %s ends the walk with a clear error after a bounded number of requests", async (_name, pageFor, maxRequests) => {
    const server = await serve((req, res) => {
      const { id, ...rest } = pageFor(tokenOf(req.url));
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ data: [{ id }], ...rest }));
    });
    const c = createHeyGenClient({ apiKey: API_KEY, baseUrl: server.url, maxRetries: 0 });
    const { items, error } = await walk(c.avatarGroups.list({ limit: 1 }));
    expectLoopError(error);
    expect(server.seen.length).toBeLessThanOrEqual(maxRequests);
    // every page that was fetched before the loop was noticed is yielded once
    expect(items.length).toBeLessThanOrEqual(server.seen.length);
    figures.loopsStopped++;
    figures.brokenCursorCases++;
  });

  test("200 random cursor graphs: the walk yields exactly the pages of the first token-distinct path, then ends or stops with a clear error", async () => {
    // page i is served for token `t<i>` (page 0 for no token); its next_token points anywhere,
    // so graphs with cycles, self-loops and dead ends all occur
    const pageArb = fc.record({
      size: fc.integer({ min: 0, max: 3 }),
      has_more: fc.boolean(),
      next: fc.option(fc.nat({ max: 7 }), { nil: null }),
    });
    let pages: { size: number; has_more: boolean; next: number | null }[] = [];
    const server = await serve((req, res) => {
      const t = tokenOf(req.url);
      const i = t === undefined ? 0 : Number(t.slice(1));
      const p = pages[i];
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          data: Array.from({ length: p?.size ?? 0 }, (_, k) => ({ id: `${i}.${k}` })),
          has_more: p?.has_more ?? false,
          next_token: p?.next == null ? null : `t${p.next}`,
        }),
      );
    });
    const c = createHeyGenClient({ apiKey: API_KEY, baseUrl: server.url, maxRetries: 0 });
    await fc.assert(
      fc.asyncProperty(fc.array(pageArb, { minLength: 1, maxLength: 8 }), async (generated) => {
        pages = generated;
        figures.brokenCursorCases++;
        // the model: follow tokens until the end, a missing token or a token already on the path
        const expected: string[] = [];
        const seenTokens = new Set<string>();
        let i = 0;
        let loops = false;
        for (;;) {
          const p = pages[i] ?? { size: 0, has_more: false, next: null };
          expected.push(...Array.from({ length: p.size }, (_, k) => `${i}.${k}`));
          if (!p.has_more) break;
          if (p.next === null || seenTokens.has(`t${p.next}`)) {
            loops = true;
            expected.splice(expected.length - p.size, p.size); // the client rejects that page
            break;
          }
          seenTokens.add(`t${p.next}`);
          i = p.next;
        }
        const before = server.seen.length;
        const { items, error } = await walk(c.avatarGroups.list({ limit: 3 }));
        const requests = server.seen.length - before;
        expect(items.map((g) => g.id)).toEqual(expected);
        if (loops) {
          expectLoopError(error);
          figures.loopsStopped++;
        } else expect(error).toBeUndefined();
        // each distinct token is requested at most once, plus the first page
        expect(requests).toBeLessThanOrEqual(seenTokens.size + 1);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  test.each([
    ["data is not an array", { data: { id: "x" }, has_more: false }],
    ["has_more is a string", { data: [], has_more: "true", next_token: "n" }],
    ["the page is an array", [{ id: "x" }]],
  ])("a page whose %s is an InvalidResponseError (a HeyGenError), not a crash", async (_name, body) => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    });
    const c = createHeyGenClient({ apiKey: API_KEY, baseUrl: server.url, maxRetries: 0 });
    const { items, error } = await walk(c.avatarGroups.list());
    expect(items).toEqual([]);
    expect(error).toBeInstanceOf(HeyGenError);
    expect((error as Error).name).toBe("InvalidResponseError");
    figures.brokenCursorCases++;
  });
});

describe("pages that fail midway (the fake)", () => {
  const allIds = (ownership?: "public" | "private") =>
    fake.state.groups(ownership ? { ownership } : {}).map((g) => g.id);

  test.each([
    ["503s", { status: 503, retryAfter: 0 } as const],
    ["429s", { status: 429, retryAfter: 0 } as const],
    ["connection resets", { kind: "connection-reset" } as const],
    ["truncated bodies", { kind: "truncated-body" } as const],
  ])("%s on later pages are retried: every group exactly once, in the fake's order", async (_name, fault) => {
    const it = client.avatarGroups.list({ limit: 2 });
    const items: string[] = [];
    let injected: ReturnType<FakeHeyGen["inject"]> | undefined;
    for await (const g of it) {
      items.push(g.id);
      // after the first page, every following page fails twice before it succeeds
      if (items.length === 2)
        injected = fake.inject({ ...fault, operationId: "listAvatarGroups", times: 6, rate: 0.5 });
    }
    figures.listings++;
    figures.items += items.length;
    expect(items).toEqual(allIds());
    expect(injected?.hits).toBeGreaterThan(0);
    figures.faultsInjected += injected?.hits ?? 0;
  });

  test("without retries a failing page ends the walk with the typed error; resuming from the last token finishes it", async () => {
    const noRetry = createHeyGenClient({ apiKey: API_KEY, baseUrl: fake.url, maxRetries: 0 });
    const first = await noRetry.avatarGroups.list({ limit: 3, ownership: "public" });
    const fault = fake.inject({ status: 500, operationId: "listAvatarGroups", times: 1 });
    const failed = await first.nextPage().catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(InternalServerError);
    figures.faultsInjected += fault.hits;
    const rest = await walk(
      noRetry.avatarGroups.list({
        limit: 3,
        ownership: "public",
        token: first.next_token as string,
      }),
    );
    expect(rest.error).toBeUndefined();
    expect([...first.data.map((g) => g.id), ...rest.items.map((g) => g.id)]).toEqual(
      allIds("public"),
    );
  });

  test("groups added between pages never make the walk repeat or skip a group that was there from the start", async () => {
    const before = allIds();
    const seen: string[] = [];
    for await (const g of client.avatarGroups.list({ limit: 2 })) {
      seen.push(g.id);
      if (seen.length % 2 === 0)
        fake.state.addGroup({ ownership: "public", name: `added ${seen.length}` });
    }
    figures.listings++;
    figures.items += seen.length;
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => before.includes(id))).toEqual(before);
  });
});

describe("volume", () => {
  test("20,000 items over 400 pages: each exactly once, one page in memory at a time, flat heap", async () => {
    const TOTAL = 20_000;
    const LIMIT = 50;
    const FILLER = "x".repeat(2_000); // ~40 MB if the walk kept every item
    const server = await serve((req, res) => {
      const offset = Number(tokenOf(req.url) ?? "0");
      const data = Array.from({ length: Math.min(LIMIT, TOTAL - offset) }, (_, k) => ({
        id: `g${offset + k}`,
        name: FILLER,
      }));
      const next = offset + LIMIT;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          data,
          has_more: next < TOTAL,
          next_token: next < TOTAL ? String(next) : null,
        }),
      );
    });
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const c = createHeyGenClient({ apiKey: API_KEY, baseUrl: server.url, maxRetries: 0 });
    let count = 0;
    let expectedNext = 0;
    let firstItem: WeakRef<object> | undefined;
    let heapAt2k = 0;
    let heapAtEnd = 0;
    for await (const g of c.avatarGroups.list({ limit: LIMIT })) {
      if (g.id !== `g${expectedNext}`) throw new Error(`item ${expectedNext} came as ${g.id}`);
      expectedNext++;
      count++;
      if (count === 1) firstItem = new WeakRef(g);
      if (count === 2_000) {
        gc();
        heapAt2k = process.memoryUsage().heapUsed;
      }
      if (count === TOTAL) {
        gc();
        heapAtEnd = process.memoryUsage().heapUsed;
      }
    }
    figures.listings++;
    figures.items += count;
    gc();
    expect(count).toBe(TOTAL);
    expect(server.seen).toHaveLength(TOTAL / LIMIT);
    // the first page is gone: nothing holds the pages already walked
    expect(firstItem?.deref()).toBeUndefined();
    figures.heapGrowthMB = (heapAtEnd - heapAt2k) / 2 ** 20;
    // keeping the 18,000 items in between would add ~36 MB
    expect(figures.heapGrowthMB).toBeLessThan(8);
  });
});

describe("volume through the fake", () => {
  test("20,000 groups in the fake, walked over HTTP at limit 50: each exactly once, in the fake's order, flat heap", async () => {
    const big = await createFakeHeyGen({ apiKey: API_KEY, seed: SEED, groups: "empty" });
    try {
      await big.listen();
      const NAME = "n".repeat(1_000); // ~20 MB if the walk kept every group
      for (let i = 0; i < 20_000; i++)
        big.state.addGroup({ ownership: i % 3 ? "public" : "private", name: `${i} ${NAME}` });
      const expected = big.state.groups().map((g) => g.id);
      setFlagsFromString("--expose-gc");
      const gc = runInNewContext("gc") as () => void;
      const c = createHeyGenClient({ apiKey: API_KEY, baseUrl: big.url, maxRetries: 0 });
      let i = 0;
      let heapAt2k = 0;
      let heapAtEnd = 0;
      let first: WeakRef<object> | undefined;
      for await (const g of c.avatarGroups.list({ limit: 50 })) {
        if (g.id !== expected[i])
          throw new Error(`group ${i} came as ${g.id}, expected ${expected[i]}`);
        if (i === 0) first = new WeakRef(g);
        i++;
        if (i === 2_000 || i === expected.length) {
          gc();
          if (i === 2_000) heapAt2k = process.memoryUsage().heapUsed;
          else heapAtEnd = process.memoryUsage().heapUsed;
        }
      }
      figures.listings++;
      figures.items += i;
      figures.pages += big.requests.length;
      gc();
      expect(i).toBe(20_000);
      expect(big.requests).toHaveLength(400);
      expect(first?.deref()).toBeUndefined();
      expect((heapAtEnd - heapAt2k) / 2 ** 20).toBeLessThan(8);
      expect(big.violations).toEqual([]);
    } finally {
      await big.close();
    }
  });
});
