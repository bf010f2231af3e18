import type { OperationKey } from "@heygen-openapi/types";
import { type APIPromise, apiPromise } from "./api-promise.js";
import { HeyGenValidationError, invalid, toAPIError } from "./errors.js";
import type { CallInit, Data, Descriptor, Item } from "./operation-types.js";
import { type Config, checkRequestOptions, type RequestOptions } from "./options.js";
import { type PageBody, type PagePromise, paginate } from "./pagination.js";
import { urlFor } from "./path.js";
import type { Redactor } from "./redact.js";
import { type Answer, type CallKind, type Outgoing, send } from "./transport.js";

/**
 * What a call sends, or a function giving it: a resource that checks its arguments passes a
 * function, so that a bad argument rejects the returned promise instead of throwing.
 */
export type Init<K extends OperationKey> = CallInit<K> | (() => CallInit<K>);

const initOf = <K extends OperationKey>(init: Init<K>): CallInit<K> =>
  typeof init === "function" ? init() : init;

/** What the data of a call must be, checked before it is handed over as the spec's type. */
export type DataShape = "object" | "list" | "optional";

/**
 * The one pipeline every call runs through, resources and raw clients alike. Resources call it
 * with a registry descriptor, so the path, parameters, body and result are those of the
 * generated operation; the raw clients hand it the requests openapi-fetch builds.
 */
export interface Core {
  /** One call of a registry operation; resolves to the body's `data`, typed by the spec. */
  call<K extends OperationKey>(
    op: Descriptor<K>,
    init: Init<K>,
    options?: RequestOptions,
    shape?: DataShape,
  ): APIPromise<Data<K>>;
  /** A cursor list (the registry's `pagination`): awaitable first page, `for await` over items. */
  list<K extends OperationKey>(
    op: Descriptor<K>,
    init: Init<K>,
    options?: RequestOptions,
  ): PagePromise<Item<K>>;
  /** A multipart call (uploads): `form` is sent as `multipart/form-data` under the upload timeout. */
  upload<K extends OperationKey>(
    op: Descriptor<K>,
    form: () => FormData,
    options?: RequestOptions,
  ): APIPromise<Data<K>>;
  /** The transport, for the raw clients: the same auth, retries, timeouts, redirects and hooks. */
  send(req: Outgoing, options?: RequestOptions): Promise<Answer>;
  /** Scrubs the client's secrets from text the client writes (errors it builds). */
  redact: Redactor;
}

/** JSON text of a request body; a BigInt or a cycle is a validation error, not a raw TypeError. */
function json(op: string, body: unknown): string {
  try {
    return JSON.stringify(body);
  } catch {
    throw new HeyGenValidationError(`${op}: the body cannot be serialized as JSON`);
  }
}

const fits = (d: unknown, shape: DataShape | "page") =>
  shape === "page" || shape === "list"
    ? Array.isArray(d)
    : (d !== null && typeof d === "object" && !Array.isArray(d)) ||
      (shape === "optional" && d === undefined);

/** Builds the core over the client's validated settings. */
export function createCore(cfg: Config): Core {
  const { redact } = cfg;
  /**
   * Sends one call and checks the answer: an HTTP error, a v2 envelope whose `error` is not null
   * (even with HTTP 200) or data of the wrong shape becomes a typed error. `unwrap` gives the
   * body's `data` (or the whole page body).
   */
  const run = async (
    op: string,
    build: () => Outgoing,
    options: RequestOptions | undefined,
    shape: DataShape | "page",
  ) => {
    const req = build();
    const answer = await send(cfg, req, checkRequestOptions(options));
    const { response, body, attempts } = answer;
    const b = body as { error?: unknown; data?: unknown } | undefined;
    if (!response.ok || b?.error != null) throw toAPIError(op, response, body, redact, attempts);
    const d = b?.data;
    if (!fits(d, shape)) {
      const what = shape === "page" || shape === "list" ? "list" : "object";
      throw invalid(op, response, body, `without a data ${what}`, redact);
    }
    return { whole: b as object, data: d, response };
  };
  const outgoing = (
    op: Descriptor<OperationKey>,
    init: { path?: object | undefined; query?: object | undefined; body?: unknown },
    kind?: CallKind,
  ): Outgoing => {
    const body = init.body === undefined ? undefined : json(op.key, init.body);
    return {
      op: op.key,
      method: op.method,
      url: urlFor(cfg.base, op.key, op.path, init.path, init.query),
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body,
      kind,
    };
  };
  return {
    redact,
    send: (req, options) => send(cfg, req, options),
    // The one point where parsed JSON becomes the spec's type: its shape was checked above, and
    // its fields are the server's, as the spec documents them (as openapi-fetch hands them over).
    call: <K extends OperationKey>(
      op: Descriptor<K>,
      init: Init<K>,
      options?: RequestOptions,
      shape: DataShape = "object",
    ) =>
      apiPromise<Data<K>>(
        run(op.key, () => outgoing(op, initOf(init)), options, shape).then((r) => ({
          data: r.data as Data<K>,
          response: r.response,
        })),
      ),
    list: <K extends OperationKey>(op: Descriptor<K>, init: Init<K>, options?: RequestOptions) => {
      let first: CallInit<K> | undefined;
      const once = () => {
        first ??= initOf(init);
        return first;
      };
      return paginate<Item<K>>(
        op.key,
        (token) =>
          run(
            op.key,
            () => {
              const i = once();
              const query: object | undefined = i.query;
              // the first page is the caller's query as given (its own token included)
              return outgoing(op, {
                path: i.path,
                query: token === undefined ? query : { ...query, token },
              });
            },
            options,
            "page",
          ).then((r) => ({ data: r.whole as PageBody<Item<K>>, response: r.response })),
        undefined,
        redact,
      );
    },
    upload: <K extends OperationKey>(
      op: Descriptor<K>,
      form: () => FormData,
      options?: RequestOptions,
    ) =>
      apiPromise<Data<K>>(
        run(
          op.key,
          () => ({
            op: op.key,
            method: op.method,
            url: urlFor(cfg.base, op.key, op.path, undefined, undefined),
            body: form(),
            kind: "upload",
          }),
          options,
          "object",
        ).then((r) => ({ data: r.data as Data<K>, response: r.response })),
      ),
  };
}
