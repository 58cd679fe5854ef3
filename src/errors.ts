import { m } from './ui/i18n.js';

/** One thing wrong with one input file, at one place in it. */
export interface Problem {
  /** The file as the user should see it (relative to the workspace where possible). */
  file: string;
  /** JSON pointer ("" for the whole document) or, for line-based files, undefined. */
  pointer?: string;
  line?: number;
  column?: number;
  /** The column's heading, for a spreadsheet: "kolumn 20 (Anteckning)". */
  columnName?: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  const column = p.column === undefined ? '' : `, ${m().pr_column} ${p.column}${p.columnName ? ` (${p.columnName})` : ''}`;
  const where = [p.pointer !== undefined ? `#${p.pointer}` : '', p.line !== undefined ? ` (${m().pr_row} ${p.line}${column})` : ''].join('');
  return `${p.file}${where}: ${p.message}`;
}

/** Bad input: the user's files or arguments. Exit code 2, nothing written. */
export class InvalidInputError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InvalidInputError';
  }
}

/** Bad usage of a command: unknown service, missing option, value out of range. Exit code 2. */
export class UsageError extends Error {
  constructor(message: string, readonly hint?: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The user pressed Ctrl-C; what was confirmed is saved and the way back has been printed. Exit code 130. */
export class InterruptedError extends Error {
  constructor() {
    super('avbrutet');
    this.name = 'InterruptedError';
  }
}

/**
 * An operation that could not be done safely and was stopped before it changed anything (a lock
 * lost while paused, a file busy for too long, a full disk). Exit code 1; the message says what
 * happened and what to do.
 */
export class StoppedError extends Error {
  constructor(message: string, readonly hint?: string) {
    super(message);
    this.name = 'StoppedError';
  }
}
