/** True for plain (non-array) objects. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** JSON text with object keys sorted, so equal values give equal strings; cycles become `"[cycle]"`. */
export function stableStringify(value: unknown): string {
  const seen = new Set<object>();
  const walk = (v: unknown): string => {
    if (v === null || typeof v !== "object") return JSON.stringify(v) ?? "null";
    if (seen.has(v)) return '"[cycle]"';
    seen.add(v);
    const out = Array.isArray(v)
      ? `[${v.map(walk).join(",")}]`
      : `{${Object.keys(v)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${walk((v as Record<string, unknown>)[k])}`)
          .join(",")}}`;
    seen.delete(v);
    return out;
  };
  return walk(value);
}

/** Short, readable rendering of a JSON value for messages. */
export function show(value: unknown): string {
  const text = typeof value === "string" ? JSON.stringify(value) : stableStringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
