import type { ValidationProblem } from "@/lib/api/errors";

/** Deeper JSON is refused: no real event needs it, and serialising it would exhaust the stack. */
export const MAX_JSON_DEPTH = 100;

/**
 * Why PostgreSQL could not store `value` as JSON, or null when it can: strings (keys included)
 * may not hold U+0000 or lone UTF-16 surrogates (jsonb and text refuse both), and nesting stops at
 * MAX_JSON_DEPTH. Walks without recursion, so hostile nesting cannot overflow the stack here.
 */
export function storableJsonProblem(value: unknown, loc: string[] = ["body"]): ValidationProblem | null {
  const stack: { value: unknown; path: string[]; depth: number }[] = [{ value, path: loc, depth: 0 }];
  while (stack.length > 0) {
    const { value: v, path, depth } = stack.pop()!;
    if (typeof v === "string") {
      const problem = stringProblem(v);
      if (problem) return { loc: path, msg: problem, type: "value_error.unstorable_string" };
      continue;
    }
    if (v === null || typeof v !== "object") continue;
    if (depth >= MAX_JSON_DEPTH) {
      return {
        loc: path,
        msg: `JSON may be nested at most ${MAX_JSON_DEPTH} levels deep`,
        type: "value_error.too_deep",
      };
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--)
        stack.push({ value: v[i], path: [...path, String(i)], depth: depth + 1 });
      continue;
    }
    for (const [key, child] of Object.entries(v)) {
      const problem = stringProblem(key);
      if (problem)
        return { loc: [...path, key], msg: `Key ${problem}`, type: "value_error.unstorable_string" };
      stack.push({ value: child, path: [...path, key], depth: depth + 1 });
    }
  }
  return null;
}

function stringProblem(s: string): string | null {
  if (s.includes("\u0000")) return "must not contain the NUL character (\\u0000)";
  if (!s.isWellFormed()) return "must be valid Unicode (it contains a lone surrogate)";
  return null;
}
