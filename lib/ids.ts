import { randomBytes } from "node:crypto";

// Base62 in ASCII order, so fixed-width encodings sort like the numbers they encode.
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const BODY_LENGTH = 22; // 16 bytes < 62^22

export type IdPrefix =
  | "org"
  | "user"
  | "mem"
  | "key"
  | "app"
  | "et"
  | "ep"
  | "sec"
  | "msg"
  | "dlv"
  | "atmpt"
  | "opev"
  | "qtask"
  | "batch"
  | "inv"
  | "apt";

/**
 * A prefixed, time-sortable id such as `msg_2TfB3…`: 6 bytes of milliseconds since the epoch,
 * then 10 random bytes, base62-encoded at a fixed width. Ids made later sort later (to the
 * millisecond), which is what iterator pagination relies on.
 */
export function newId(prefix: IdPrefix, now: number = Date.now()): string {
  return encode(prefix, now, randomTen());
}

// Random bytes drawn 4 KiB at a time: one system call per 409 ids instead of one per id.
let pool: Buffer = Buffer.alloc(0);
let offset = 0;
function randomTen(): Buffer {
  if (offset + 10 > pool.length) {
    pool = randomBytes(4096);
    offset = 0;
  }
  offset += 10;
  return pool.subarray(offset - 10, offset);
}

/** The smallest id of that prefix made at `time`: a lower bound for time-range queries. */
export function idAtTime(prefix: IdPrefix, time: Date): string {
  return encode(prefix, time.getTime(), Buffer.alloc(10));
}

function encode(prefix: IdPrefix, millis: number, random: Buffer): string {
  const bytes = Buffer.alloc(16);
  bytes.writeUIntBE(millis, 0, 6);
  random.copy(bytes, 6);
  let n = BigInt(`0x${bytes.toString("hex")}`);
  let body = "";
  while (n > 0n) {
    body = ALPHABET[Number(n % 62n)] + body;
    n /= 62n;
  }
  return `${prefix}_${body.padStart(BODY_LENGTH, "0")}`;
}
