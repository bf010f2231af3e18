#!/usr/bin/env node
// `pnpm demo`: a tour of @heygen-openapi/client. Runs against the fake HeyGen API from
// @heygen-openapi/testing unless you pass --live with HEYGEN_API_KEY set.
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import { createHeyGenClient } from "@heygen-openapi/client";
import { createFakeHeyGen } from "@heygen-openapi/testing";
import { createOutput } from "./output.mjs";
import { runDemo } from "./steps.mjs";

const USAGE = `Usage: pnpm demo [--live [--group <id> --image-key <key>...]]

  (no flags)      run against an in-process fake HeyGen API; no key, no network
  --live          run against https://api.heygen.com with HEYGEN_API_KEY
  --group <id>    (live) the private avatar group to add looks to
  --image-key <k> (live, repeatable) image keys from HeyGen's Upload Asset endpoint
  --help          show this help

  HEYGEN_BASE_URL (with --live) points the client at another origin, e.g. a proxy.`;

const FAKE_KEY = "demo-key";

async function main() {
  let args;
  try {
    args = parseArgs({
      options: {
        live: { type: "boolean", default: false },
        group: { type: "string" },
        "image-key": { type: "string", multiple: true },
        help: { type: "boolean", default: false },
      },
    }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const out = createOutput(process.stdout);
  const apiKey = process.env.HEYGEN_API_KEY;

  if (args.live) {
    if (!apiKey) {
      console.error("--live needs HEYGEN_API_KEY in the environment (nothing was sent).");
      return 2;
    }
    const baseUrl = process.env.HEYGEN_BASE_URL || "https://api.heygen.com";
    out.title(`HeyGen demo: LIVE against ${baseUrl}`);
    const stats = createStats();
    const client = createHeyGenClient({ apiKey, baseUrl, ...stats.hooks });
    return runDemo({
      client,
      out,
      stats,
      live: true,
      addTo: args.group,
      imageKeys: args["image-key"] ?? [],
      waitIntervalMs: 2_000,
    });
  }

  const fake = await createFakeHeyGen({ apiKey: FAKE_KEY, seed: 1, looks: { pendingReads: 2 } });
  const receiver = await startReceiver();
  try {
    const url = await fake.listen();
    out.title(`HeyGen demo: against the fake HeyGen API at ${url} (no key, no network)`);
    if (apiKey) out.note("HEYGEN_API_KEY is set but ignored: pass --live to use the real API.");
    // The fake rejects one image in moderation, to show how a failed look is reported.
    fake.state.setLookOutcome((look) =>
      look.image_key.includes("blurry") ? "moderation_rejected" : "completed",
    );
    const stats = createStats();
    const client = createHeyGenClient({
      apiKey: FAKE_KEY,
      baseUrl: url,
      retryBaseDelayMs: 100,
      ...stats.hooks,
    });
    const code = await runDemo({
      client,
      out,
      stats,
      live: false,
      addTo: fake.state.groups({ ownership: "private" })[0]?.id,
      imageKeys: [1, 2, 3, 4, 5]
        .map((n) => `demo/portrait-${n}.jpg`)
        .concat("demo/blurry-selfie.jpg"),
      waitIntervalMs: 50,
      inject429: () =>
        fake.inject({ status: 429, retryAfter: 1, times: 1, operationId: "getAvatarGroup" }),
      receiver,
    });
    if (fake.violations.length > 0 || fake.unmatched.length > 0) {
      out.note(
        `The fake saw problems: ${[...fake.violations, ...fake.unmatched.map((r) => r.path)].join("; ")}`,
      );
      return 1;
    }
    return code;
  } finally {
    await fake.close();
    await receiver.close();
  }
}

/**
 * A webhook receiver on 127.0.0.1 (the fake accepts plain http on loopback): each POST it gets
 * settles the promise `next()` handed out, and is answered 204.
 * @returns {Promise<import("./steps.mjs").Receiver & { close: () => Promise<void> }>}
 */
async function startReceiver() {
  /** @type {Array<(d: { body: Buffer, headers: import("node:http").IncomingHttpHeaders }) => void>} */
  const waiting = [];
  /** @type {Array<{ body: Buffer, headers: import("node:http").IncomingHttpHeaders }>} */
  const arrived = [];
  const server = createServer(async (req, res) => {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const delivery = { body: Buffer.concat(chunks), headers: req.headers };
    const take = waiting.shift();
    if (take) take(delivery);
    else arrived.push(delivery);
    res.writeHead(204).end();
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  const address = /** @type {import("node:net").AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${address.port}`,
    next: () => {
      const ready = arrived.shift();
      return ready ? Promise.resolve(ready) : new Promise((resolve) => waiting.push(resolve));
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      }),
  };
}

/**
 * Records what the client reports through its hooks: every response (status, attempt) and
 * every retry it schedules (from its debug log), for the demo to narrate.
 */
function createStats() {
  /** @type {import("./steps.mjs").Stats} */
  const stats = {
    responses: [],
    retries: [],
    hooks: {
      onResponse: (info) => {
        stats.responses.push({
          method: info.method,
          path: new URL(info.url).pathname,
          attempt: info.attempt,
          status: info.status,
          requestId: info.requestId,
        });
      },
      logger: {
        debug: (message, details) => {
          if (message.includes("retrying")) {
            stats.retries.push({
              delayMs: Number(details.delayMs),
              status: typeof details.status === "number" ? details.status : undefined,
            });
          }
        },
      },
    },
  };
  return stats;
}

process.exitCode = await main();
