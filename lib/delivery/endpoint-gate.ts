export interface EndpointGate {
  /** Takes a place for one attempt to the endpoint; false when it may not start one now. */
  tryEnter(endpointId: string): boolean;
  /** Takes a place whatever the limits (a delivery that is already claimed). */
  enter(endpointId: string): void;
  /**
   * One of the endpoint's attempts has gone unanswered for long (see the dispatcher): it keeps
   * its place at the endpoint but no longer counts against the unproven endpoints' share.
   */
  stall(endpointId: string): void;
  /** Gives the place back: `timedOut` attempts shrink the endpoint's limit, answered ones grow it. */
  leave(
    endpointId: string,
    attempt: { timedOut: boolean; durationMs: number } | null,
    stalled: boolean,
  ): void;
  /** How long a delivery turned away should wait before it comes back. */
  retryAfterMs(endpointId: string): number;
}

export interface GateOptions {
  /** Places a new endpoint starts with. */
  initial: number;
  /** Places an endpoint may earn. */
  max: number;
  /** Places that unproven endpoints hold together (stalled attempts aside). */
  unprovenShare: number;
  /** Stalled attempts at most; past it, endpoints with a stalled attempt start no more. */
  maxStalled: number;
}

interface State {
  /** Attempts in flight, stalled ones included: what the endpoint's own limit counts. */
  inFlight: number;
  stalled: number;
  limit: number;
  /** The endpoint answered in time, and has not timed out since (in this process, lately). */
  proven: boolean;
  /** Its attempts in flight that count against the unproven share. */
  unprovenHeld: number;
  /** Moving average of the endpoint's attempt durations, in ms. */
  latencyMs: number;
  touched: number;
}

/**
 * Per-endpoint limits on attempts in flight (in this process), found the way TCP finds a window:
 * an endpoint starts with `initial` places, gains two per attempt answered in time up to `max`
 * (about tripling per round trip while it keeps up) and halves its limit on every timeout.
 *
 * Endpoints that have not answered yet, or timed out since, are unproven (new ones, hung ones:
 * TCP accepted, no answer): together they hold at most `unprovenShare` places. An attempt that
 * stalls (unanswered for long) stops counting against that share, so the share frees up within
 * the stall time whatever hangs, and a new endpoint's first attempts get through to prove it;
 * a hung endpoint keeps its stalled attempts (within its own limit), so it cannot start more.
 */
export function endpointGate(options: GateOptions): EndpointGate {
  const endpoints = new Map<string, State>();
  let unprovenInFlight = 0;
  let stalledTotal = 0;
  let lastPrune = Date.now();
  const state = (id: string): State => {
    let s = endpoints.get(id);
    if (!s) {
      s = {
        inFlight: 0,
        stalled: 0,
        limit: Math.min(options.initial, options.max),
        proven: false,
        unprovenHeld: 0,
        latencyMs: 0,
        touched: Date.now(),
      };
      endpoints.set(id, s);
    }
    s.touched = Date.now();
    return s;
  };
  const prune = () => {
    // Endpoints idle for a minute start afresh: memory follows the endpoints in use, not all ever seen.
    const now = Date.now();
    if (now - lastPrune < 60_000) return;
    lastPrune = now;
    for (const [id, s] of endpoints) if (s.inFlight === 0 && now - s.touched > 60_000) endpoints.delete(id);
  };
  const take = (s: State) => {
    s.inFlight += 1;
    if (!s.proven) {
      s.unprovenHeld += 1;
      unprovenInFlight += 1;
    }
  };
  return {
    tryEnter(id) {
      prune();
      const s = state(id);
      if (s.inFlight >= s.limit) return false;
      if (s.stalled > 0 && stalledTotal >= options.maxStalled) return false;
      if (!s.proven && unprovenInFlight >= options.unprovenShare) return false;
      take(s);
      return true;
    },
    enter(id) {
      take(state(id));
    },
    stall(id) {
      const s = state(id);
      s.stalled += 1;
      stalledTotal += 1;
      if (s.unprovenHeld > 0) {
        s.unprovenHeld -= 1;
        unprovenInFlight -= 1;
      }
    },
    leave(id, attempt, stalled) {
      const s = state(id);
      s.inFlight = Math.max(0, s.inFlight - 1);
      if (stalled) {
        s.stalled -= 1;
        stalledTotal -= 1;
      } else if (s.unprovenHeld > 0) {
        s.unprovenHeld -= 1;
        unprovenInFlight -= 1;
      }
      if (!attempt) return;
      s.latencyMs = s.latencyMs === 0 ? attempt.durationMs : s.latencyMs * 0.8 + attempt.durationMs * 0.2;
      if (attempt.timedOut) {
        s.limit = Math.max(1, Math.floor(s.limit / 2));
        if (s.proven) {
          // An endpoint that stops answering is on probation again, with its attempts in flight.
          s.proven = false;
          s.unprovenHeld = s.inFlight - s.stalled;
          unprovenInFlight += s.unprovenHeld;
        }
        return;
      }
      s.limit = Math.min(options.max, s.limit + 2);
      if (!s.proven) {
        // Its other attempts in flight count as a proven endpoint's from now on.
        s.proven = true;
        unprovenInFlight -= s.unprovenHeld;
        s.unprovenHeld = 0;
      }
    },
    retryAfterMs(id) {
      const latency = endpoints.get(id)?.latencyMs ?? 0;
      // About two attempts' time, between 100 ms and 5 s, spread so turned-away deliveries do not return together.
      return Math.round(Math.min(5000, Math.max(100, 2 * latency)) * (0.75 + Math.random() * 0.5));
    },
  };
}
