import { writeFileSync } from 'node:fs';

/**
 * Loaded with `node --import` into a process the benchmark measures: on exit, the process's own
 * peak resident set size (kB) is written to the file EFTERLEV_BENCH_RSS names.
 */
const file = process.env['EFTERLEV_BENCH_RSS'];
if (file !== undefined) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
