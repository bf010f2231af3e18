// Regression (fake-4): concurrent requests waiting on latency or hangs must not make Node warn of
// a possible EventTarget leak in the user's test output.
import { createHeyGenClient } from "@heygen-openapi/client";
import { createFakeHeyGen } from "@heygen-openapi/testing";
import { expect, test } from "vitest";
import { API_KEY } from "./support/secrets.js";

test("50 concurrent requests with latency print no MaxListenersExceededWarning", async () => {
  const warnings: string[] = [];
  const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
  process.on("warning", onWarning);
  const fake = await createFakeHeyGen({ apiKey: API_KEY });
  try {
    const client = createHeyGenClient({ apiKey: API_KEY, fetch: fake.fetch, maxRetries: 0 });
    const id = fake.state.groups()[0]!.id;
    fake.inject({ kind: "latency", ms: 5, rate: 1, times: 50 });
    await Promise.all(Array.from({ length: 50 }, () => client.avatarGroups.get(id)));
    await new Promise((r) => setImmediate(r));
    expect(warnings.filter((w) => w.startsWith("MaxListenersExceededWarning"))).toEqual([]);
  } finally {
    process.off("warning", onWarning);
    await fake.close();
  }
});
