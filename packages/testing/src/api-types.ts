// The entity types the fake serves, as aliases of the generated ones (never copies).
export type {
  AvatarError,
  AvatarGroup,
  AvatarStatus,
  PhotoAvatarLook,
  StandardAPIError,
} from "@heygen-openapi/types";
