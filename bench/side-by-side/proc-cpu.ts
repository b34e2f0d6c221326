import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** CPU accounting from /proc (Linux): what a process and the whole machine used, in milliseconds. */

let ticksPerSecond = 100;
try {
  ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
} catch {
  // getconf missing: Linux's usual 100 ticks per second.
}

/** User + system CPU of one process so far, or null when it is gone (or not Linux). */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return null;
  }
}

/** Busy CPU of the whole machine so far, all cores together (everything but idle and iowait). */
export function machineBusyMs(): number | null {
  try {
    const values = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '')
      .trim()
      .split(/\s+/)
      .slice(1, 9)
      .map(Number);
    const total = values.reduce((a, b) => a + b, 0);
    return ((total - (values[3] ?? 0) - (values[4] ?? 0)) * 1000) / ticksPerSecond;
  } catch {
    return null;
  }
}
