import { describe, expect, it } from "vitest";
import type { SharedCodeEvent } from "../storage/events/code-event-bus.js";
import { type CodeEvent, WaitHub } from "./wait-hub.js";

describe("WaitHub", () => {
  it("delivers a publish here and relays authorized/invalidated to the other instances", () => {
    const relayed: [string, SharedCodeEvent][] = [];
    const hub = new WaitHub({ relay: (codeId, event) => relayed.push([codeId, event]) });
    const seen: CodeEvent[] = [];
    hub.subscribe("a", (event) => seen.push(event));
    hub.publish("a", "authorized");
    hub.publish("b", "invalidated");
    expect(seen).toEqual(["authorized"]);
    expect(relayed).toEqual([
      ["a", "authorized"],
      ["b", "invalidated"],
    ]);
  });

  it("delivers events from other instances without relaying them back", () => {
    const relayed: string[] = [];
    const hub = new WaitHub({ relay: (codeId) => relayed.push(codeId) });
    const seen: CodeEvent[] = [];
    hub.subscribe("a", (event) => seen.push(event));
    hub.deliver("a", "invalidated");
    expect(seen).toEqual(["invalidated"]);
    expect(relayed).toEqual([]);
  });

  it("asks every wait to re-check, and closing is never relayed", () => {
    const relayed: string[] = [];
    const hub = new WaitHub({ relay: (codeId) => relayed.push(codeId) });
    const seen: string[] = [];
    hub.subscribe("a", (event) => seen.push(`a:${event}`));
    const unsubscribe = hub.subscribe("b", (event) => seen.push(`b:${event}`));
    hub.recheckAll();
    unsubscribe();
    hub.closeAll();
    expect(seen).toEqual(["a:recheck", "b:recheck", "a:closing"]);
    expect(relayed).toEqual([]);
    expect(hub.size).toBe(1);
  });
});
