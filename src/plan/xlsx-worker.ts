// Reads an XLSX workbook in a worker thread with a bounded heap: whatever a hostile workbook makes
// exceljs build, it fills the worker's heap, not the command's (see readEditedXlsx).
import { parentPort, workerData } from 'node:worker_threads';
import { InvalidInputError } from '../errors.js';
import { readXlsxTable } from './xlsx-table.js';

const { bytes, shown } = workerData as { bytes: Uint8Array; shown: string };
try {
  parentPort!.postMessage({ rows: await readXlsxTable(bytes, shown) });
} catch (err) {
  parentPort!.postMessage(err instanceof InvalidInputError ? { problems: err.problems } : { failure: err instanceof Error ? err.message : String(err) });
}
