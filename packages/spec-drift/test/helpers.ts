import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { compareSpecs } from "../src/index.js";
import { runCli } from "../src/run-cli.js";
import type { Change, OpenAPIDocument } from "../src/types.js";

type Json = Record<string, unknown>;

/** A minimal OpenAPI document around `paths`. */
export function api(paths: Json, extra: Json = {}, version = "3.1.0"): OpenAPIDocument {
  return { openapi: version, info: { title: "fixture", version: "1.0.0" }, paths, ...extra };
}

/** `POST /things` whose JSON request body is `schema`. */
export function requestBody(schema: unknown, version = "3.1.0"): OpenAPIDocument {
  return api(
    {
      "/things": {
        post: {
          requestBody: { required: true, content: { "application/json": { schema } } },
          responses: { "204": { description: "created" } },
        },
      },
    },
    {},
    version,
  );
}

/** `GET /things/{id}` whose 200 JSON response is `schema`. */
export function responseBody(schema: unknown, version = "3.1.0"): OpenAPIDocument {
  return api(
    {
      "/things/{id}": {
        get: {
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: { "200": { description: "ok", content: { "application/json": { schema } } } },
        },
      },
    },
    {},
    version,
  );
}

/** `GET /things` with the given parameters. */
export function withParameters(parameters: unknown[]): OpenAPIDocument {
  return api({ "/things": { get: { parameters, responses: { "200": { description: "ok" } } } } });
}

/** An object schema with the given properties and required list. */
export function obj(properties: Json, required: string[] = [], extra: Json = {}): Json {
  return { type: "object", properties, ...(required.length ? { required } : {}), ...extra };
}

/** Runs `compareSpecs` and returns its changes. */
export async function changesOf(base: OpenAPIDocument, head: OpenAPIDocument): Promise<Change[]> {
  return (await compareSpecs(base, head)).changes;
}

/** `level id` strings, for compact assertions. */
export function summary(changes: readonly Change[]): string[] {
  return changes.map((c) => `${c.level} ${c.id}`);
}

/** The most severe level among `changes`. */
export function highest(changes: readonly Change[]): string {
  return changes.some((c) => c.level === "breaking")
    ? "breaking"
    : changes.some((c) => c.level === "warning")
      ? "warning"
      : changes.length
        ? "info"
        : "none";
}

/** The object at `keys` inside `value`, for editing fixture documents in place. */
export function at(value: unknown, ...keys: string[]): Record<string, unknown> {
  let current = value;
  for (const key of keys) current = (current as Record<string, unknown>)[key];
  if (typeof current !== "object" || current === null)
    throw new Error(`fixture has no object at ${keys.join(".")}`);
  return current as Record<string, unknown>;
}

/** Runs the CLI in process and collects what it printed and its exit code. */
export async function runCliCapturing(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
  });
  return { code, stdout, stderr };
}

/** A loopback port that was just listened on and closed: a connection to it is refused. */
export async function closedPort(): Promise<number> {
  const closed = createServer();
  closed.listen(0, "127.0.0.1");
  await once(closed, "listening");
  const port = (closed.address() as AddressInfo).port;
  closed.close();
  await once(closed, "close");
  return port;
}
