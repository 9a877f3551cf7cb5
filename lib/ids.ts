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
  | "apt"
  | "sur"
  | "integ"
  | "insp"
  | "ireq"
  | "rly"
  | "rlx";

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

// The 16 bytes as four 32-bit limbs, divided by 62 digit by digit (each step stays below 2^38,
// exact in a double): no BigInt or string per digit, which made ids the worker's fourth-largest
// allocation. One scratch buffer each for the bytes and the digits.
const bytes = Buffer.alloc(16);
const digits = Buffer.alloc(BODY_LENGTH);
const ALPHABET_CODES = Buffer.from(ALPHABET, "latin1");

function encode(prefix: IdPrefix, millis: number, random: Buffer): string {
  bytes.writeUIntBE(millis, 0, 6);
  random.copy(bytes, 6);
  let l0 = bytes.readUInt32BE(0);
  let l1 = bytes.readUInt32BE(4);
  let l2 = bytes.readUInt32BE(8);
  let l3 = bytes.readUInt32BE(12);
  for (let i = BODY_LENGTH - 1; i >= 0; i--) {
    let x = l0;
    l0 = Math.floor(x / 62);
    x = (x - l0 * 62) * 0x1_0000_0000 + l1;
    l1 = Math.floor(x / 62);
    x = (x - l1 * 62) * 0x1_0000_0000 + l2;
    l2 = Math.floor(x / 62);
    x = (x - l2 * 62) * 0x1_0000_0000 + l3;
    l3 = Math.floor(x / 62);
    digits[i] = ALPHABET_CODES[x - l3 * 62]!;
  }
  return `${prefix}_${digits.toString("latin1")}`;
}

const ID_BODY = /^[0-9A-Za-z]{1,22}$/;

/**
 * The creation times an id starting with `start` (prefix and the first digits, such as
 * `msg_0356n6`) can have: ids carry their millisecond in their leading bits, so a prefix pins
 * down a time window, which lets a search by id prefix use a time index. Null when `start` is
 * not the beginning of an id of `prefix`.
 */
export function idPrefixTimeRange(prefix: IdPrefix, start: string): { from: Date; until: Date } | null {
  const body = start.slice(prefix.length + 1);
  if (!start.startsWith(`${prefix}_`) || !ID_BODY.test(body)) return null;
  let value = 0n;
  for (const ch of body) value = value * 62n + BigInt(ALPHABET.indexOf(ch));
  const scale = 62n ** BigInt(BODY_LENGTH - body.length);
  const low = value * scale;
  const high = (value + 1n) * scale - 1n;
  const ms = (v: bigint) => Number(v >> 80n);
  return { from: new Date(ms(low)), until: new Date(ms(high) + 1) };
}
