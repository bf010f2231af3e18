/** A reference to an asset in a request body that the fake does not have. */
export interface UnknownAssetRef {
  /** The field, e.g. `video.asset_id` or `audio_asset_id`. */
  param: string;
  assetId: string;
}

/**
 * Finds the first asset id in a JSON body that `exists` rejects: any `{ type: "asset_id",
 * asset_id }` object (HeyGen's way of pointing at an upload) and any `*_asset_id` string field.
 */
export function findUnknownAsset(
  body: unknown,
  exists: (id: string) => boolean,
  path: string[] = [],
): UnknownAssetRef | undefined {
  if (Array.isArray(body)) {
    for (let i = 0; i < body.length; i++) {
      const found = findUnknownAsset(body[i], exists, [...path, String(i)]);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof body !== "object" || body === null) return undefined;
  const record = body as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    const isRef =
      typeof value === "string" &&
      ((key === "asset_id" && record.type === "asset_id") || key.endsWith("_asset_id"));
    if (isRef && !exists(value)) return { param: [...path, key].join("."), assetId: value };
    const found = findUnknownAsset(value, exists, [...path, key]);
    if (found) return found;
  }
  return undefined;
}
