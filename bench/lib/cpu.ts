import { readdirSync, readFileSync } from 'node:fs';

// utime … cstime of /proc/<pid>/stat count clock ticks, 100 a second on Linux.
const MS_PER_TICK = 10;

/**
 * CPU time used so far, in milliseconds: by this Node process (the API and the worker, as in `dev`) and by
 * the PostgreSQL cluster whose postmaster is `postgresPid` — the postmaster, every live child (backends,
 * WAL writer, checkpointer …) and the children it has already reaped. Linux only (/proc).
 */
export function cpuMs(postgresPid: number): { node: number; postgres: number } {
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // the process ended meanwhile
    }
    // Fields after the command (which may hold spaces): state ppid … utime(14) stime cutime cstime.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number) as [
      number,
      number,
      number,
      number,
    ];
    if (Number(entry) === postgresPid) ticks += utime + stime + cutime + cstime;
    else if (Number(fields[1]) === postgresPid) ticks += utime + stime;
  }
  const node = process.cpuUsage();
  return { node: (node.user + node.system) / 1000, postgres: ticks * MS_PER_TICK };
}
