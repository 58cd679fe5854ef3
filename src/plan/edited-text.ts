import { InvalidInputError, type Problem } from '../errors.js';
import { COLUMNS } from '../export/columns.js';
import { describeControlCharacter, normaliseLineBreaks } from '../io/text.js';
import type { EditedRow } from './import.js';

/**
 * The cells of an edited handlingsplan as they may be stored: a CR LF (a line break in a CSV
 * cell from Excel) as LF; a control character refuses the whole file, with its line and column.
 */
export function checkEditedText(rows: readonly EditedRow[], shown: string): EditedRow[] {
  const problems: Problem[] = [];
  const checked = rows.map(({ line, cells }) => {
    const clean: EditedRow['cells'] = {};
    for (const [key, raw] of Object.entries(cells) as [keyof EditedRow['cells'], string][]) {
      const text = normaliseLineBreaks(raw);
      const control = describeControlCharacter(text);
      if (control !== undefined) problems.push({ file: shown, line, message: `kolumnen ${COLUMNS.find((c) => c.key === key)?.header.sv ?? key} ${control}` });
      clean[key] = text;
    }
    return { line, cells: clean };
  });
  if (problems.length > 0) throw new InvalidInputError(problems);
  return checked;
}
