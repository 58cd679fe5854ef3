import Table from 'cli-table3';
import tableUtils from 'cli-table3/src/utils.js';
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';
import { bold } from './style.js';

/**
 * Terminal layout: every line efterlev prints for a person fits the terminal. Text is wrapped at
 * word boundaries by wrap-ansi (colour codes are kept and not counted); a table gets column widths
 * that fit, its free-text columns wrapped at words, and when even that does not fit (a column's
 * longest word, an action id say, would not), its rows are printed as small blocks instead
 * ("Kontroll: … / Poäng: … / Status: …"). A word is split only when it is wider than the whole
 * line: nothing else can make it fit.
 */

/** Below this a terminal width is taken as a mistake (COLUMNS=0, a garbled value) and ignored. */
const MIN_WIDTH = 20;
/** What is printed to a file or a pipe is laid out for a terminal this wide. */
export const DEFAULT_WIDTH = 100;

/** The width to lay output out for: COLUMNS when set, the terminal's when stdout is one, else 100. */
export function terminalWidth(env: NodeJS.ProcessEnv = process.env, stdout: { isTTY?: boolean; columns?: number } = process.stdout): number {
  const raw = env['COLUMNS'];
  if (raw !== undefined && /^\s*\d+\s*$/.test(raw) && Number(raw) >= MIN_WIDTH) return Number(raw);
  if (stdout.isTTY && typeof stdout.columns === 'number' && stdout.columns >= MIN_WIDTH) return stdout.columns;
  return DEFAULT_WIDTH;
}

/**
 * Text made only of characters one column wide each, which NFC leaves as they are and no two of
 * which join into one character on screen: printable ASCII, Latin-1 and Latin Extended (å ä ö é
 * · § but not the soft hyphen), general punctuation (– — … ‰), arrows, mathematical operators
 * (≥ ≤) and box drawing. Its width is its length, without asking string-width (a test checks
 * every one of these characters against it): a table of 60,000 actions has half a million cells.
 */
const NARROW_CHARACTERS = '\\x20-\\x7e\\u00a0-\\u00ac\\u00ae-\\u02ff\\u2010-\\u2027\\u2030-\\u205e\\u2190-\\u22ff\\u2500-\\u257f';
const NARROW = new RegExp(`^[${NARROW_CHARACTERS}]*$`);
/** The same characters and line breaks: among them only space, no-break space and line break part words. */
const NARROW_LINES = new RegExp(`^[\\n${NARROW_CHARACTERS}]*$`);

/** Colour and style codes (SGR), which take no column. */
const SGR = /\x1b\[[\d;]*m/g;

/** The width of a string of one-column characters, colour codes aside (NFC leaves it as it is); else undefined. */
const narrowWidth = (s: string): number | undefined => {
  if (NARROW.test(s)) return s.length;
  if (!s.includes('\x1b')) return undefined;
  const bare = s.replace(SGR, '');
  return NARROW.test(bare) ? bare.length : undefined;
};

/** Columns a string takes on screen: colour codes count 0, å ä ö 1 (NFC or not), wide characters 2. */
export const visibleWidth = (s: string): number => {
  const narrow = narrowWidth(s);
  if (narrow !== undefined) return narrow;
  const nfc = s.normalize('NFC');
  return NARROW.test(nfc) ? nfc.length : stringWidth(nfc);
};

const maxOf = (parts: readonly string[]): number => {
  let max = 0;
  for (const p of parts) max = Math.max(max, visibleWidth(p));
  return max;
};
const longestWord = (s: string): number => maxOf(s.split(/\s+/));
const widestLine = (s: string): number => maxOf(s.split('\n'));

/**
 * A cell's widest line and longest word, as widestLine and longestWord measure them. A table
 * of a city's 240,000 actions is measured cell by cell before it is drawn: a cell of one-column
 * characters is counted in one pass, without splitting it into lines and words.
 */
export function cellExtent(cell: string): { line: number; word: number } {
  const bare = cell.includes('\x1b') ? cell.replace(SGR, '') : cell;
  if (!NARROW_LINES.test(bare)) return { line: widestLine(cell), word: longestWord(cell) };
  let line = 0;
  let word = 0;
  let widest = 0;
  let longest = 0;
  for (let i = 0; i < bare.length; i++) {
    const c = bare.charCodeAt(i);
    if (c === 0x0a) {
      line = 0;
      word = 0;
      continue;
    }
    if (++line > widest) widest = line;
    if (c === 0x20 || c === 0xa0) word = 0;
    else if (++word > longest) longest = word;
  }
  return { line: widest, word: longest };
}

/**
 * Wraps text at word boundaries to `width`. Each line keeps its own leading indentation, and the
 * lines it wraps into are indented by `hanging` (default: the same indentation). A word wider than
 * the room left is split only then.
 */
export function wrap(text: string, width: number, opts: { hanging?: string } = {}): string {
  // Lines wrap each on its own: a handlingsplan cell's findings recur though the cell (its id) does not.
  if (text.includes('\n')) return text.split('\n').map((line) => wrap(line, width, opts)).join('\n');
  // A line that fits as it is, in one-column characters (colour aside), comes back as it is.
  const narrow = narrowWidth(text);
  if (narrow !== undefined && narrow <= width) return text;
  // A handlingsplan of 60,000 actions wraps the same hundred findings again and again: kept per
  // width and hanging indentation, by the text itself (no key string made for each of a city's lines).
  const shape = `${width}\u0000${opts.hanging ?? '\u0001'}`;
  let ofShape = wrapped_.get(shape);
  if (ofShape === undefined) wrapped_.set(shape, (ofShape = new Map()));
  let wrapped = ofShape.get(text);
  if (wrapped === undefined) {
    wrapped = wrapText(text, width, opts);
    if (++wrappedCount > 20_000) {
      wrapped_.clear();
      wrappedCount = 1;
      wrapped_.set(shape, (ofShape = new Map()));
    }
    ofShape.set(text, wrapped);
  }
  return wrapped;
}

const wrapped_ = new Map<string, Map<string, string>>();
let wrappedCount = 0;

function wrapText(text: string, width: number, opts: { hanging?: string }): string {
  return text
    .normalize('NFC')
    .split('\n')
    .map((line) => {
      if (visibleWidth(line) <= width) return line;
      // Leading colour codes belong to the text; the spaces after them are the indentation.
      const [lead, codes, indent] = /^((?:\x1b\[[\d;]*m)*)( *)/.exec(line)! as unknown as [string, string, string];
      const hanging = opts.hanging ?? indent;
      const body = codes + line.slice(lead.length);
      // The first line has the room its indentation leaves, the others what the hanging one leaves.
      const fill = (s: string, room: number) => wrapAnsi(s, room, { hard: longestWord(s) > room, trim: true, wordWrap: true }).split('\n');
      const [first, ...more] = fill(body, Math.max(1, width - indent.length));
      const rest = more.length === 0 ? [] : fill(more.join(' '), Math.max(1, width - hanging.length));
      return [indent + first, ...rest.map((l) => hanging + l)].join('\n');
    })
    .join('\n');
}

/** A label and its text: `Label: text`, the text's wrapped lines under its start. */
export function labelled(label: string, value: string, width: number, indent = ''): string {
  const head = `${indent}${label}: `;
  const lines = value.split('\n');
  if (visibleWidth(head) > width / 2) return [`${indent}${label}:`, ...lines.map((l) => wrap(`${indent}  ${l}`, width))].join('\n');
  const hanging = ' '.repeat(visibleWidth(head));
  return lines.map((l, i) => wrap((i === 0 ? head : hanging) + l, width, { hanging })).join('\n');
}

export interface Column {
  /**
   * How the column gives way when the table is too wide: `text` (free text: shrinks first, its
   * words wrapping), `keep` (ids, numbers: never narrower than its widest line), `drop` (a
   * decoration such as a score bar: left out before a table is stacked), or by default `wrap`
   * (shrinks after the free text, at word boundaries).
   */
  fit?: 'text' | 'wrap' | 'keep' | 'drop';
  /** A free-text column narrower than this reads as one word a line: stack the table instead. */
  min?: number;
}

export interface GridOptions {
  width: number;
  columns?: readonly (Column | undefined)[];
  /**
   * When stacked, rows that have a value in the first column start a group under it as a heading
   * (the compare table names a service once, on its first control).
   */
  groupByFirst?: boolean;
}

// No rule between body rows: a 60-row table stays readable and half as tall.
const CHARS = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };
/** Each column costs its content, one space either side and one border; the table one more border. */
const overhead = (columns: number): number => columns * 3 + 1;

/** Each column's widest line and longest word, head and rows, measured as the rows come. */
class Measure {
  readonly natural: number[];
  readonly words: number[];

  constructor(head: readonly string[]) {
    const extents = head.map(cellExtent);
    this.natural = extents.map((e) => e.line);
    this.words = extents.map((e) => e.word);
  }

  add(row: readonly string[]): void {
    for (let j = 0; j < this.natural.length; j++) {
      const { line, word } = cellExtent(row[j] ?? '');
      if (line > this.natural[j]!) this.natural[j] = line;
      if (word > this.words[j]!) this.words[j] = word;
    }
  }
}

/** How narrow a column may become: a `keep` column its widest line, others their longest word or `min`. */
function floorOf(spec: Column, natural: number, word: number): number {
  return spec.fit === 'keep' ? natural : Math.min(natural, Math.max(word, spec.min ?? 0));
}

/**
 * The narrowest the table can be drawn: every `drop` column left out, every other at its floor.
 * It only grows as rows are measured (widest lines and longest words are maxima).
 */
function narrowest({ natural, words }: Measure, opts: GridOptions): number {
  let total = 0;
  let shown = 0;
  for (let j = 0; j < natural.length; j++) {
    const spec = opts.columns?.[j] ?? {};
    if (spec.fit === 'drop') continue;
    total += floorOf(spec, natural[j]!, words[j]!);
    shown++;
  }
  return total + overhead(shown);
}

/** The content widths a table is drawn with, and the columns it leaves out. */
export interface TableFit {
  widths: number[];
  dropped: Set<number>;
}

/** The content widths that make the table fit, or undefined when no widths do (then it is stacked). */
function fitWidths(head: readonly string[], { natural, words }: Measure, opts: GridOptions): TableFit | undefined {
  const n = head.length;
  const spec = (j: number): Column => opts.columns?.[j] ?? {};
  const floor = (j: number): number => floorOf(spec(j), natural[j]!, words[j]!);
  const widths = [...natural];
  const dropped = new Set<number>();
  const total = () => widths.reduce((s, w, j) => s + (dropped.has(j) ? 0 : w), 0) + overhead(n - dropped.size);
  /** Narrows the widest of the columns, one column at a time, down to their floors. */
  const shrink = (which: (j: number) => boolean) => {
    while (total() > opts.width) {
      let widest = -1;
      for (let j = 0; j < n; j++) {
        if (dropped.has(j) || !which(j) || widths[j]! <= floor(j)) continue;
        if (widest === -1 || widths[j]! > widths[widest]!) widest = j;
      }
      if (widest === -1) return;
      widths[widest]!--;
    }
  };
  shrink((j) => spec(j).fit === 'text');
  for (let j = n - 1; j >= 0 && total() > opts.width; j--) if (spec(j).fit === 'drop') dropped.add(j);
  shrink((j) => spec(j).fit !== 'keep');
  return total() <= opts.width ? { widths, dropped } : undefined;
}

/** A row's cells as they are measured and drawn: NFC, a missing cell empty. */
const normalRow = (head: readonly string[], r: readonly string[]): string[] => head.map((_, j) => (r[j] ?? '').normalize('NFC'));

/**
 * The widths the table is drawn with at the width, or undefined when it does not fit as a table
 * (then grid stacks it), measured row by row as the rows are made: a city's 240,000 actions are
 * not held to find out, and the first row that makes the narrowest drawing too wide answers no
 * (more rows can only make it wider).
 */
export function tableFit(head: readonly string[], rows: Iterable<readonly string[]>, opts: GridOptions): TableFit | undefined {
  const m = new Measure(head);
  if (narrowest(m, opts) > opts.width) return undefined;
  for (const r of rows) {
    m.add(normalRow(head, r));
    if (narrowest(m, opts) > opts.width) return undefined;
  }
  return fitWidths(head, m, opts);
}

/**
 * Pieces joined by ` · ` into lines of at most `width`, each line starting with `indent`; a piece
 * is never split over two lines unless it is wider than a line by itself.
 */
export function pack(pieces: readonly string[], width: number, indent = ''): string {
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces) {
    const candidate = line === '' ? `${indent}${piece}` : `${line} · ${piece}`;
    if (visibleWidth(candidate) <= width) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    const alone = wrap(`${indent}${piece}`, width, { hanging: `${indent}  ` }).split('\n');
    line = alone.pop()!;
    lines.push(...alone);
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}

/**
 * Each row as a small block: `Heading: value` of the first column, then the other columns'
 * `Heading: value` packed beneath it (`Poäng: 75,0 · Status: Avvikelse – mellan/liten · …`). A
 * value of several lines gets lines of its own; the empty heading of a decoration joins the
 * column before it.
 */
function* stacked(head: readonly string[], rows: Iterable<readonly string[]>, opts: GridOptions): Generator<string> {
  const labels = head.map((h) => h.replace(/\n/g, ' '));
  const first = opts.groupByFirst ? 1 : 0;
  let grouped = false;
  for (const row of rows) {
    if (opts.groupByFirst && (row[0] ?? '') !== '') {
      grouped = true;
      yield bold(wrap(row[0]!, opts.width));
    }
    const indent = grouped ? '  ' : '';
    const fields: [string, string][] = [];
    for (let j = first; j < head.length; j++) {
      const value = row[j] ?? '';
      if (labels[j] === '' && fields.length > 0) {
        if (value.trim() !== '') fields[fields.length - 1]![1] += ` ${value}`;
        continue;
      }
      if (value.trim() !== '') fields.push([labels[j]!, value]);
    }
    const [lead, ...rest] = fields;
    const lines = lead === undefined ? [] : [labelled(lead[0], lead[1], opts.width, indent)];
    const inner = `${indent}  `;
    let pieces: string[] = [];
    const flush = () => {
      if (pieces.length > 0) lines.push(pack(pieces, opts.width, inner));
      pieces = [];
    };
    for (const [label, value] of rest) {
      if (value.includes('\n')) {
        flush();
        lines.push(labelled(label, value, opts.width, inner));
      } else pieces.push(`${label}: ${value}`);
    }
    flush();
    yield lines.join('\n');
  }
}

/**
 * A table that fits `opts.width`: cli-table3 draws it with widths chosen here and every cell
 * wrapped at word boundaries first, so cli-table3 never cuts a cell; or, when no widths fit,
 * each row as a block of `Heading: value` lines.
 */
export function grid(head: readonly string[], rows: readonly (readonly string[])[], opts: GridOptions, fit = tableFit(head, rows, opts)): string {
  return [...gridParts(head, rows, opts, fit)].join('\n');
}

/**
 * grid's text in pieces that joined by line breaks are that text, made as they are taken: a
 * city's comparison has a table of 100,000 rows, never drawn whole in memory. The rows are
 * iterated twice, once to measure and once to draw, so a re-iterable that makes each row as it
 * is taken (not an array of them) holds none. A caller that has asked tableFit passes its answer.
 */
export function* gridParts(head: readonly string[], rows: Iterable<readonly string[]>, opts: GridOptions, fit = tableFit(head, rows, opts)): Generator<string> {
  const normal = (): Iterable<string[]> => ({
    *[Symbol.iterator]() {
      for (const r of rows) yield normalRow(head, r);
    },
  });
  if (fit === undefined) {
    yield* stacked(head, normal(), opts);
    return;
  }
  const shown = [...head.keys()].filter((j) => !fit.dropped.has(j));
  const cell = (s: string, j: number) => wrap(s, fit.widths[j]!);
  yield* drawTableParts(
    shown.map((j) => bold(cell(head[j]!, j))),
    (function* () {
      for (const r of normal()) yield shown.map((j) => cell(r[j]!, j));
    })(),
    shown.map((j) => fit.widths[j]! + 2),
  );
}

/** Rows cli-table3 lays out at a time: its layout of one table takes time quadratic in its rows. */
export const TABLE_CHUNK = 100;

/**
 * cli-table3's drawing of a table with fixed column widths and cells wrapped beforehand, in
 * pieces of TABLE_CHUNK rows: each row's lines depend only on the row and the widths, and a
 * table without rules between rows is its top border, its head and rows, and its bottom border,
 * so the pieces joined are the table drawn whole, character for character (a test holds it to
 * that), in time linear in its rows.
 */
export function* drawTableParts(head: readonly string[], rows: Iterable<readonly string[]>, colWidths: readonly number[]): Generator<string> {
  const draw = (withHead: boolean, part: readonly (readonly string[])[]): string[] => {
    const table = new Table({ ...(withHead ? { head: [...head] } : {}), style: { head: [], border: [] }, chars: CHARS, colWidths: [...colWidths] });
    for (const r of part) table.push([...r]);
    return table.toString().split('\n');
  };
  const top = draw(true, []);
  const bottom = top.pop()!;
  yield top.join('\n');
  let lines: string[] = [];
  let pending: (readonly string[])[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    const part = draw(false, pending);
    for (let k = 1; k < part.length - 1; k++) lines.push(part[k]!);
    pending = [];
  };
  for (const r of rows) {
    const cells = fittingCells(r, colWidths);
    if (cells !== undefined) {
      flush();
      // Lines that fit in every cell: cli-table3's lines are the cells' lines side by side from
      // the top, one space either side, padded to the column, between rules.
      const height = Math.max(...cells.map((c) => c.lines.length));
      for (let k = 0; k < height; k++) {
        let line = '│';
        for (let j = 0; j < colWidths.length; j++) {
          const cell = cells[j]!;
          line += ` ${cell.lines[k] ?? ''}${spaces(colWidths[j]! - 2 - (cell.widths[k] ?? 0))} │`;
        }
        lines.push(line);
      }
    } else {
      pending.push(r);
      if (pending.length === TABLE_CHUNK) flush();
    }
    if (lines.length >= TABLE_CHUNK) {
      yield lines.join('\n');
      lines = [];
    }
  }
  flush();
  lines.push(bottom);
  yield lines.join('\n');
}

/** n spaces, made once for each n (a city's wide handlingsplan pads every cell of a million lines). */
const spaces = (n: number): string => (SPACES[n] ??= ' '.repeat(n));
const SPACES: string[] = [];

/** cli-table3's own pattern for the codes its width measure leaves out. */
const TABLE_SGR = /\u001b\[(?:\d*;){0,5}\d*m/g;

/**
 * Each cell's lines as cli-table3 draws them, and their widths, when every line is of one-column
 * characters (colour codes aside) and fits its column. A coloured cell's lines carry its colour
 * from line to line as cli-table3 carries it (colorizeLines). cli-table3 measures each coloured
 * line against the whole cell again for each line it draws: a city's handlingsplan in colour
 * took minutes.
 */
function fittingCells(row: readonly string[], colWidths: readonly number[]): { lines: string[]; widths: number[] }[] | undefined {
  if (row.length !== colWidths.length) return undefined;
  const cells: { lines: string[]; widths: number[] }[] = [];
  for (let j = 0; j < row.length; j++) {
    const room = colWidths[j]! - 2;
    const cell = row[j]!;
    const coloured = cell.includes('\x1b');
    const lines = coloured ? tableUtils.colorizeLines(cell.split('\n')) : cell.split('\n');
    const widths: number[] = [];
    for (const line of lines) {
      const bare = coloured ? line.replace(TABLE_SGR, '') : line;
      if (bare.length > room || !NARROW.test(bare)) return undefined;
      widths.push(bare.length);
    }
    cells.push({ lines, widths });
  }
  return cells;
}
