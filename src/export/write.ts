import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { UsageError } from '../errors.js';

/** Writes an export readable by the owner only; refuses to overwrite unless forced. */
export function writeExport(path: string, data: string | Buffer, force: boolean): void {
  if (existsSync(path) && !force) throw new UsageError(`Filen ${path} finns redan.`, 'Välj ett annat namn eller skriv över med --force.');
  writeFileSync(path, data, { mode: 0o600, flag: force ? 'w' : 'wx' });
  // An overwritten file keeps its old mode: make sure it is the owner's only.
  chmodSync(path, 0o600);
}
