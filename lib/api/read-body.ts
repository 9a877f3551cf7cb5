import { ApiError } from "@/lib/api/errors";

/**
 * Reads a request body as text, refusing more than `limit` bytes with a 413 before buffering
 * it all: the Content-Length is checked first, and the stream is cut off once past the limit.
 */
export async function readBody(req: Request, limit: number): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function tooLarge(limit: number): ApiError {
  return new ApiError(413, "payload_too_large", `Request body is larger than the limit of ${limit} bytes`);
}
