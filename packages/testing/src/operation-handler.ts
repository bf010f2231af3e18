import type {
  OperationKey,
  OperationTypes,
  PathParams,
  RequestBody,
  ResponseBody,
} from "@heygen-openapi/types";
import { errorBody, invalidParameter } from "./error-bodies.js";
import { loadMsw } from "./msw-handlers.js";
import type { FakeMswHandler } from "./msw-types.js";
import { matchRoute, ROUTE_BY_KEY } from "./routes.js";
import type { SpecValidator } from "./spec-validation.js";

/** What a handler of one operation gets: the request, checked against the operation's schema. */
export interface OperationRequestInfo<K extends OperationKey> {
  /** The path parameters, decoded. */
  params: PathParams<K>;
  /** The query string as sent (values are strings on the wire). */
  query: URLSearchParams;
  /** The JSON body (or the multipart form's fields and files), valid against the operation's schema. */
  body: RequestBody<K> | undefined;
  request: Request;
}

/** The shape every answer has, whatever the operation. */
interface AnyAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

type Statuses<K extends OperationKey> = keyof OperationTypes[K]["responses"] & number;

/** An answer of operation `K`: one of the statuses it declares, with that status's body type. */
export type OperationAnswer<K extends OperationKey> = {
  [S in Statuses<K>]: { status: S; body: ResponseBody<K, S>; headers?: Record<string, string> };
}[Statuses<K>];

/** A resolver for one operation, typed from the generated `paths`. */
export type OperationResolver<K extends OperationKey> = (
  info: OperationRequestInfo<K>,
) => OperationAnswer<K> | Promise<OperationAnswer<K>>;

/**
 * {@link OperationResolver} of `K`, written so that `K` is fixed by the key alone: the resolver's
 * answer is then checked against that operation's statuses with their literal types (as a plain
 * `OperationResolver<K>` parameter, TypeScript would widen `status: 200` to `number`).
 */
export type ResolverOf<K> = K extends OperationKey ? OperationResolver<K> : never;

/**
 * An msw handler for one operation at `baseUrl`, typed from `paths` (in the manner of
 * openapi-msw): the resolver gets the request checked against the operation's schema (a bad one
 * gets the fake's 400 and never reaches it) and must answer a declared status with its body
 * type; the answer is checked against the spec too, into `violations`.
 */
export function createOperationHandler<K extends OperationKey>(options: {
  key: K;
  resolve: ResolverOf<K>;
  baseUrl: string;
  validator: SpecValidator;
  violations: string[];
}): FakeMswHandler {
  const route = ROUTE_BY_KEY.get(options.key);
  if (!route)
    throw new TypeError(`fake.handler: "${String(options.key)}" is no operation of the registry`);
  const { http } = loadMsw();
  const path = route.path.replace(/\{([^}]+)\}/g, ":$1");
  const register = http[route.method.toLowerCase()];
  if (typeof register !== "function")
    throw new Error(`msw has no http.${route.method.toLowerCase()}`);
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { "content-type": "application/json", ...headers },
    });

  return register(`${options.baseUrl.replace(/\/+$/, "")}${path}`, async ({ request }) => {
    const url = new URL(request.url);
    const match = matchRoute(route.method, url.pathname);
    const params = match.kind === "matched" ? match.params : {};
    const query: Record<string, string | string[]> = {};
    for (const [name, value] of url.searchParams) {
      const seen = query[name];
      query[name] =
        seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
    }
    let body: unknown;
    let checked: unknown;
    const contentType = request.headers.get("content-type") ?? "";
    if (/^multipart\/form-data/i.test(contentType)) {
      const form = await request.formData();
      body = Object.fromEntries(form);
      checked = Object.fromEntries(
        [...form].map(([name, value]) => [name, typeof value === "string" ? value : "(binary)"]),
      );
    } else {
      const text = await request.text();
      if (text !== "") {
        try {
          body = JSON.parse(text);
        } catch {
          return json(
            400,
            errorBody(
              options.validator.errorShape(route),
              invalidParameter(null, "The request body is not valid JSON."),
            ),
          );
        }
      }
      checked = body;
    }
    const problem = options.validator.checkRequest(route, { params, query, body: checked });
    if (problem) {
      return json(
        400,
        errorBody(
          options.validator.errorShape(route),
          invalidParameter(problem.param, problem.message),
        ),
      );
    }
    // ResolverOf<K> is OperationResolver<K> for every K extends OperationKey; its answer is only
    // read here as the wider shape every answer has (and checked against the spec below).
    const resolve = options.resolve as unknown as (
      info: OperationRequestInfo<K>,
    ) => AnyAnswer | Promise<AnyAnswer>;
    const answer = await resolve({
      params: params as PathParams<K>,
      query: url.searchParams,
      body: body as RequestBody<K> | undefined,
      request,
    });
    const headers = { "content-type": "application/json", ...answer.headers };
    const check = options.validator.checkResponse(route, answer.status, headers, answer.body);
    for (const p of check.problems)
      options.violations.push(`${route.key} -> ${answer.status} (fake.handler): ${p}`);
    return json(answer.status, answer.body, answer.headers);
  });
}
