import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { describeControlCharacter, normaliseLineBreaks, terminalSafe } from '../io/text.js';
import { resolveWorkspace, type Workspace } from '../store/workspace.js';
import type { Lang } from '../ui/i18n.js';
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
  print(line: string): void;
  printJson(value: unknown): void;
  warn(line: string): void;
}

export function contextOf(cmd: Command): Context {
  const opts = cmd.optsWithGlobals<GlobalOptions>();
  const noColorEnv = process.env['NO_COLOR'] !== undefined && process.env['NO_COLOR'] !== '';
  setColor(opts.color && !noColorEnv);
  return {
    ws: resolveWorkspace(opts.dir),
    lang: opts.lang,
    json: opts.json === true,
    print: (line) => process.stdout.write(terminalSafe(line.endsWith('\n') ? line : line + '\n')),
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

export const YEAR_HELP = 'granskningsåret, t.ex. 2025';

/**
 * commander argument parser for free text (`--comment`, `--owner`, an observation): a CR LF as
 * typed or pasted becomes LF; a control character is refused with the option and its place.
 */
export function parseText(name: string, limit: keyof typeof MAX_TEXT = 'name'): (raw: string) => string {
  return (raw) => {
    const text = normaliseLineBreaks(raw);
    const problem = describeControlCharacter(text);
    if (problem !== undefined) throw new UsageError(`${name} ${problem}.`, 'Ta bort styrtecknet (ofta följer det med inklistrad text) och försök igen.');
    const tooLong = lengthProblem(limit, text);
    if (tooLong !== undefined) throw new UsageError(`${name}: ${tooLong}.`);
    return text;
  };
}
