// Reads an XLSX workbook in a worker thread with a bounded heap: whatever a hostile workbook makes
// exceljs build, it fills the worker's heap, not the command's (see readEditedXlsx).
import { parentPort, workerData } from 'node:worker_threads';
import { InvalidInputError } from '../errors.js';
import { setOutputLang, type Lang } from '../ui/i18n.js';
import { readXlsxTable } from './xlsx-table.js';

const { bytes, shown, lang } = workerData as { bytes: Uint8Array; shown: string; lang: Lang };
// The worker has its own module state: the problems it finds are said in the run's language.
setOutputLang(lang);
try {
  parentPort!.postMessage({ rows: await readXlsxTable(bytes, shown) });
} catch (err) {
  parentPort!.postMessage(err instanceof InvalidInputError ? { problems: err.problems } : { failure: err instanceof Error ? err.message : String(err) });
}
