import { describe, expectTypeOf, test } from "vitest";
import type {
  AddLooksRequest,
  AddLooksResponse,
  AvatarGroup,
  AvatarStatus,
  GetAvatarGroupResponse,
  Lipsync,
  ListAvatarGroupsQuery,
  ListAvatarGroupsResponse,
  ListLooksResponse,
  OperationKey,
  OperationTypes,
  PhotoAvatarLook,
  PhotoAvatarLookResponse,
  RequestBody,
  ResponseBody,
  ResponseData,
  StandardAPIError,
  V2Error,
  V3ErrorResponse,
  Video,
} from "../src/index.js";
import { getVideoV3, operations } from "../src/index.js";
import type { components as V2Components, paths as V2Paths } from "../src/v2.js";
import type { components as V3Components, paths as V3Paths } from "../src/v3.js";

describe("aliases are the generated types, not copies", () => {
  test("v2 and v3 component aliases", () => {
    expectTypeOf<PhotoAvatarLook>().toEqualTypeOf<V2Components["schemas"]["PhotoAvatarLook"]>();
    expectTypeOf<AvatarGroup>().toEqualTypeOf<V3Components["schemas"]["AvatarGroupItem"]>();
    expectTypeOf<StandardAPIError>().toEqualTypeOf<V3Components["schemas"]["StandardAPIError"]>();
  });
});

describe("GET /v2/photo_avatar/{id}", () => {
  type Op = V2Paths["/v2/photo_avatar/{id}"]["get"];
  test("takes the id as a required path parameter", () => {
    expectTypeOf<Op["parameters"]["path"]>().toEqualTypeOf<{ id: string }>();
  });
  test("answers the v2 envelope around one look", () => {
    expectTypeOf<PhotoAvatarLookResponse["data"]>().toEqualTypeOf<PhotoAvatarLook>();
    expectTypeOf<PhotoAvatarLookResponse["error"]>().toEqualTypeOf<V2Error>();
  });
  test("created_at is a number (examples carry float timestamps)", () => {
    expectTypeOf<PhotoAvatarLook["created_at"]>().toEqualTypeOf<number>();
  });
  test("fields the examples show as null include null and are not optional", () => {
    expectTypeOf<PhotoAvatarLook["motion_preview_url"]>().toEqualTypeOf<string | null>();
    expectTypeOf<PhotoAvatarLook["business_type"]>().toEqualTypeOf<string | null>();
    expectTypeOf<PhotoAvatarLook["default_voice_id"]>().toEqualTypeOf<string | null>();
    expectTypeOf<PhotoAvatarLook["moderation_msg"]>().toEqualTypeOf<string | null>();
    expectTypeOf<PhotoAvatarLook["background_sound_effect"]>().toExtend<object | string | null>();
    expectTypeOf<null>().toExtend<PhotoAvatarLook["background_sound_effect"]>();
    // @ts-expect-error required fields are not optional
    const partial: PhotoAvatarLook = { id: "x" };
    void partial;
  });
  test("the v2 error may be a string, an object or null", () => {
    expectTypeOf<string>().toExtend<V2Error>();
    expectTypeOf<null>().toExtend<V2Error>();
    expectTypeOf<{ code: number; message: string }>().toExtend<V2Error>();
  });
});

describe("POST /v2/photo_avatar/avatar_group/add", () => {
  test("group_id, image_keys and name are required; generation_id optional", () => {
    expectTypeOf<AddLooksRequest>().toEqualTypeOf<{
      group_id: string;
      image_keys: string[];
      name: string;
      generation_id?: string;
    }>();
    // @ts-expect-error name is required
    const missingName: AddLooksRequest = { group_id: "g", image_keys: ["k"] };
    void missingName;
  });
  test("answers every created look", () => {
    expectTypeOf<AddLooksResponse["data"]["photo_avatar_list"]>().toEqualTypeOf<
      PhotoAvatarLook[]
    >();
  });
});

describe("GET /v2/avatar_group/{group_id}/avatars", () => {
  type Op = V2Paths["/v2/avatar_group/{group_id}/avatars"]["get"];
  test("takes group_id in the path and lists looks", () => {
    expectTypeOf<Op["parameters"]["path"]>().toEqualTypeOf<{ group_id: string }>();
    expectTypeOf<ListLooksResponse["data"]["avatar_list"]>().toEqualTypeOf<PhotoAvatarLook[]>();
  });
});

describe("GET /v3/avatars", () => {
  test("ownership accepts only 'public' | 'private'", () => {
    expectTypeOf<ListAvatarGroupsQuery["ownership"]>().toEqualTypeOf<
      "public" | "private" | undefined
    >();
    // @ts-expect-error unknown ownership value
    const bad: ListAvatarGroupsQuery = { ownership: "all" };
    void bad;
  });
  test("limit and token are optional", () => {
    expectTypeOf<Record<never, never>>().toExtend<ListAvatarGroupsQuery>();
    expectTypeOf<ListAvatarGroupsQuery["limit"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<ListAvatarGroupsQuery["token"]>().toEqualTypeOf<string | undefined>();
  });
  test("a page carries data, has_more and a nullable next_token, all required", () => {
    expectTypeOf<ListAvatarGroupsResponse>().toEqualTypeOf<{
      data: AvatarGroup[];
      has_more: boolean;
      next_token: string | null;
    }>();
  });
  test("429 declares Retry-After", () => {
    type R429 = V3Paths["/v3/avatars"]["get"]["responses"][429];
    expectTypeOf<R429["headers"]["Retry-After"]>().toEqualTypeOf<number | undefined>();
  });
});

describe("GET /v3/avatars/{group_id}", () => {
  test("success always carries data", () => {
    expectTypeOf<GetAvatarGroupResponse>().toEqualTypeOf<{ data: AvatarGroup }>();
  });
  test("errors always carry a StandardAPIError", () => {
    expectTypeOf<V3ErrorResponse>().toEqualTypeOf<{ error: StandardAPIError }>();
    expectTypeOf<StandardAPIError["param"]>().toEqualTypeOf<string | null | undefined>();
  });
  test("an avatar group's required and nullable fields", () => {
    expectTypeOf<AvatarGroup["id"]>().toEqualTypeOf<string>();
    expectTypeOf<AvatarGroup["created_at"]>().toEqualTypeOf<number>();
    expectTypeOf<AvatarGroup["looks_count"]>().toEqualTypeOf<number>();
    expectTypeOf<AvatarGroup["gender"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<AvatarGroup["status"]>().toEqualTypeOf<AvatarStatus | null | undefined>();
    expectTypeOf<AvatarStatus>().toEqualTypeOf<
      "processing" | "pending_consent" | "failed" | "completed"
    >();
  });
});

describe("the registry's types point into the generated paths", () => {
  test("OperationTypes has exactly the registry's keys", () => {
    expectTypeOf<keyof OperationTypes>().toEqualTypeOf<OperationKey>();
    expectTypeOf<OperationTypes["GET /v3/videos/{video_id}"]>().toEqualTypeOf<
      V3Paths["/v3/videos/{video_id}"]["get"]
    >();
  });
  test("descriptors keep their literal types", () => {
    expectTypeOf(getVideoV3.pathParams).toEqualTypeOf<readonly ["video_id"]>();
    expectTypeOf(operations["GET /v3/videos"].pagination.items).toEqualTypeOf<"data">();
  });
  test("entity aliases are the component schemas", () => {
    expectTypeOf<Video>().toEqualTypeOf<V3Components["schemas"]["VideoDetail"]>();
    expectTypeOf<Lipsync>().toEqualTypeOf<V3Components["schemas"]["LipsyncDetail"]>();
    expectTypeOf<ResponseData<"GET /v3/videos/{video_id}">>().toEqualTypeOf<Video>();
  });
});

describe("honest types at the scale of the published API", () => {
  test("a video may be waiting (create-video answers it; the correction adds it)", () => {
    expectTypeOf<"waiting">().toExtend<Video["status"]>();
  });
  test("fields with a default stay optional: a create-video body needs only type, avatar_id", () => {
    const body: RequestBody<"POST /v3/videos"> = { type: "avatar", avatar_id: "lk_1" };
    void body;
  });
  test("the multipart upload takes a Blob", () => {
    expectTypeOf<RequestBody<"POST /v3/assets">>().toEqualTypeOf<{ file: Blob }>();
  });
  test("results are data, required by the corrections", () => {
    expectTypeOf<ResponseBody<"GET /v3/videos">["has_more"]>().toEqualTypeOf<boolean>();
    expectTypeOf<ResponseBody<"GET /v3/videos">["data"]>().toEqualTypeOf<Video[]>();
  });
  test("error bodies carry error", () => {
    expectTypeOf<
      ResponseBody<"GET /v3/videos/{video_id}", 404>["error"]
    >().toEqualTypeOf<StandardAPIError>();
  });
});
