import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createHeyGenClient,
  type HeyGenClientOptions,
  HeyGenConfigurationError,
} from "../src/index.js";
import { KEY } from "./support/client.js";

const bad = (o: unknown) => () => createHeyGenClient(o as HeyGenClientOptions);

describe("createHeyGenClient options", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("defaults the key to HEYGEN_API_KEY and refuses to start without credentials", () => {
    vi.stubEnv("HEYGEN_API_KEY", "");
    expect(bad({})).toThrow(HeyGenConfigurationError);
    vi.stubEnv("HEYGEN_API_KEY", undefined as unknown as string);
    expect(bad({})).toThrow(/apiKey \(or HEYGEN_API_KEY\) must be set/);
    vi.stubEnv("HEYGEN_API_KEY", KEY);
    expect(createHeyGenClient().avatarGroups).toBeDefined();
  });

  it.each([
    [{ apiKey: KEY, accessToken: "tok" }, /not both/],
    [{ apiKey: "" }, /apiKey .*must be/],
    [{ apiKey: "has space" }, /apiKey .*must be/],
    [{ apiKey: 42 }, /apiKey .*must be/],
    [{ accessToken: "line\nbreak" }, /accessToken must be/],
    [{ apiKey: KEY, baseUrl: "not a url" }, /baseUrl/],
    [{ apiKey: KEY, baseUrl: "ftp://api.heygen.com" }, /baseUrl/],
    [{ apiKey: KEY, baseUrl: "https://u:p@api.heygen.com" }, /baseUrl/],
    [{ apiKey: KEY, baseUrl: "https://api.heygen.com/?x=1" }, /baseUrl/],
    [{ apiKey: KEY, baseUrl: "http://api.heygen.com" }, /plain http/],
    [{ apiKey: KEY, baseUrl: "http://api.heygen.com", allowInsecureHttp: "yes" }, /plain http/],
    [{ apiKey: KEY, baseUrl: "http://10.0.0.8:8080" }, /allowInsecureHttp/],
    [{ apiKey: KEY, timeoutMs: 0 }, /timeoutMs/],
    [{ apiKey: KEY, timeoutMs: Number.NaN }, /timeoutMs/],
    [{ apiKey: KEY, timeoutMs: 2 ** 40 }, /timeoutMs/],
    [{ apiKey: KEY, maxRetries: 1.5 }, /maxRetries/],
    [{ apiKey: KEY, maxRetries: -1 }, /maxRetries/],
    [{ apiKey: KEY, retryBaseDelayMs: "1" }, /retryBaseDelayMs/],
    [{ apiKey: KEY, maxRetryAfterMs: -1 }, /maxRetryAfterMs/],
    [{ apiKey: KEY, fetch: "fetch" }, /fetch must be a function/],
    [{ apiKey: KEY, onRequest: 1 }, /onRequest/],
    [{ apiKey: KEY, logger: {} }, /logger/],
    [{ apiKey: KEY, headers: { "bad header": "x" } }, /headers/],
    [{ apiKey: KEY, userAgent: "bad\nagent" }, /userAgent/],
    ["string", /options must be an object/],
  ])("rejects %j with a message naming the option", (o, msg) => {
    expect(bad(o)).toThrow(HeyGenConfigurationError);
    expect(bad(o)).toThrow(msg);
  });

  it("never echoes a credential in a configuration error", () => {
    const secret = "bad secret with spaces";
    try {
      createHeyGenClient({ apiKey: secret });
      expect.unreachable();
    } catch (e) {
      expect(String((e as Error).stack)).not.toContain(secret);
      expect(JSON.stringify(e)).not.toContain(secret);
    }
  });

  it("accepts loopback http, and other plain http only with allowInsecureHttp", () => {
    for (const baseUrl of ["http://127.0.0.1:1", "http://localhost:1", "http://[::1]:1"]) {
      expect(() => createHeyGenClient({ apiKey: KEY, baseUrl })).not.toThrow();
    }
    expect(() =>
      createHeyGenClient({ apiKey: KEY, baseUrl: "http://10.0.0.8", allowInsecureHttp: true }),
    ).not.toThrow();
  });
});
