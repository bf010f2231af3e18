// The types of one operation, read from the registry's `OperationTypes` by its "METHOD /path" key
// (which points into the generated `paths`): nothing here restates a field.
import type {
  OperationDescriptor,
  OperationKey,
  PathParams,
  QueryParams,
  RequestBody,
  ResponseBody,
} from "@heygen-openapi/types";

/** A registry descriptor of the operation `K` (e.g. `getVideoV3` for `"GET /v3/videos/{video_id}"`). */
export type Descriptor<K extends OperationKey> = OperationDescriptor & { readonly key: K };

/** The `data` of an operation's 200 body: what a resource method resolves to. */
export type Data<K extends OperationKey> = ResponseBody<K> extends { data?: infer D } ? D : never;

/** One item of a cursor list's `data`. */
export type Item<K extends OperationKey> = Data<K> extends readonly (infer T)[] ? T : never;

/** The query of an operation, as the generated types declare it. */
export type Query<K extends OperationKey> = QueryParams<K>;

/** The JSON body of an operation, as the generated types declare it. */
export type Body<K extends OperationKey> = RequestBody<K>;

/**
 * What one call of operation `K` sends, typed by the generated operation: a path parameter, a
 * query field or a body field the spec does not define fails to compile.
 */
export interface CallInit<K extends OperationKey> {
  path?: PathParams<K> | undefined;
  query?: QueryParams<K> | undefined;
  body?: RequestBody<K> | undefined;
}
