import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../errors.js';

/** Writes an export readable by the owner only; refuses to overwrite unless forced. */
export function writeExport(path: string, data: string | Buffer, force: boolean): void {
  if (existsSync(path) && !force) throw new UsageError(`Filen ${path} finns redan.`, 'Välj ett annat namn eller skriv över med --force.');
  writeFileSync(path, data, { mode: 0o600, flag: force ? 'w' : 'wx' });
  // An overwritten file keeps its old mode: make sure it is the owner's only.
  chmodSync(path, 0o600);
}

/** An export or report: to the file when one is named (never overwritten unless forced), else to stdout. */
export function deliver(data: string | Buffer, out: string | undefined, force: boolean): string | undefined {
  if (out === undefined) {
    process.stdout.write(data);
    return undefined;
  }
  const path = resolve(out);
  writeExport(path, data, force);
  return path;
}
