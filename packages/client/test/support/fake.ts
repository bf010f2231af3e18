import { createFakeHeyGen, type FakeHeyGen, type FakeHeyGenOptions } from "@heygen-openapi/testing";
import { afterEach, beforeEach, expect } from "vitest";
import { createHeyGenClient, type HeyGenClientOptions } from "../../src/index.js";
import { KEY } from "./client.js";

/** The per-test fake of {@link useFake}, and a client pointed at it over real HTTP. */
export interface FakeContext {
  fake: FakeHeyGen;
  /** A client on `fake.url` with the test key and tiny retry delays; `options` override. */
  client(options?: HeyGenClientOptions): ReturnType<typeof createHeyGenClient>;
}

/**
 * Gives every test of the calling file a fresh fake HeyGen (`@heygen-openapi/testing`) listening
 * on 127.0.0.1 and a random port. After each test the fake is closed, and the test fails if the
 * fake sent a response its own spec forbids or received a request matching no operation: the
 * client must only call documented routes.
 */
export function useFake(options: FakeHeyGenOptions = {}): FakeContext {
  const ctx = {
    client: (o: HeyGenClientOptions = {}) =>
      createHeyGenClient({
        apiKey: KEY,
        baseUrl: ctx.fake.url,
        retryBaseDelayMs: 1,
        retryMaxDelayMs: 4,
        ...o,
      }),
  } as FakeContext;
  beforeEach(async () => {
    ctx.fake = await createFakeHeyGen({ apiKey: KEY, seed: 1, ...options });
    await ctx.fake.listen();
  });
  afterEach(async () => {
    const fake = ctx.fake;
    await fake.close();
    expect(fake.violations).toEqual([]);
    fake.assertNoUnmatched();
  });
  return ctx;
}
