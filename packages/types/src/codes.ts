import * as z from "zod/mini";
import { CODE_PURPOSES, CODE_TYPES } from "./core/codes.js";

// `@__PURE__` lets bundlers drop the schemas (and zod) when only the constants, guards or
// `normalizeCode` of `./core` are used, as in the browser SDK.
/** Schema of a {@link CodeType}. */
export const codeTypeSchema = /* @__PURE__ */ z.enum(CODE_TYPES);

/** Schema of a {@link CodePurpose}. */
export const codePurposeSchema = /* @__PURE__ */ z.enum(CODE_PURPOSES);
