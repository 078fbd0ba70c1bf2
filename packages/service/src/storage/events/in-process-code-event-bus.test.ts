import { describe, expect, it } from "vitest";
import type { SharedCodeEvent } from "./code-event-bus.js";
import { InProcessCodeEventBus } from "./in-process-code-event-bus.js";

const collect = () => {
  const events: [string, SharedCodeEvent][] = [];
  return {
    events,
    listener: { onEvent: (id: string, event: SharedCodeEvent) => events.push([id, event]), onResync() {} },
  };
};

describe("InProcessCodeEventBus", () => {
  it("delivers another bus's events on the channel once, never its own", async () => {
    const a = new InProcessCodeEventBus();
    const b = new InProcessCodeEventBus({ connectedTo: a });
    const [atA, atB] = [collect(), collect()];
    await a.subscribe(atA.listener);
    await b.subscribe(atB.listener);
    await a.publish("code-1", "authorized");
    await b.publish("code-2", "invalidated");
    expect(atA.events).toEqual([["code-2", "invalidated"]]);
    expect(atB.events).toEqual([["code-1", "authorized"]]);
  });

  it("tells no one after a subscription stops or a bus closes, and a bus alone tells no one", async () => {
    const alone = new InProcessCodeEventBus();
    await alone.publish("code-0", "authorized");
    const a = new InProcessCodeEventBus();
    const [b, c] = [new InProcessCodeEventBus({ connectedTo: a }), new InProcessCodeEventBus({ connectedTo: a })];
    const [atB, atC] = [collect(), collect()];
    const stop = await b.subscribe(atB.listener);
    await c.subscribe(atC.listener);
    await stop();
    await c.close();
    await a.publish("code-1", "authorized");
    expect(atB.events).toEqual([]);
    expect(atC.events).toEqual([]);
  });
});
