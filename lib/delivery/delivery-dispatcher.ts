import { claimDelivery } from "@/lib/delivery/claim-delivery";
import type { DeliveryConfig } from "@/lib/delivery/config";
import { deliverClaimed } from "@/lib/delivery/deliver";
import { endpointGate } from "@/lib/delivery/endpoint-gate";
import { attemptIds } from "@/lib/delivery/report-attempt";
import type { AttemptResult } from "@/lib/delivery/send-attempt";
import type { DeliveryTrigger } from "@/lib/jobs/delivery-request";
import { withDeliveries } from "@/lib/jobs/with-deliveries";

export interface DispatcherOptions {
  config: DeliveryConfig;
  /** Attempts in flight in this process at most (and outcomes awaiting their write at most). */
  maxInFlight: number;
  /** Attempts in flight to one endpoint at most (each endpoint earns its way up to it). */
  endpointMaxInFlight: number;
  log?: (line: string) => void;
  /** Told of every attempt once it is over (the worker counts and logs them). */
  onAttempt?: (result: AttemptResult, delivery: AttemptIds) => void;
}

export interface DeliveryDispatcher {
  /**
   * Takes over a job's deliveries: each waits in its endpoint's line and is claimed and attempted
   * when the endpoint and the process have room. Resolves once they are taken over, not when they
   * are sent; waits while the lines are full (that holds the job back).
   */
  dispatch(deliveries: { id: string; endpointId?: string }[], trigger: DeliveryTrigger): Promise<void>;
  /**
   * For shutdown: hands the waiting deliveries back to PostgreSQL (due now, for another worker),
   * then resolves once every attempt started has finished and been recorded.
   */
  close(): Promise<void>;
  stats(): { inFlight: number; waiting: number; recording: number };
}

/** Which delivery an attempt was for. */
export interface AttemptIds {
  deliveryId: string;
  messageId: string;
  endpointId: string;
  tenantId: string;
  /** The message's trace context, for the attempt's span. */
  traceParent: string | null;
}

interface Waiting {
  id: string;
  trigger: DeliveryTrigger;
  since: number;
}

type HandBack = { id: string; endpointId: string; trigger: DeliveryTrigger; at: Date };

// Places a new endpoint starts with. With 200 ms receivers, 16 took four round trips (~0.8 s) to
// reach the ~200 in flight that 1,000 deliveries/s per endpoint need, and the bench's p99 was
// 1.2 s; 64 takes two. Hung endpoints stay bounded by the unproven share and maxStalled.
const INITIAL_ENDPOINT_LIMIT = 64;
const STALL_MS = 1000;
// A delivery that has waited this long in its endpoint's line goes back to PostgreSQL to wait
// (pending, due later, with a job), so the sweep never mistakes it for a lost one and a slow
// endpoint's backlog is not all held in memory.
const LONGEST_WAIT_MS = 5000;

/**
 * The worker's side of delivery. A job hands its deliveries over and is done; they wait in their
 * endpoint's line, and endpoints take turns (round-robin) to start one attempt at a time while the
 * process has fewer than `maxInFlight` in flight and the endpoint fewer than its own limit
 * (lib/delivery/endpoint-gate.ts: it grows while the endpoint answers and halves on timeouts).
 * So no job slot is ever held by a slow receiver, and hung endpoints (unanswered attempts stop
 * holding the process's places after STALL_MS; the gate keeps them to their own few) cannot
 * hold up everyone else's deliveries: a slow endpoint waits behind itself. An attempt gives its
 * places back as soon as it is over; writing its outcome follows.
 * Claims and recorded successes of concurrent attempts share statements (group commit).
 *
 * Nothing here is durable: a delivery waiting in a line is pending in PostgreSQL, and one being
 * attempted is `sending`; if the process dies, the sweep requests them again. The lines hold at
 * most `4 × maxInFlight` deliveries (then `dispatch` waits), and none for longer than
 * LONGEST_WAIT_MS.
 */
export function deliveryDispatcher(options: DispatcherOptions): DeliveryDispatcher {
  const gate = endpointGate({
    initial: INITIAL_ENDPOINT_LIMIT,
    max: options.endpointMaxInFlight,
    unprovenShare: Math.max(1, Math.floor(options.maxInFlight / 4)),
    maxStalled: 4 * options.maxInFlight,
  });
  const deps = { config: options.config };
  const maxWaiting = 4 * options.maxInFlight;
  const lines = new Map<string, Waiting[]>();
  /** Endpoints with deliveries waiting that may have room: the turn order. */
  const turns: string[] = [];
  const inTurns = new Set<string>();
  let waiting = 0;
  let inFlight = 0;
  /** Attempts that are over, whose outcome is still being written. */
  let recording = 0;
  const attempts = new Set<Promise<void>>();
  let roomWaiters: (() => void)[] = [];
  let closing = false;
  let idleWaiters: (() => void)[] = [];

  const track = (running: Promise<void>) => {
    attempts.add(running);
    void running.finally(() => attempts.delete(running));
  };

  const takeTurn = (endpointId: string) => {
    if (!inTurns.has(endpointId) && (lines.get(endpointId)?.length ?? 0) > 0) {
      inTurns.add(endpointId);
      turns.push(endpointId);
    }
  };

  const settle = () => {
    if (waiting < maxWaiting) {
      const go = roomWaiters;
      roomWaiters = [];
      for (const resolve of go) resolve();
    }
    if (waiting === 0 && inFlight === 0 && recording === 0) {
      const go = idleWaiters;
      idleWaiters = [];
      for (const resolve of go) resolve();
    }
  };

  /** Starts attempts while the process has room: one per endpoint per turn. */
  const pump = () => {
    const starting: { endpointId: string; item: Waiting }[] = [];
    while (inFlight < options.maxInFlight && recording < options.maxInFlight && turns.length > 0) {
      const endpointId = turns.shift()!;
      inTurns.delete(endpointId);
      const line = lines.get(endpointId);
      if (!line || line.length === 0) continue;
      // At its limit, the endpoint gets its turn back when one of its attempts is over.
      if (!gate.tryEnter(endpointId)) continue;
      const item = line.shift()!;
      if (line.length === 0) lines.delete(endpointId);
      waiting -= 1;
      inFlight += 1;
      starting.push({ endpointId, item });
      takeTurn(endpointId);
    }
    for (const { endpointId, item } of starting) start(item, endpointId);
    settle();
  };

  /** Claims one delivery and runs its attempt, giving its places back as soon as it is over. */
  const start = (item: Waiting, endpointId: string) => {
    let holding = true;
    let stalled = false;
    // Unanswered this long, the attempt stops holding one of the process's places (and the
    // unproven endpoints' share): a hung receiver keeps its socket, not the worker.
    const stallTimer = setTimeout(() => {
      if (!holding) return;
      stalled = true;
      gate.stall(endpointId);
      inFlight -= 1;
      pump();
    }, STALL_MS);
    stallTimer.unref();
    const free = (result: AttemptResult | null) => {
      if (!holding) return;
      holding = false;
      clearTimeout(stallTimer);
      gate.leave(
        endpointId,
        result ? { timedOut: result.errorKind === "timeout", durationMs: result.durationMs } : null,
        stalled,
      );
      if (!stalled) inFlight -= 1;
      if (result) recording += 1;
      takeTurn(endpointId);
      pump();
    };
    const claimedAt = new Date();
    track(
      claimDelivery(item.id, claimedAt, options.config.orphanGraceMs)
        .then(async (delivery) => {
          if (!delivery) return;
          const ids = attemptIds(delivery);
          const answered = (result: AttemptResult) => {
            options.onAttempt?.(result, ids);
            free(result);
          };
          await deliverClaimed(delivery, claimedAt, { ...deps, onAnswered: answered }, item.trigger);
        })
        .catch((error: unknown) => {
          // Not claimed (still pending) or not recorded (still `sending`): the sweep requests it
          // again once PostgreSQL is back.
          options.log?.(`Delivery ${item.id} failed in the worker: ${(error as Error).message}`);
        })
        .finally(() => {
          if (holding) free(null);
          else recording -= 1;
          pump();
        }),
    );
  };

  /** Hands deliveries back to PostgreSQL to wait there: pending, due at `at`, with a job. */
  const handBack = async (items: HandBack[]) => {
    if (items.length === 0) return;
    await withDeliveries(async (tx, enqueue) => {
      const rows = await tx.$queryRaw<
        { id: string; endpointId: string; at: Date; trigger: DeliveryTrigger }[]
      >`
        UPDATE "Delivery" d SET "nextAttemptAt" = v.at, "updatedAt" = now()
          FROM unnest(${items.map((d) => d.id)}::text[], ${items.map((d) => d.at.toISOString())}::timestamptz[],
                      ${items.map((d) => d.trigger)}::text[]) AS v(id, at, trigger)
         WHERE d.id = v.id AND d.status = 'pending'
        RETURNING d.id, d."endpointId", v.at, v.trigger`;
      enqueue(
        rows.map((r) => ({
          deliveryId: r.id,
          endpointId: r.endpointId,
          runAt: r.at,
          trigger: r.trigger,
          continuation: true,
        })),
      );
    }).catch((error: Error) => {
      // Still pending: the sweep requests them.
      options.log?.(`Could not put ${items.length} waiting deliveries back: ${error.message}`);
    });
  };

  /** Takes out of the lines what has waited at least `olderThanMs` (everything with 0). */
  const takeWaiting = (olderThanMs: number): HandBack[] => {
    const now = Date.now();
    const taken: HandBack[] = [];
    for (const [endpointId, line] of lines) {
      while (line.length > 0 && now - line[0]!.since >= olderThanMs) {
        const item = line.shift()!;
        const at = new Date(olderThanMs === 0 ? now : now + gate.retryAfterMs(endpointId));
        taken.push({ id: item.id, endpointId, trigger: item.trigger, at });
      }
      if (line.length === 0) lines.delete(endpointId);
    }
    waiting -= taken.length;
    settle();
    return taken;
  };
  const timer = setInterval(() => void handBack(takeWaiting(LONGEST_WAIT_MS)), 1000);
  timer.unref();

  /** Jobs from before endpoint ids were in the payload: the endpoint is learnt at the claim. */
  const dispatchUnlined = async (id: string, trigger: DeliveryTrigger) => {
    const claimedAt = new Date();
    const delivery = await claimDelivery(id, claimedAt, options.config.orphanGraceMs);
    if (!delivery) return;
    gate.enter(delivery.endpointId);
    inFlight += 1;
    track(
      deliverClaimed(delivery, claimedAt, deps, trigger)
        .then(
          () => undefined,
          (error: unknown) => {
            options.log?.(`Delivery ${id} failed in the worker: ${(error as Error).message}`);
          },
        )
        .finally(() => {
          gate.leave(delivery.endpointId, null, false);
          inFlight -= 1;
          pump();
        }),
    );
  };

  return {
    async dispatch(deliveries, trigger) {
      if (closing) {
        // Shutting down: straight back to PostgreSQL, due now, for another worker (or the next start).
        const now = new Date();
        const lined = deliveries.filter((d) => d.endpointId);
        await handBack(lined.map((d) => ({ id: d.id, endpointId: d.endpointId!, trigger, at: now })));
        return;
      }
      const since = Date.now();
      for (const d of deliveries) {
        if (!d.endpointId) {
          await dispatchUnlined(d.id, trigger);
          continue;
        }
        const line = lines.get(d.endpointId) ?? [];
        if (line.length === 0) lines.set(d.endpointId, line);
        line.push({ id: d.id, trigger, since });
        waiting += 1;
        takeTurn(d.endpointId);
      }
      pump();
      while (waiting >= maxWaiting && !closing)
        await new Promise<void>((resolve) => roomWaiters.push(resolve));
    },
    async close() {
      closing = true;
      clearInterval(timer);
      // Jobs waiting for room in the lines return now (their deliveries are lined already).
      const go = roomWaiters;
      roomWaiters = [];
      for (const resolve of go) resolve();
      await handBack(takeWaiting(0));
      while (inFlight > 0 || recording > 0 || attempts.size > 0) {
        await new Promise<void>((resolve) => {
          idleWaiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
    },
    stats: () => ({ inFlight, waiting, recording }),
  };
}
