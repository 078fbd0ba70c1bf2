import type * as z from "zod/mini";
import type { SERVICE_ERROR_CODES } from "../src/index.js";

/** What the OpenAPI document says about one endpoint beyond its row in `ENDPOINTS`. */
export interface Operation {
  summary: string;
  /** Query parameters, each required, by name. */
  query?: Record<string, z.ZodMiniType>;
  request?: z.ZodMiniType;
  response: z.ZodMiniType | { contentType: string; description: string };
  errors: readonly (keyof typeof SERVICE_ERROR_CODES)[];
}

/** The errors of every endpoint that needs a service token. */
export const tokenErrors = ["missing_token", "invalid_token", "forbidden"] as const;
/** The errors of every endpoint that reads a JSON body. */
export const bodyErrors = ["invalid_request", "unsupported_media_type", "payload_too_large"] as const;
