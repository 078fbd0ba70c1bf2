export type { PrivateKeyInput } from "./tokens/import-private-key.js";
export { importPrivateKey } from "./tokens/import-private-key.js";
export type { ServiceTokenOptions } from "./tokens/sign-service-token.js";
export { signServiceToken } from "./tokens/sign-service-token.js";
