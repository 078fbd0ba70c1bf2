/**
 * Approve → token latency of an RFC 8628 device flow: the device polls the token endpoint every
 * `intervalSeconds` (sleeping the interval before each poll, as RFC 8628 §3.5 has it), the
 * approver approves at a uniformly random moment within the first interval, and the figure is the
 * time from the approval's last request returning to the device holding its tokens (0 when the
 * tokens came first). Samples run concurrently (the cost is waiting, not work), each with its own
 * approver.
 */
import { type Summary, summarize } from "../stats.ts";
import type { DeviceFlowPeer } from "./device-flow-peer.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls before a sample gives up: approval lands within the first interval, so 3 are plenty. */
const MAX_POLLS = 3;

/** Approve → token latencies at one polling interval. */
export interface ApproveToToken {
  /** The interval the device polled at, s. */
  intervalSeconds: number;
  /** Whether the peer advertised it (false: RFC 8628's default of 5 s, or the bench's choice). */
  advertised: boolean;
  latencyMs: Summary;
}

/**
 * Takes `samples` approve → token latencies (ms) on `peer`, polling every `interval` seconds or at
 * the interval the device authorization response gives (`"advertised"`), with approvers
 * `firstApprover` … `firstApprover + samples - 1` (signed in beforehand).
 *
 * @example
 * const { latencyMs } = await approveToToken(peer, "advertised", 10, 0);
 */
export async function approveToToken(
  peer: DeviceFlowPeer,
  interval: number | "advertised",
  samples: number,
  firstApprover: number,
): Promise<ApproveToToken> {
  let intervalSeconds = typeof interval === "number" ? interval : 5;
  let advertised = false;
  const latencies = await Promise.all(
    Array.from({ length: samples }, async (_, i) => {
      const device = await peer.authorizeDevice();
      if (interval === "advertised") {
        intervalSeconds = device.intervalSeconds;
        advertised = device.intervalAdvertised;
      }
      const intervalMs = intervalSeconds * 1000;
      let approvedAt = 0;
      // Settles to the approval's error, if any, so a failed approval never goes unhandled.
      const approval = sleep(Math.random() * intervalMs)
        .then(() => peer.approve(firstApprover + i, device.userCode))
        .then(
          () => {
            approvedAt = performance.now();
            return undefined;
          },
          (error: unknown) => error ?? new Error("approval failed"),
        );
      let receivedAt = 0;
      for (let poll = 1; receivedAt === 0; poll++) {
        if (poll > MAX_POLLS) break;
        await sleep(intervalMs);
        if (await peer.redeem(device.deviceCode)) receivedAt = performance.now();
      }
      const failure = await approval;
      if (failure !== undefined) throw failure;
      if (receivedAt === 0) throw new Error(`${peer.name}: no token after ${MAX_POLLS} polls`);
      return Math.max(0, receivedAt - approvedAt);
    }),
  );
  return { intervalSeconds, advertised, latencyMs: summarize(latencies) };
}
