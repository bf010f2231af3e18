import type { AvatarGroup } from "./api-types.js";

/**
 * What an opaque `next_token` carries: the sort key of the last group served and the filter it
 * was served under. Keyset, not offset, so groups added or removed between pages neither repeat
 * nor disappear from the rest of the listing.
 */
export interface Cursor {
  lastId: string;
  lastCreatedAt: number;
  ownership: string | null;
}

/** One page of a keyset listing. */
export interface Page<T> {
  items: T[];
  hasMore: boolean;
  nextToken: string | null;
}

/** Encodes a cursor as HeyGen-style base64url JSON (`{"last_id": ...}`). */
export function encodeCursor(cursor: Cursor): string {
  const json = JSON.stringify({
    last_id: cursor.lastId,
    last_created_at: cursor.lastCreatedAt,
    ownership: cursor.ownership,
  });
  return Buffer.from(json, "utf8").toString("base64url");
}

/** Decodes a token made by {@link encodeCursor}; undefined when it is not one. */
export function decodeCursor(token: string): Cursor | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  const { last_id, last_created_at, ownership } = value as Record<string, unknown>;
  if (typeof last_id !== "string" || typeof last_created_at !== "number") return undefined;
  if (ownership !== null && typeof ownership !== "string") return undefined;
  return { lastId: last_id, lastCreatedAt: last_created_at, ownership };
}

/**
 * Takes the page after `cursor` from `sorted` (newest first, ties by id descending), `limit`
 * items long. Finds the cursor's place by binary search, so a page costs O(log n + limit).
 */
export function pageAfter<T extends Pick<AvatarGroup, "id" | "created_at">>(
  sorted: readonly T[],
  cursor: Cursor | undefined,
  limit: number,
  ownership: string | null,
): Page<T> {
  const start = cursor ? firstAfter(sorted, cursor) : 0;
  const items = sorted.slice(start, start + limit);
  const hasMore = start + limit < sorted.length;
  const last = items.at(-1);
  return {
    items,
    hasMore,
    nextToken:
      hasMore && last
        ? encodeCursor({ lastId: last.id, lastCreatedAt: last.created_at, ownership })
        : null,
  };
}

/** The index of the first item that sorts after the cursor's key (the cursor's item may be gone). */
function firstAfter(
  sorted: readonly Pick<AvatarGroup, "id" | "created_at">[],
  cursor: Cursor,
): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const g = sorted[mid]!;
    const after =
      g.created_at < cursor.lastCreatedAt ||
      (g.created_at === cursor.lastCreatedAt && g.id < cursor.lastId);
    if (after) high = mid;
    else low = mid + 1;
  }
  return low;
}
