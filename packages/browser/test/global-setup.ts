import { closeBackend } from "./service-commands.js";

/** Closes the service the browser commands started, so the run can exit. */
export default function setup(): () => Promise<void> {
  return closeBackend;
}
