import { createHeyGenClient } from "@heygen-openapi/client";
import { compareSlowSteps } from "./harness.mjs";
import { GROUP, startLoopbackServer } from "./loopback-server.mjs";

const KEY = "bench-key";

/**
 * A loopback server holding `total` avatar groups, served `pageSize` at a time with opaque
 * tokens, exactly as `GET /v3/avatars` pages them. Pages are encoded once up front so the server
 * costs the same for every caller.
 * @param {number} total
 * @param {number} pageSize
 */
async function startPagedServer(total, pageSize) {
  /** @type {Buffer[]} */
  const pages = [];
  for (let start = 0; start < total; start += pageSize) {
    const end = Math.min(start + pageSize, total);
    const data = [];
    for (let i = start; i < end; i += 1) data.push({ ...GROUP, id: `ag_${i}`, name: `Group ${i}` });
    const next = end < total ? Buffer.from(String(end)).toString("base64url") : null;
    pages.push(Buffer.from(JSON.stringify({ data, has_more: next !== null, next_token: next })));
  }
  return startLoopbackServer((req) => {
    const token = new URL(req.url ?? "/", "http://x").searchParams.get("token");
    const index = token ? Number(Buffer.from(token, "base64url").toString()) / pageSize : 0;
    return { body: /** @type {Buffer} */ (pages[index]) };
  });
}

/**
 * @param {string} baseUrl
 * @param {(seen: number) => void} [onItem]
 */
async function iterateWithClient(baseUrl, onItem) {
  const heygen = createHeyGenClient({ apiKey: KEY, baseUrl });
  let seen = 0;
  for await (const group of heygen.avatarGroups.list({ limit: 50 })) {
    if (!group.id) throw new Error("client: group without id");
    seen += 1;
    onItem?.(seen);
  }
  return seen;
}

/**
 * @param {string} baseUrl
 * @param {(seen: number) => void} [onItem]
 */
async function iterateByHand(baseUrl, onItem) {
  let seen = 0;
  /** @type {string | null} */
  let token = null;
  do {
    const url = new URL("/v3/avatars", baseUrl);
    url.searchParams.set("limit", "50");
    if (token) url.searchParams.set("token", token);
    const response = await fetch(url, { headers: { "x-api-key": KEY } });
    const page = JSON.parse(await response.text());
    for (const group of page.data) {
      if (!group.id) throw new Error("raw: group without id");
      seen += 1;
      onItem?.(seen);
    }
    token = page.has_more ? page.next_token : null;
  } while (token);
  return seen;
}

/**
 * Heap retained after a full GC at 10% and at 100% of an iteration over every item: with one
 * page in memory at a time the two are the same, whatever the item count.
 * @param {(baseUrl: string, onItem: (seen: number) => void) => Promise<number>} iterate
 * @param {string} baseUrl
 * @param {number} total
 */
async function heapGrowth(iterate, baseUrl, total) {
  const gc = /** @type {(() => void) | undefined} */ (globalThis.gc);
  if (!gc) return null;
  /** @type {number[]} */
  const samples = [];
  const at = new Set([Math.floor(total / 10), total - 1]);
  await iterate(baseUrl, (seen) => {
    if (at.has(seen)) {
      gc();
      gc();
      samples.push(process.memoryUsage().heapUsed);
    }
  });
  const [early = 0, late = 0] = samples;
  return { atTenPercentBytes: early, atEndBytes: late, growthBytes: late - early };
}

/**
 * Benchmark 4: iterate 20,000 groups over 400 pages with the client's async iterator vs a
 * hand-written token loop over raw fetch; time side by side, and heap growth for each.
 * @param {{ rounds: number, total?: number, pageSize?: number }} options
 */
export async function benchPagination({ rounds, total = 20_000, pageSize = 50 }) {
  const server = await startPagedServer(total, pageSize);
  try {
    const expectAll = (/** @type {number} */ n) => {
      if (n !== total) throw new Error(`iteration saw ${n} of ${total} groups`);
    };
    const comparison = await compareSlowSteps({
      title: `4. Pagination: ${total.toLocaleString("en")} groups over ${total / pageSize} pages`,
      baseline: "by-hand",
      rounds,
      variants: [
        {
          id: "by-hand",
          label: "hand-written token loop, raw fetch",
          fn: async () => expectAll(await iterateByHand(server.url)),
        },
        {
          id: "client",
          label: "client: for await ... of list()",
          fn: async () => expectAll(await iterateWithClient(server.url)),
        },
      ],
    });
    return {
      ...comparison,
      heap: {
        client: await heapGrowth(iterateWithClient, server.url, total),
        byHand: await heapGrowth(iterateByHand, server.url, total),
      },
    };
  } finally {
    await server.close();
  }
}
