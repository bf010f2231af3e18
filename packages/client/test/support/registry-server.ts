// A node:http server on 127.0.0.1 that routes every request by the operation registry (the
// operation's method and path template, as the fake does), records what each call sent, and
// answers it with what the test scripts per operation. Until the fake answers every operation,
// the resources' behaviour tests run against it.
import { type OperationKey, operations } from "@heygen-openapi/types";
import { json, startServer, type TestServer } from "./server.js";

/** One request as the server matched it. */
export interface Matched {
  key: OperationKey | undefined;
  path: Record<string, string>;
  query: Record<string, string[]>;
  headers: Record<string, string | string[] | undefined>;
  /** The JSON body, parsed; the raw text when it is not JSON. */
  body: unknown;
  /** The multipart parts, when the request was multipart/form-data. */
  form?: FormData | undefined;
}

/** What the server answers for one matched call: status and JSON body. */
export type Script = (m: Matched, n: number) => Answer | undefined | Promise<Answer | undefined>;

/** One scripted answer. */
export interface Answer {
  status?: number;
  body: unknown;
}

// literal segments win over parameters (`/v3/avatars/looks` is not the group `looks`)
const routes = Object.values(operations)
  .map((op) => ({
    key: op.key,
    method: op.method,
    names: op.pathParams,
    pattern: new RegExp(`^${op.path.replace(/\{\w+\}/g, "([^/]+)")}$`),
  }))
  .sort((a, b) => a.names.length - b.names.length);

/** Matches a method and a request path against the registry. */
export function match(method: string, pathname: string) {
  for (const r of routes) {
    if (r.method !== method) continue;
    const m = r.pattern.exec(pathname);
    if (!m) continue;
    const path: Record<string, string> = {};
    r.names.forEach((n, i) => {
      path[n] = decodeURIComponent(m[i + 1] ?? "");
    });
    return { key: r.key, path };
  }
  return undefined;
}

/** A registry-routed server; `seen` lists every matched call in order. */
export interface RegistryServer extends TestServer {
  seen: Matched[];
}

/**
 * Starts the server. `script` decides each answer; by default an operation answers 200 with
 * `{ data: { op } }`, and a cursor list one page `{ data: [{ op }], has_more: false }`.
 */
export async function startRegistryServer(
  script: Script = () => undefined,
): Promise<RegistryServer> {
  const seen: Matched[] = [];
  const server = await startServer(async (req, res, _n, raw) => {
    const url = new URL(req.url, "http://127.0.0.1");
    const hit = match(req.method, url.pathname);
    const query: Record<string, string[]> = {};
    for (const [k, v] of url.searchParams) {
      query[k] ??= [];
      query[k].push(v);
    }
    const type = String(raw.headers["content-type"] ?? "");
    let body: unknown = req.body;
    let form: FormData | undefined;
    if (type.startsWith("multipart/form-data")) {
      form = await new Response(new Uint8Array(req.bytes), {
        headers: { "content-type": type },
      }).formData();
      body = undefined;
    } else if (req.body) {
      try {
        body = JSON.parse(req.body);
      } catch {}
    }
    const m: Matched = {
      key: hit?.key,
      path: hit?.path ?? {},
      query,
      headers: req.headers,
      body,
      form,
    };
    const n = seen.filter((s) => s.key === m.key).length;
    seen.push(m);
    if (!hit) return json(res, 404, { error: { code: "no_route", message: req.url } });
    const answer = await script(m, n);
    if (answer) return json(res, answer.status ?? 200, answer.body);
    const op = operations[hit.key];
    json(
      res,
      200,
      op.pagination
        ? { data: [{ op: hit.key }], has_more: false, next_token: null }
        : { data: { op: hit.key } },
    );
  });
  return Object.assign(server, { seen });
}
