import type { ReceivedMail } from "./received-mail.ts";

/** How often the page reloads itself, in seconds. */
const REFRESH_SECONDS = 3;

const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => escapes[char] ?? char);
}

/**
 * The inbox page: every mail, newest first, reloading itself every few seconds. Mail content is
 * escaped, and the page is served with a CSP that allows no script at all.
 *
 * @example
 * response.end(renderInboxPage(mails));
 */
export function renderInboxPage(mails: readonly ReceivedMail[]): string {
  const items = mails
    .map(
      (mail) => `<article>
  <h2>${escapeHtml(mail.subject)}</h2>
  <p class="meta">To <strong>${escapeHtml(mail.to.join(", "))}</strong> from ${escapeHtml(mail.from)},
    <time datetime="${escapeHtml(mail.receivedAt)}">${escapeHtml(new Date(mail.receivedAt).toLocaleString())}</time></p>
  <pre>${escapeHtml(mail.text)}</pre>
</article>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${REFRESH_SECONDS}">
<title>Dev inbox (${mails.length})</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 44rem; margin: 2rem auto; padding: 0 1rem; color: #1f2328; }
  article { border: 1px solid #d0d7de; border-radius: 8px; padding: 0 1rem; margin: 1rem 0; }
  h2 { font-size: 1.1rem; margin: .8rem 0 .2rem; }
  .meta { color: #57606a; margin: 0; font-size: .9rem; }
  pre { white-space: pre-wrap; font-size: 1rem; background: #f6f8fa; padding: .6rem; border-radius: 6px; }
</style>
</head>
<body>
<h1>Dev inbox</h1>
<p>Mail sent to the local SMTP server, newest first. This page reloads every ${REFRESH_SECONDS} seconds.</p>
${items || "<p><em>No mail yet.</em></p>"}
</body>
</html>`;
}
