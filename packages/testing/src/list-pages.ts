/** One page of a cursor list, in HeyGen's v3 shape. */
export interface ListPage<T> {
  data: T[];
  has_more: boolean;
  next_token: string | null;
}

/** A token that does not belong to this listing. */
export class BadPageToken extends Error {}

/**
 * The page after `token` of `items` (already in listing order, each with a unique `seq` that
 * rises with creation), `limit` long. Tokens are opaque base64url JSON naming the last item's
 * `seq` and the listing (`scope`: operation and filters), so items added or removed between pages
 * never make the rest repeat or skip one that was there. Throws {@link BadPageToken}.
 */
export function pageOf<T>(
  items: readonly { seq: number; value: T }[],
  token: string | undefined,
  limit: number,
  scope: string,
): ListPage<T> {
  let start = 0;
  if (token !== undefined) {
    const after = decode(token, scope);
    // Newest first: the rest are those with a lower seq.
    start = items.findIndex((item) => item.seq < after);
    if (start < 0) start = items.length;
  }
  const slice = items.slice(start, start + limit);
  const hasMore = start + limit < items.length;
  const last = slice.at(-1);
  return {
    data: slice.map((item) => item.value),
    has_more: hasMore,
    next_token:
      hasMore && last
        ? Buffer.from(JSON.stringify({ after: last.seq, scope }), "utf8").toString("base64url")
        : null,
  };
}

function decode(token: string, scope: string): number {
  if (!/^[A-Za-z0-9_-]+$/.test(token))
    throw new BadPageToken("token is not a valid page token; pass next_token unchanged.");
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    throw new BadPageToken("token is not a valid page token; pass next_token unchanged.");
  }
  const { after, scope: tokenScope } = (value ?? {}) as { after?: unknown; scope?: unknown };
  if (typeof after !== "number")
    throw new BadPageToken("token is not a valid page token; pass next_token unchanged.");
  if (tokenScope !== scope) {
    throw new BadPageToken(
      "token belongs to another listing (other filters); keep the query the same across pages.",
    );
  }
  return after;
}
