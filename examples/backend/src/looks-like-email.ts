/** Usernames a code can be mailed to. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Whether a username can receive mail (a loose check: the mailbox is the real test).
 *
 * @example
 * looksLikeEmail("ada@example.com"); // true
 */
export function looksLikeEmail(username: string): boolean {
  return EMAIL.test(username);
}
