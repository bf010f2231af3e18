import { type APIPromise, apiPromise } from "./api-promise.js";
import { invalid } from "./errors.js";
import type { Redactor } from "./redact.js";

/** One page as the API sends it, plus `nextPage()`. */
export interface Page<T> {
  data: T[];
  has_more: boolean;
  next_token: string | null;
  /** Fetches the following page, or resolves `null` after the last one. */
  nextPage(): Promise<Page<T> | null>;
}

/**
 * What a list method returns: await it for the first page (or `.withResponse()`), or iterate it
 * with `for await` over every item of every page, one page in memory at a time.
 *
 * @example
 * for await (const group of heygen.avatarGroups.list({ limit: 50 })) console.log(group.id);
 */
export interface PagePromise<T> extends APIPromise<Page<T>>, AsyncIterable<T> {}

/** The raw page body; the list endpoint answers `{ data, has_more, next_token }`. */
export interface PageBody<T> {
  data: T[];
  has_more: boolean;
  next_token?: string | null | undefined;
}

/**
 * Pages through a token-paginated endpoint. A server that repeats a token, or says `has_more`
 * without a `next_token`, ends the walk with an InvalidResponseError on that page: each token is
 * requested at most once, so the number of requests is bounded by the distinct tokens seen.
 */
export function paginate<T>(
  op: string,
  fetchPage: (token: string | undefined) => Promise<{ data: PageBody<T>; response: Response }>,
  token: string | undefined,
  redact: Redactor,
): PagePromise<T> {
  // `seen` holds the tokens on the path to this page, so re-walking a list is not mistaken for a loop
  const load = (
    t: string | undefined,
    seen: Set<string | undefined>,
  ): Promise<{ data: Page<T>; response: Response }> =>
    fetchPage(t).then(({ data, response }) => {
      // the caller already checked that `data` is a list
      if (typeof data.has_more !== "boolean") {
        throw invalid(op, response, data, "without has_more", redact);
      }
      const next = data.next_token ?? null;
      if (data.has_more && (next === null || seen.has(next))) {
        throw invalid(
          op,
          response,
          data,
          `with has_more and ${next === null ? "no" : "a repeated"} next_token; stopped to avoid a loop`,
          redact,
        );
      }
      const page: Page<T> = {
        data: data.data,
        has_more: data.has_more,
        next_token: next,
        nextPage: () =>
          data.has_more
            ? load(next as string, new Set(seen).add(next as string)).then((r) => r.data)
            : Promise.resolve(null),
      };
      return { data: page, response };
    });
  const first = apiPromise(load(token, new Set([token])));
  return Object.assign(first, {
    async *[Symbol.asyncIterator]() {
      for (let page: Page<T> | null = await first; page; page = await page.nextPage()) {
        yield* page.data;
      }
    },
  });
}
