import { ApiError } from "@/lib/api/errors";

/**
 * Reads a request body as text, refusing more than `limit` bytes with a 413 before buffering
 * it all: the Content-Length is checked first, and the stream is cut off once past the limit.
 */
export async function readBody(req: Request, limit: number): Promise<string> {
  return (await readBodyBytes(req, limit)).toString("utf8");
}

/**
 * As `readBody`, the bytes as they came. With `drainUpTo`, a body over the limit but under that
 * many bytes is read to its end (and dropped) before the 413, so the sender, still writing, gets
 * the answer rather than a reset connection.
 */
export async function readBodyBytes(req: Request, limit: number, drainUpTo = 0): Promise<Buffer> {
  const declared = Number(req.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > Math.max(limit, drainUpTo)) throw tooLarge(limit);
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > Math.max(limit, drainUpTo)) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    if (size <= limit) chunks.push(value);
  }
  if (size > limit) throw tooLarge(limit);
  return Buffer.concat(chunks);
}

function tooLarge(limit: number): ApiError {
  return new ApiError(413, "payload_too_large", `Request body is larger than the limit of ${limit} bytes`);
}
