import { createHeyGenClient, type HeyGenClientOptions } from "../../src/index.js";
import type { TestServer } from "./server.js";

/** The key every test uses; tests assert it never shows up where it must not. */
export const KEY = "hg_test_SECRET_key_123";

/** A client pointed at a test server, with tiny retry delays so fault tests stay fast. */
export function clientFor(server: TestServer, options: HeyGenClientOptions = {}) {
  return createHeyGenClient({
    apiKey: KEY,
    baseUrl: server.url,
    retryBaseDelayMs: 1,
    retryMaxDelayMs: 4,
    ...options,
  });
}
