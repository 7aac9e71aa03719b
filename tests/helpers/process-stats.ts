// Small probes the fault, load and benchmark scripts share: a port the kernel picks, and a
// process's memory and CPU time from /proc (Linux).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** A free TCP port on 127.0.0.1, asked of the kernel (never a guessed one). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** VmRSS (now) or VmHWM (peak) of a process in kB; 0 once it is gone. */
export function procKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * User + system CPU time a process has used so far, in ms, from /proc/PID/stat (utime and stime,
 * fields 14 and 15, in clock ticks: 100 a second on Linux); null once it is gone or unreadable
 * (another user's, a remote server's). The load-independent view of a process's work on a shared
 * machine.
 */
export function procCpuMs(pid: number): number | null {
  return procCpuTimes(pid)?.cpu ?? null;
}

/** As procCpuMs, with the system part apart (`sys`: time in the kernel, of the `cpu` total). */
export function procCpuTimes(pid: number): { cpu: number; sys: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The name (field 2, in parentheses) may hold spaces and parentheses: count from after its last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const sys = Number(fields[12]) * 10;
    return { cpu: Number(fields[11]) * 10 + sys, sys };
  } catch {
    return null;
  }
}
