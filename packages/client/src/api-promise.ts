/** A result together with the HTTP answer it came from. */
export interface WithResponse<T> {
  data: T;
  /** The final response (after retries and redirects): status and headers; its body was read. */
  response: Response;
  /** The `x-request-id` header, to quote when contacting HeyGen support. */
  requestId: string | undefined;
}

/**
 * The promise every method returns: awaiting it gives the unwrapped result, and `.withResponse()`
 * gives the same result with the raw `Response` and the request id.
 *
 * @example
 * const { data, requestId } = await heygen.photoAvatars.get(id).withResponse();
 */
export interface APIPromise<T> extends Promise<T> {
  withResponse(): Promise<WithResponse<T>>;
}

/** Wraps a call that resolves to data plus response into an {@link APIPromise}. */
export function apiPromise<T>(run: Promise<{ data: T; response: Response }>): APIPromise<T> {
  const data = run.then((r) => r.data);
  // built only when asked for: most callers never look at the response, and every call paid
  // for a header lookup and one more promise hop
  let full: Promise<WithResponse<T>> | undefined;
  // a caller that only uses withResponse() handles `full`; the unused data branch must not
  // report its rejection as unhandled
  return Object.assign(data, {
    withResponse: () => {
      data.catch(() => {});
      full ??= run.then(({ data, response }) => ({
        data,
        response,
        requestId: response.headers.get("x-request-id") ?? undefined,
      }));
      return full;
    },
  });
}
