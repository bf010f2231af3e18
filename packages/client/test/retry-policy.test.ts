import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HeyGenError } from "../src/index.js";
import { clientFor } from "./support/client.js";
import { group, json, look, startServer, type TestServer } from "./support/server.js";

// One server for every run: each request takes the next scripted answer of the current run.
let s: TestServer;
let script: (number | "reset")[] = [];
beforeAll(async () => {
  s = await startServer((req, res, _n, raw) => {
    const next = script.shift() ?? 200;
    if (next === "reset") return raw.socket.destroy();
    if (next !== 200)
      return json(res, next, { error: { code: "x", message: "fault" }, data: null });
    json(
      res,
      200,
      req.method === "POST"
        ? { error: null, data: { photo_avatar_list: [look("l")] } }
        : { data: group("g") },
    );
  });
});
afterAll(() => s.close());

const fault = fc.constantFrom<number | "reset">(408, 409, 429, 500, 502, 503, 400, 404, "reset");
const retriedGet = (f: number | "reset") =>
  f === "reset" || [408, 409, 429].includes(f as number) || (f as number) >= 500;

describe("retry policy against a real server (property)", () => {
  it("a GET is sent until success, a non-retryable answer, or maxRetries + 1 attempts", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fault, { maxLength: 5 }),
        fc.integer({ min: 0, max: 4 }),
        async (faults, maxRetries) => {
          script = [...faults];
          const before = s.received.length;
          const heygen = clientFor(s, { maxRetries, retryBaseDelayMs: 0, retryMaxDelayMs: 0 });
          const ok = await heygen.avatarGroups.get("g").then(
            () => true,
            (e) => {
              expect(e).toBeInstanceOf(HeyGenError);
              return false;
            },
          );
          const firstFinal = [...faults, 200].findIndex((f) => f === 200 || !retriedGet(f));
          const expected = Math.min(firstFinal, maxRetries) + 1;
          expect(s.received.length - before).toBe(expected);
          expect(ok).toBe(firstFinal <= maxRetries && [...faults, 200][firstFinal] === 200);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("a POST is repeated only after 429", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fault, { maxLength: 5 }), async (faults) => {
        script = [...faults];
        const before = s.received.length;
        const heygen = clientFor(s, { maxRetries: 5, retryBaseDelayMs: 0, retryMaxDelayMs: 0 });
        await heygen.photoAvatars
          .addLooks({ group_id: "g", image_keys: ["k"], name: "n" })
          .catch(() => {});
        const firstFinal = [...faults, 200].findIndex((f) => f !== 429);
        expect(s.received.length - before).toBe(firstFinal + 1);
        script = [];
      }),
      { numRuns: 40 },
    );
  });
});
