import * as z from "zod/mini";
import { SCOPES } from "./core/scopes.js";

/** Schema of a {@link Scope}: one of {@link SCOPES}. */
export const scopeSchema = /* @__PURE__ */ z.enum(SCOPES);
