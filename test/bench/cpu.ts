import { execFileSync } from "node:child_process";
import fs from "node:fs";

const TICKS = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;

function stat(pid: number): string[] | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name may hold spaces; fields start after its closing parenthesis.
    return text.slice(text.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) a process has used, and with `children`, those its exited children used. */
export function cpuSeconds(pid: number | undefined, children = false): number {
  const f = pid ? stat(pid) : null;
  if (!f) return 0;
  // After the name: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14).
  const ticks = Number(f[11]) + Number(f[12]) + (children ? Number(f[13]) + Number(f[14]) : 0);
  return ticks / TICKS;
}

/** CPU seconds of a process tree: the root (with its exited children) and every live descendant. */
export function treeCpuSeconds(rootPid: number): number {
  const parents = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const f = stat(pid);
    if (f) parents.set(pid, Number(f[1]));
  }
  let total = cpuSeconds(rootPid, true);
  const inTree = (pid: number): boolean => {
    for (let p = parents.get(pid); p !== undefined && p > 1; p = parents.get(p))
      if (p === rootPid) return true;
    return false;
  };
  for (const pid of parents.keys()) if (inTree(pid)) total += cpuSeconds(pid);
  return total;
}
