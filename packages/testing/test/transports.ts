import { createFakeHeyGen, type FakeHeyGen, type FakeHeyGenOptions } from "../src/index.js";

/** Sends a request to the fake at `path` (path and query). */
export type Call = (path: string, init?: RequestInit) => Promise<Response>;

/** One way into the fake, for `describe.each`. */
export interface TransportCase {
  name: "http" | "fetch";
  /** Prepares the fake for this transport and returns a caller. */
  connect(fake: FakeHeyGen): Promise<Call>;
}

export const TRANSPORTS: TransportCase[] = [
  {
    name: "http",
    async connect(fake) {
      const url = await fake.listen();
      return (path, init) => fetch(`${url}${path}`, init);
    },
  },
  {
    name: "fetch",
    async connect(fake) {
      return (path, init) => fake.fetch(`https://api.heygen.com${path}`, init);
    },
  },
];

export const KEY = "test-key";
export const AUTH = { "x-api-key": KEY };
export const JSON_AUTH = { ...AUTH, "content-type": "application/json" };

/** A fake plus a caller over `transport`; close it in afterEach. */
export async function open(
  transport: TransportCase,
  options: FakeHeyGenOptions = {},
): Promise<{ fake: FakeHeyGen; call: Call }> {
  const fake = await createFakeHeyGen({ apiKey: KEY, ...options });
  return { fake, call: await transport.connect(fake) };
}

/** POSTs `body` as JSON with the test key. */
export function post(call: Call, path: string, body: unknown): Promise<Response> {
  return call(path, { method: "POST", headers: JSON_AUTH, body: JSON.stringify(body) });
}

/** GETs with the test key and parses the JSON body. */
export async function getJson<T = Record<string, unknown>>(
  call: Call,
  path: string,
): Promise<{ status: number; body: T; response: Response }> {
  const response = await call(path, { headers: AUTH });
  return { status: response.status, body: (await response.json()) as T, response };
}
