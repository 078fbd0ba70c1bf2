/** SMTP settings for emailing security codes. */
export interface SmtpOptions {
  host: string;
  port: number;
  /**
   * Use TLS from the start (implicit TLS, usually port 465). Default: `false`: the connection
   * must be upgraded with STARTTLS, and mail is not sent when the server does not offer it.
   */
  secure?: boolean;
  /**
   * Send without TLS, for a relay on this machine only (`localhost`, `127.0.0.0/8`, `::1`): any
   * other host is refused at start. Default: `false` (TLS required).
   */
  insecureLocalhost?: boolean;
  user?: string;
  password?: string;
  /** Sender address. */
  from: string;
}
