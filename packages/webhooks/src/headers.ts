/**
 * Request headers as a receiver has them: a Fetch `Headers` object, or a plain record such as
 * Node's `IncomingHttpHeaders` (names in any case, values a string or a list of strings).
 */
export type WebhookHeaders =
  | { get(name: string): string | null }
  | Readonly<Record<string, string | readonly string[] | undefined>>;

/**
 * Every value of header `name` (lowercase), in order; empty when it is absent. A Fetch `Headers`
 * joins repeated values with ", ", so those come back as one value.
 */
export function headerValues(headers: WebhookHeaders, name: string): string[] {
  if (typeof (headers as { get?: unknown }).get === "function") {
    const value = (headers as { get(name: string): string | null }).get(name);
    return value === null ? [] : [value];
  }
  const out: string[] = [];
  const record = headers as Readonly<Record<string, string | readonly string[] | undefined>>;
  for (const key of Object.keys(record)) {
    if (key.toLowerCase() !== name) continue;
    const value = record[key];
    if (typeof value === "string") out.push(value);
    else if (Array.isArray(value)) {
      for (const item of value) if (typeof item === "string") out.push(item);
    }
  }
  return out;
}
