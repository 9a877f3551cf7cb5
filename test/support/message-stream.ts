import { randomUUID } from "node:crypto";

export interface MessageStream {
  /** Ids of the messages the API accepted (202). */
  accepted: Set<string>;
  /** Every status answered, and "network" for requests that got no answer. */
  answers: Map<string, number>;
  stop(): Promise<void>;
}

/**
 * Sends messages continuously through the REST API from `senders` loops, as the svix SDK does:
 * each with its own Idempotency-Key, retried with the same key after a 5xx or a connection
 * error until accepted. Only 202s count as accepted.
 */
export function streamMessages(
  apiUrl: string,
  apiKey: string,
  appId: string,
  { senders = 4, eventType = "load.tick" } = {},
): MessageStream {
  const accepted = new Set<string>();
  const answers = new Map<string, number>();
  const count = (what: string) => answers.set(what, (answers.get(what) ?? 0) + 1);
  let stopping = false;
  let n = 0;
  const loop = async () => {
    while (!stopping) {
      const key = randomUUID();
      const body = JSON.stringify({ eventType, payload: { n: n++ } });
      for (;;) {
        let status: number | "network" = "network";
        try {
          const res = await fetch(`${apiUrl}/api/v1/app/${appId}/msg`, {
            method: "POST",
            headers: {
              authorization: `Bearer ${apiKey}`,
              "content-type": "application/json",
              "idempotency-key": key,
            },
            body,
            signal: AbortSignal.timeout(10_000),
          });
          status = res.status;
          const json = await res.json().catch(() => null);
          if (status === 202) accepted.add(json.id);
        } catch {
          // no answer: the server is restarting or killed
        }
        count(String(status));
        if (status !== "network" && status < 500) break;
        if (stopping) return;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  };
  const loops = Array.from({ length: senders }, loop);
  return {
    accepted,
    answers,
    async stop() {
      stopping = true;
      await Promise.all(loops);
    },
  };
}
