export { CODE_SPACE, generateCode, LONG_CODE_ALPHABET } from "./codes/generate-code.js";
