import { describe, expect, it } from "vitest";
import { endpointGate, type GateOptions } from "@/lib/delivery/endpoint-gate";

const answered = { timedOut: false, durationMs: 50 };
const timedOut = { timedOut: true, durationMs: 15_000 };
const gateWith = (o: Partial<GateOptions> = {}) =>
  endpointGate({ initial: 8, max: 500, unprovenShare: 1000, maxStalled: 1000, ...o });

function fill(gate: ReturnType<typeof endpointGate>, id: string): number {
  let n = 0;
  while (gate.tryEnter(id)) n += 1;
  return n;
}

describe("per-endpoint limits on attempts in flight", () => {
  it("a new endpoint starts with a few places and earns two per answer, up to the maximum", () => {
    const gate = gateWith({ max: 20 });
    expect(fill(gate, "ep_a")).toBe(8);
    gate.leave("ep_a", answered, false);
    expect(fill(gate, "ep_a")).toBe(3); // 10 places, 7 still in flight
    for (let i = 0; i < 10; i++) gate.leave("ep_a", answered, false);
    expect(fill(gate, "ep_a")).toBe(20); // all 20, the maximum
  });

  it("every timeout halves an endpoint's places, down to one", () => {
    const gate = gateWith();
    fill(gate, "ep_slow");
    for (let i = 0; i < 8; i++) gate.leave("ep_slow", timedOut, false);
    expect(fill(gate, "ep_slow")).toBe(1);
  });

  it("unproven endpoints share a part of the places, so hung ones cannot take them all", () => {
    const gate = gateWith({ unprovenShare: 25 });
    let hung = 0;
    for (let i = 0; i < 100; i++) hung += fill(gate, `ep_hung_${i}`);
    expect(hung).toBe(25);
    expect(gate.tryEnter("ep_new")).toBe(false);
    // Once their attempts stall, they stop counting against the share: a new endpoint gets through …
    for (let i = 0; i < 4; i++) for (let j = 0; j < 8; j++) gate.stall(`ep_hung_${i}`);
    expect(gate.tryEnter("ep_new")).toBe(true);
    // … while each hung endpoint stays within its own limit.
    expect(gate.tryEnter("ep_hung_0")).toBe(false);
  });

  it("an endpoint that answers is proven and no longer counts against the share", () => {
    const gate = gateWith({ unprovenShare: 8 });
    expect(fill(gate, "ep_a")).toBe(8);
    expect(gate.tryEnter("ep_b")).toBe(false);
    gate.leave("ep_a", answered, false);
    expect(gate.tryEnter("ep_b")).toBe(true);
    expect(fill(gate, "ep_a")).toBe(3);
  });

  it("an endpoint that stops answering is on probation again, with its attempts in flight", () => {
    const gate = gateWith({ unprovenShare: 10 });
    fill(gate, "ep_a");
    for (let i = 0; i < 8; i++) gate.leave("ep_a", answered, false);
    expect(fill(gate, "ep_a")).toBe(24);
    gate.leave("ep_a", timedOut, false);
    // 23 attempts still in flight now count against the unproven share: nothing unproven may start.
    expect(gate.tryEnter("ep_b")).toBe(false);
  });

  it("past the stalled maximum, endpoints with a stalled attempt start no more", () => {
    const gate = gateWith({ maxStalled: 2 });
    gate.tryEnter("ep_a");
    gate.tryEnter("ep_a");
    gate.stall("ep_a");
    gate.stall("ep_a");
    expect(gate.tryEnter("ep_a")).toBe(false);
    expect(gate.tryEnter("ep_b")).toBe(true);
    gate.leave("ep_a", timedOut, true);
    expect(gate.tryEnter("ep_a")).toBe(true); // below the maximum again
  });

  it("sends turned-away deliveries back after about two attempts' time, between 0.1 and 5 s", () => {
    const gate = gateWith();
    expect(gate.retryAfterMs("ep_new")).toBeGreaterThanOrEqual(75);
    gate.tryEnter("ep_x");
    gate.leave("ep_x", timedOut, false);
    expect(gate.retryAfterMs("ep_x")).toBeLessThanOrEqual(6250);
    expect(gate.retryAfterMs("ep_x")).toBeGreaterThanOrEqual(3750);
  });
});
