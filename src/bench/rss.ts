import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Loaded with `node --import` into a process the benchmark measures: on exit, the process's own
 * peak resident set size (kB) is written to the file EFTERLEV_BENCH_RSS names.
 */
const file = process.env['EFTERLEV_BENCH_RSS'];
if (file !== undefined) process.on('exit', () => writeFileSync(file, String(peakRssKb())));

/**
 * The peak since this program started: on Linux the high-water mark of its own memory (VmHWM).
 * getrusage's maxRSS is not that there: a child forked from a large parent starts with the
 * parent's size (a 39 MB child of the 1.1 GB benchmark said 443 MB). Elsewhere maxRSS.
 */
function peakRssKb(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm !== null) return Number(hwm[1]);
  } catch {
    // No /proc: not Linux.
  }
  return process.resourceUsage().maxRSS;
}
