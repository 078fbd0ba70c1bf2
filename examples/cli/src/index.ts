export type { SignedIn, SignInOptions } from "./sign-in.ts";
export { signIn } from "./sign-in.ts";
