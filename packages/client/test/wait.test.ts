import { afterEach, describe, expect, it } from "vitest";
import {
  APIUserAbortError,
  HeyGenConfigurationError,
  InternalServerError,
  PhotoAvatarNotReadyError,
} from "../src/index.js";
import { clientFor } from "./support/client.js";
import { json, look, startServer, type TestServer } from "./support/server.js";

let s: TestServer | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

/** A server answering the n-th poll with statuses[n] (the last one repeats). */
async function polls(statuses: (string | number)[]) {
  s = await startServer((_, res, n) => {
    const st = statuses[Math.min(n, statuses.length - 1)]!;
    if (typeof st === "number")
      return json(res, st, { error: { code: "x", message: "gone" }, data: null });
    json(res, 200, {
      error: null,
      data: look("l1", st, st === "moderation_rejected" ? { moderation_msg: "nope" } : {}),
    });
  });
  return clientFor(s, { maxRetries: 0 });
}

describe("photoAvatars.waitUntilReady", () => {
  it("polls at once and then with backoff until completed", async () => {
    const heygen = await polls(["pending", "pending", "in_appeal", "completed"]);
    const l = await heygen.photoAvatars.waitUntilReady("l1", { intervalMs: 1 });
    expect(l.status).toBe("completed");
    expect(s!.received).toHaveLength(4);
  });

  it.each([
    "failed",
    "moderation_rejected",
  ] as const)("throws on %s with the last look", async (status) => {
    const heygen = await polls(["pending", status]);
    const e = await heygen.photoAvatars.waitUntilReady("l1", { intervalMs: 1 }).catch((x) => x);
    expect(e).toBeInstanceOf(PhotoAvatarNotReadyError);
    expect(e.reason).toBe(status);
    expect(e.look.status).toBe(status);
    expect(s!.received).toHaveLength(2);
  });

  it("throws not_found on a 404, carrying the last look seen and the NotFoundError", async () => {
    const heygen = await polls(["pending", 404]);
    const e = await heygen.photoAvatars.waitUntilReady("l1", { intervalMs: 1 }).catch((x) => x);
    expect(e).toMatchObject({ reason: "not_found", look: { status: "pending" } });
    expect(e.cause.status).toBe(404);
  });

  it("throws timeout with the last status when the deadline passes", async () => {
    const heygen = await polls(["pending"]);
    const e = await heygen.photoAvatars
      .waitUntilReady("l1", { intervalMs: 5, timeoutMs: 40 })
      .catch((x) => x);
    expect(e).toBeInstanceOf(PhotoAvatarNotReadyError);
    expect(e.reason).toBe("timeout");
    expect(e.look.status).toBe("pending");
    expect(e.message).toContain("last status pending");
  });

  it("lets other API errors through and stops on abort", async () => {
    const heygen = await polls([500]);
    await expect(heygen.photoAvatars.waitUntilReady("l1")).rejects.toBeInstanceOf(
      InternalServerError,
    );
    await s!.close();
    const again = await polls(["pending"]);
    const ac = new AbortController();
    const p = again.photoAvatars.waitUntilReady("l1", { intervalMs: 60_000, signal: ac.signal });
    setTimeout(() => ac.abort(), 20);
    await expect(p).rejects.toBeInstanceOf(APIUserAbortError);
  });

  it("rejects bad options", async () => {
    const heygen = await polls(["completed"]);
    await expect(
      heygen.photoAvatars.waitUntilReady("l1", { intervalMs: -1 }),
    ).rejects.toBeInstanceOf(HeyGenConfigurationError);
    expect(s!.received).toHaveLength(0);
  });
});
