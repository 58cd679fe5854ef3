import { m } from '../ui/i18n.js';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { Catalog } from '../catalog/load.js';
import { isPerPeriod } from '../catalog/values.js';
import { InvalidInputError, UsageError, type Problem } from '../errors.js';
import { freeText } from '../io/free-text.js';
import { locate, mayHaveUnsafeKeys, parseJson, readTextFile, unsafeKeyProblems, zodProblems } from '../io/json-file.js';
import { describeControlCharacter, normaliseLineBreaks } from '../io/text.js';

/** One answer to import, with where it stands in the file for error messages. */
export interface ImportRow {
  service: string;
  question: string;
  value: string | number;
  comment?: string | undefined;
  evidence?: string | undefined;
  /** 1-based line (CSV) */
  line?: number | undefined;
  /** JSON pointer (JSON) */
  pointer?: string | undefined;
}

const COLUMN_NAMES: Record<string, keyof ImportRow> = {
  service: 'service',
  'tjänst': 'service',
  question: 'question',
  'fråga': 'question',
  value: 'value',
  svar: 'value',
  'värde': 'value',
  comment: 'comment',
  kommentar: 'comment',
  evidence: 'evidence',
  underlag: 'evidence',
};
const REQUIRED = ['service', 'question', 'value'] as const;

/** Comma or semicolon, as Excel writes it for the locale: whichever the header row uses. */
function delimiterOf(text: string): ',' | ';' {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  return (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
}

/** A line break as an editor counts it: LF, CR LF or a lone CR. */
function lineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

/**
 * The line each record starts on. csv-parse's `info.lines` is where a record ends (and counts
 * a CR LF inside quotes twice); each record's raw text is found in the file instead.
 */
function startLines(text: string, raws: readonly string[]): number[] {
  let cursor = 0;
  let line = 1;
  return raws.map((raw) => {
    const found = text.indexOf(raw, cursor);
    const at = found === -1 ? cursor : found;
    line += lineBreaks(text, cursor, at);
    const start = line;
    line += lineBreaks(text, at, at + raw.length);
    cursor = at + raw.length;
    return start;
  });
}

export function readCsv(text: string, shown: string): ImportRow[] {
  let parsed: { record: string[]; raw: string }[];
  try {
    parsed = parse(text, {
      delimiter: delimiterOf(text),
      bom: true,
      skip_empty_lines: true,
      // The rows Excel leaves after the data (`;;;;`) are blank, not answers.
      skip_records_with_empty_values: true,
      raw: true,
      relax_column_count: false,
      trim: true,
    }) as unknown as typeof parsed;
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw new InvalidInputError([{ file: shown, ...(line ? { line } : {}), message: `ogiltig CSV: ${(err as Error).message}` }]);
  }
  const lines = startLines(text, parsed.map((p) => p.raw));
  const [head, ...body] = parsed.map((p, i) => ({ record: p.record, line: lines[i]! }));
  if (head === undefined) throw new InvalidInputError([{ file: shown, message: m().si_empty }]);
  const columns = head.record.map((h) => COLUMN_NAMES[h.trim().toLowerCase()]);
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    throw new InvalidInputError([
      { file: shown, line: 1, message: m().ir_missingColumns(missing) },
    ]);
  }
  const problems: Problem[] = [];
  const rows = body.map(({ record, line }) => {
    const row: Record<string, string> = {};
    columns.forEach((c, i) => {
      if (c === undefined || record[i] === undefined) return;
      const cell = normaliseLineBreaks(record[i]!).normalize('NFC');
      const control = describeControlCharacter(cell);
      if (control !== undefined) problems.push({ file: shown, line, message: `kolumnen ${head.record[i]!.trim()} ${control}` });
      row[c] = cell;
    });
    return {
      service: row['service'] ?? '',
      question: row['question'] ?? '',
      value: row['value'] ?? '',
      comment: row['comment'] || undefined,
      evidence: row['evidence'] || undefined,
      line,
    };
  });
  if (problems.length > 0) throw new InvalidInputError(problems);
  return rows;
}

const JsonAnswer = z.object({
  value: z.union([freeText(), z.number()]),
  comment: freeText().optional(),
  evidence: freeText().optional(),
});
const JsonService = z.object({
  year: z.number().int().optional(),
  service: z.string().min(1),
  answers: z.record(z.string(), JsonAnswer),
});

/**
 * Why the year a `show --json` file says it is from is not the one expected: --year, or
 * --from-year when answers are moved in bulk from one year's file into another year.
 */
function yearProblem(said: number, year: number, fromYear: number | undefined): string | undefined {
  if (fromYear !== undefined) return said === fromYear ? undefined : m().ir_notFromYear(said, fromYear);
  if (said === year) return undefined;
  return m().ir_notYear(said, year);
}

export function readJsonImport(text: string, shown: string, year: number, fromYear?: number): ImportRow[] {
  const raw = parseJson(text, shown);
  const unsafe = mayHaveUnsafeKeys(text) ? unsafeKeyProblems(raw, shown) : [];
  if (unsafe.length > 0) throw new InvalidInputError(locate(text, unsafe));
  // What `show --json` prints, for one service or a list of them.
  const parsed = (Array.isArray(raw) ? z.array(JsonService) : JsonService).safeParse(raw, { reportInput: true });
  if (!parsed.success) throw new InvalidInputError(locate(text, zodProblems(shown, parsed.error)));
  const services = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
  const base = Array.isArray(parsed.data) ? (i: number) => `/${i}` : () => '';
  const problems: Problem[] = [];
  const rows = services.flatMap((s, i) => {
    const problem = s.year === undefined ? undefined : yearProblem(s.year, year, fromYear);
    if (problem !== undefined) problems.push({ file: shown, pointer: `${base(i)}/year`, message: problem });
    return Object.entries(s.answers).map(([question, a]) => ({
      service: s.service,
      question,
      value: a.value,
      comment: a.comment,
      evidence: a.evidence,
      pointer: `${base(i)}/answers/${question.replace(/~/g, '~0').replace(/\//g, '~1')}`,
    }));
  });
  if (problems.length > 0) throw new InvalidInputError(locate(text, problems));
  return rows;
}

/** Reads an import file: JSON by its `.json` ending or a leading brace/bracket, CSV otherwise. */
export function readImportFile(path: string, shown: string, year: number, fromYear?: number): { rows: ImportRow[]; text: string } {
  const text = readTextFile(path, shown, { followLinks: true });
  const json = path.toLowerCase().endsWith('.json') || /^\s*[[{]/.test(text);
  if (!json && fromYear !== undefined) {
    throw new UsageError(m().ir_fromYearCsv, m().ir_fromYearCsvHint);
  }
  return { rows: json ? readJsonImport(text, shown, year, fromYear) : readCsv(text, shown), text };
}

/**
 * Answers moved from one year into another, less the counts over a period (perPeriod, or
 * answered from the incident register): last year's count is not this year's, as in assess,
 * where they are never carried forward. A question the catalogue does not know is kept, for
 * planImport to refuse with its line.
 */
export function withoutPerPeriod(rows: readonly ImportRow[], catalog: Catalog): { rows: ImportRow[]; skipped: ImportRow[] } {
  const perPeriod = (row: ImportRow) => {
    const ref = catalog.questions.get(row.question.trim().toUpperCase());
    return ref !== undefined && isPerPeriod(ref.question);
  };
  return { rows: rows.filter((r) => !perPeriod(r)), skipped: rows.filter(perPeriod) };
}
