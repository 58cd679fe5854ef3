import { once } from 'node:events';
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { describeControlCharacter, normaliseLineBreaks, terminalSafe } from '../io/text.js';
import { resolveWorkspace, type Workspace } from '../store/workspace.js';
import { m, msg, setOutputLang, type Lang } from '../ui/i18n.js';
import { terminalWidth } from '../ui/layout.js';
import { setColor } from '../ui/style.js';
import { checkYear } from '../store/year.js';
import { MAX_TEXT, lengthProblem } from '../store/limits.js';

interface GlobalOptions {
  dir?: string;
  json?: boolean;
  lang: Lang;
  color: boolean;
}

/** What every command gets from the global options: where, in which language, for whom. */
export interface Context {
  ws: Workspace;
  lang: Lang;
  json: boolean;
  /** The width output for a person is laid out for (COLUMNS, the terminal's, else 100). */
  width: number;
  print(line: string): void;
  /** Resolves once standard output has passed on what it was given (at once for a file or terminal). */
  drain(): Promise<void>;
  printJson(value: unknown): void;
  warn(line: string): void;
}

export function contextOf(cmd: Command): Context {
  const opts = cmd.optsWithGlobals<GlobalOptions>();
  const noColorEnv = process.env['NO_COLOR'] !== undefined && process.env['NO_COLOR'] !== '';
  setColor(opts.color && !noColorEnv);
  setOutputLang(opts.lang);
  return {
    ws: resolveWorkspace(opts.dir),
    lang: opts.lang,
    json: opts.json === true,
    width: terminalWidth(),
    print: (line) => process.stdout.write(terminalSafe(line.endsWith('\n') ? line : line + '\n')),
    drain: () => (process.stdout.writableNeedDrain ? once(process.stdout, 'drain').then(() => undefined) : Promise.resolve()),
    // JSON.stringify escapes C0 but not DEL, C1 or bidi controls; their \u escapes mean the same JSON.
    printJson: (value) => process.stdout.write(terminalSafe(JSON.stringify(value, null, 2) + '\n')),
    warn: (line) => process.stderr.write(terminalSafe(line + '\n')),
  };
}

export function defaultReviewer(): string {
  try {
    return userInfo().username || 'okänd';
  } catch {
    return process.env['USER'] ?? 'okänd';
  }
}

/** commander argument parser for --year. */
export const parseYear = (raw: string): number => checkYear(raw);

/** --year's help, in the language of this run (commands are defined after --lang is known). */
export const yearHelp = (): string => m().h_yearHelp;
export const latestYearHelp = (): string => m().h_latestYearHelp;

/** The year a command reads or follows up: the one given, else the latest in the workspace, and how it was chosen. */
export interface ChosenYear {
  year: number;
  /** `(år 2025, senaste i arbetsytan)` when --year was not given; empty when it was. */
  note: string;
}

export async function yearOrLatest(ctx: Context, given: number | undefined): Promise<ChosenYear> {
  if (given !== undefined) return { year: given, note: '' };
  const { yearsIn } = await import('../store/answers.js');
  const latest = yearsIn(ctx.ws).at(-1);
  if (latest === undefined) throw new UsageError(msg(ctx.lang).e_noYears);
  return { year: latest, note: msg(ctx.lang).e_latestYear(latest) };
}

/** --year for the commands that write answers: required, with the years to choose between. */
export async function requireYear(ctx: Context, given: number | undefined, command: string): Promise<number> {
  if (given !== undefined) return given;
  const { yearsIn } = await import('../store/answers.js');
  const { currentYear } = await import('../clock.js');
  const latest = yearsIn(ctx.ws).at(-1);
  const options = [...new Set([currentYear(), ...(latest === undefined ? [] : [latest])])].sort();
  const e = msg(ctx.lang);
  throw new UsageError(
    e.e_needsYear(command),
    e.e_yearOptions(options.map((y) => `--year ${y}${y === currentYear() ? e.e_currentYear : ''}${y === latest ? e.e_latestInWorkspace : ''}`)),
  );
}

/**
 * commander argument parser for free text (`--comment`, `--owner`, an observation): a CR LF as
 * typed or pasted becomes LF; a control character is refused with the option and its place.
 */
export function parseText(name: string, limit: keyof typeof MAX_TEXT = 'name'): (raw: string) => string {
  return (raw) => {
    const text = normaliseLineBreaks(raw);
    const problem = describeControlCharacter(text);
    if (problem !== undefined) throw new UsageError(`${name} ${problem}.`, m().e_controlCharacterHint);
    const tooLong = lengthProblem(limit, text);
    if (tooLong !== undefined) throw new UsageError(`${name}: ${tooLong}.`);
    return text;
  };
}

/** What printParts gathers before it writes: a few system calls a megabyte, not one a line. */
export const PRINT_BATCH = 64 * 1024;

/**
 * Prints what `ctx.print(parts.join('\n'))` prints, piece by piece as the pieces are made: a
 * city's handlingsplan (240,000 actions, 150 MB of text) is never held as one string. Whole
 * pieces are gathered into writes of about PRINT_BATCH characters, and each write waits until
 * the reader has taken the one before: `efterlev actions | less` holds no more than that.
 */
export async function printParts(ctx: Pick<Context, 'print' | 'drain'>, parts: Iterable<string>): Promise<void> {
  let batch = '';
  let last: string | undefined;
  let printed = false;
  for (const part of parts) {
    if (last !== undefined) batch += `${last}\n`;
    last = part;
    if (batch.length >= PRINT_BATCH) {
      ctx.print(batch);
      printed = true;
      batch = '';
      await ctx.drain();
    }
  }
  // The text printed so far ends a line: an empty last piece adds nothing to it.
  const tail = batch + (last ?? '');
  if (tail === '' && printed) return;
  ctx.print(tail);
  await ctx.drain();
}

/** The pieces with a note on a line of its own before the first (none when the note is empty). */
export function* afterNote(note: string, parts: Iterable<string>): Generator<string> {
  let first = note !== '';
  for (const part of parts) {
    yield first ? `${note}\n${part}` : part;
    first = false;
  }
}

/**
 * `JSON.stringify(value, null, 2)` in pieces that joined by line breaks are that text, one piece
 * per element of the array at `key` (the object's last property), each made as it is printed.
 */
export function* prettyJsonParts(value: Record<string, unknown>, key: string, items: Iterable<unknown>): Generator<string> {
  const iterator = items[Symbol.iterator]();
  let next = iterator.next();
  if (next.done) {
    yield JSON.stringify({ ...value, [key]: [] }, null, 2);
    return;
  }
  const whole = JSON.stringify({ ...value, [key]: [0] }, null, 2);
  yield whole.slice(0, whole.lastIndexOf('\n    0\n'));
  while (!next.done) {
    const item = JSON.stringify(next.value, null, 2).replace(/\n/g, '\n    ');
    next = iterator.next();
    yield `    ${item}${next.done ? '' : ','}`;
  }
  yield '  ]\n}';
}
