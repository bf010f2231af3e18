// assets.upload over HTTP: multipart/form-data with the field `file`, bytes intact, refused
// over 32 MB before sending, under its own timeout, retried with the same body only with a key.
import { afterEach, describe, expect, it } from "vitest";
import {
  APITimeoutError,
  HeyGenValidationError,
  InternalServerError,
  MAX_UPLOAD_BYTES,
} from "../../src/index.js";
import { clientFor } from "../support/client.js";
import { type RegistryServer, startRegistryServer } from "../support/registry-server.js";

let s: RegistryServer | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

const asset = {
  asset_id: "as_1",
  url: "https://files.example/as_1.png",
  mime_type: "image/png",
  size_bytes: 256,
};
const every = new Uint8Array(256).map((_, i) => i);

describe("assets.upload", () => {
  it.each([
    ["a Uint8Array", every],
    ["a Buffer", Buffer.from(every)],
    ["an ArrayBuffer", every.buffer],
    ["a Blob", new Blob([every], { type: "image/png" })],
    ["a File", new File([every], "face.png", { type: "image/png" })],
  ])("sends %s as the multipart field file, byte for byte", async (_, file) => {
    s = await startRegistryServer(() => ({ body: { data: asset } }));
    const opts = file instanceof Blob ? {} : { filename: "face.png", contentType: "image/png" };
    const got = await clientFor(s).assets.upload(file, opts);
    expect(got).toEqual(asset);
    const m = s.seen[0]!;
    expect(m.key).toBe("POST /v3/assets");
    expect(String(m.headers["content-type"])).toMatch(/^multipart\/form-data; boundary=/);
    const part = m.form?.get("file") as File;
    expect(part.type).toBe("image/png");
    expect(part.name).toBe(
      file instanceof File ? "face.png" : file instanceof Blob ? "upload" : "face.png",
    );
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(every);
  });

  it("refuses a file over 32 MB before sending anything", async () => {
    s = await startRegistryServer();
    const e = await clientFor(s)
      .assets.upload(new Uint8Array(MAX_UPLOAD_BYTES + 1))
      .catch((x) => x);
    expect(e).toBeInstanceOf(HeyGenValidationError);
    expect(e.message).toBe(
      "POST /v3/assets: file is 33554433 bytes, over HeyGen's limit of 33554432 (32 MB)",
    );
    expect(s.seen).toHaveLength(0);
  });

  it("runs under uploadTimeoutMs, not the JSON calls' timeoutMs", async () => {
    // the server answers after 50 ms: over the JSON timeout of 1 ms, far under the upload's
    s = await startRegistryServer(
      (m) =>
        new Promise((resolve) => setTimeout(() => resolve({ body: { data: { op: m.key } } }), 50)),
    );
    const heygen = clientFor(s, { timeoutMs: 1, uploadTimeoutMs: 60_000, maxRetries: 0 });
    expect(await heygen.assets.upload(every, { filename: "a.bin" })).toEqual({
      op: "POST /v3/assets",
    });
    expect(await heygen.users.me().catch((x) => x)).toBeInstanceOf(APITimeoutError);
    const hanging = await startRegistryServer(() => new Promise<undefined>(() => {}));
    try {
      const e = await clientFor(hanging, { uploadTimeoutMs: 20, maxRetries: 0 })
        .assets.upload(every)
        .catch((x) => x);
      expect(e).toBeInstanceOf(APITimeoutError);
      expect(e.message).toContain("timed out after 20 ms per attempt");
    } finally {
      await hanging.close();
    }
  });

  it("is not repeated on 5xx without a key, and resent whole with one", async () => {
    const fault = { status: 500, body: { error: { code: "internal_error", message: "Oops." } } };
    s = await startRegistryServer((_m, n) => (n === 0 ? fault : { body: { data: asset } }));
    const e = await clientFor(s)
      .assets.upload(every)
      .catch((x) => x);
    expect(e).toBeInstanceOf(InternalServerError);
    expect(s.seen).toHaveLength(1);
    await s.close();
    s = await startRegistryServer((_m, n) => (n === 0 ? fault : { body: { data: asset } }));
    await clientFor(s).assets.upload(every, { idempotencyKey: "upload-1" });
    expect(s.seen.map((m) => m.headers["idempotency-key"])).toEqual(["upload-1", "upload-1"]);
    for (const m of s.seen) {
      const part = m.form?.get("file") as File;
      expect(new Uint8Array(await part.arrayBuffer())).toEqual(every);
    }
  });
});
