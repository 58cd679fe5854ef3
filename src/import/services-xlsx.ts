import { UsageError } from '../errors.js';
import type { ServiceRow } from './services.js';

// Replaced by the bounded XLSX table reader when it lands (see plan import).
export async function readServiceXlsx(_path: string, _shown: string): Promise<ServiceRow[]> {
  throw new UsageError('XLSX-inläsning av tjänsteregistret är inte klar ännu.');
}
