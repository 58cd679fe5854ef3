import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError, Help, Option } from 'commander';
import { InterruptedError, InvalidInputError, StoppedError, UsageError, formatProblem } from '../errors.js';
import { terminalSafe } from '../io/text.js';
import { PACKAGE_ROOT } from '../store/workspace.js';
import { defineActions } from './actions.js';
import { defineAnswer } from './answer.js';
import { defineAssess } from './assess.js';
import { defineCompare } from './compare.js';
import { defineCoverage } from './coverage.js';
import { defineExport } from './export.js';
import { defineGit } from './git.js';
import { defineImport } from './import.js';
import { defineIncident } from './incident.js';
import { defineInit } from './init.js';
import { defineMigrate } from './migrate.js';
import { defineObservation } from './observation.js';
import { defineOverview } from './overview.js';
import { definePlan } from './plan.js';
import { defineReport } from './report.js';
import { defineRollup } from './rollup.js';
import { defineScore } from './score.js';
import { defineService } from './service.js';
import { defineShow } from './show.js';
import { defineValidate } from './validate.js';
import { defineVerify } from './verify.js';
import { defineYear } from './year.js';

export const EXIT = { ok: 0, failure: 1, usage: 2, interrupted: 130 } as const;

const HELP_TITLES: Record<string, string> = {
  'Usage:': 'Användning:',
  'Options:': 'Flaggor:',
  'Commands:': 'Kommandon:',
  'Arguments:': 'Argument:',
  'Global Options:': 'Globala flaggor:',
};

/** commander speaks English; our users read Swedish. */
function swedishError(message: string): string {
  return message
    .replace(/^error: /, 'fel: ')
    .replace(/unknown option '([^']*)'/, "okänd flagga '$1'")
    .replace(/unknown command '([^']*)'/, "okänt kommando '$1'")
    .replace(/\(Did you mean (.*)\?\)/, '(Menade du $1?)')
    .replace(/missing required argument '([^']*)'/, "argumentet '$1' saknas")
    .replace(/option '([^']*)' argument missing/, "flaggan '$1' saknar värde")
    .replace(/required option '([^']*)' not specified/, "flaggan '$1' krävs")
    .replace(/too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\./, (_m, cmd: string | undefined, want: string, got: string) =>
      `för många argument${cmd ? ` till '${cmd}'` : ''}: väntade ${want}, fick ${got}.`,
    )
    .replace(/option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are (.*)\./, "flaggan '$1': '$2' är inte tillåtet; välj en av $3.");
}

const englishHelp = new Help();

const GLOBAL_WITH_VALUE = new Set(['--dir', '--lang']);

/** `efterlev` with no command (global options only) shows the overview. */
function withDefaultCommand(argv: string[]): string[] {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (GLOBAL_WITH_VALUE.has(arg)) i++;
    else if (!arg.startsWith('-') || ['-h', '--help', '-V', '--version'].includes(arg)) return argv;
  }
  return [...argv, 'overview'];
}

function version(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

export function buildProgram(): Command {
  const program = new Command('efterlev');
  program
    .description('Årlig efterlevnadskontroll: dataskyddsombudets kontrollpunkter och IT-säkerhetens kontrollområden, per tjänst.')
    .version(version(), '-V, --version', 'visa versionen')
    .helpOption('-h, --help', 'visa hjälp')
    .helpCommand('help [kommando]', 'visa hjälp för ett kommando')
    .option('--dir <mapp>', 'arbetsytan (annars EFTERLEV_DIR eller aktuell mapp)')
    .option('--json', 'maskinläsbar utdata på stdout, inget annat där')
    .addOption(new Option('--lang <språk>', 'språk för utdata').choices(['sv', 'en']).default('sv'))
    .option('--no-color', 'utan färger (även NO_COLOR)')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({ outputError: (str, write) => write(terminalSafe(swedishError(str))) })
    .configureHelp({
      styleTitle: (title) => HELP_TITLES[title] ?? title,
      commandUsage: (cmd) => englishHelp.commandUsage(cmd).replace('[options]', '[flaggor]').replace('[command]', '[kommando]'),
      subcommandTerm: (cmd) => englishHelp.subcommandTerm(cmd).replace('[options]', '[flaggor]'),
      optionDescription: (option) => {
        const extra: string[] = [];
        if (option.argChoices) extra.push(`välj ${option.argChoices.join(' eller ')}`);
        if (option.defaultValue !== undefined && typeof option.defaultValue !== 'boolean') extra.push(`standard: ${String(option.defaultValue)}`);
        return extra.length > 0 ? `${option.description} (${extra.join(', ')})` : option.description;
      },
      showGlobalOptions: true,
    })
    .addHelpText(
      'after',
      `
Exempel:
  efterlev                                        översikt över senaste året
  efterlev score --year 2025 --service office365  poäng och status per kontroll
  efterlev answer --year 2025 --service office365 LOG.1=ja --comment "Loggar granskas månadsvis"
  efterlev validate                               kontrollera kataloger och svarsfiler
  efterlev year close 2024 --by "Eva Ek"          stäng ett år när nämnden har fått rapporten
  efterlev verify                                 kontrollera de stängda åren mot sina manifest

Slutkoder: 0 klart, 1 fel, 2 ogiltig användning eller indata, 130 avbrutet.`,
    );
  for (const define of [defineOverview, defineInit, defineService, defineAssess, defineAnswer, defineImport, defineShow, defineScore, defineActions, definePlan, defineExport, defineCompare, defineCoverage, defineReport, defineObservation, defineIncident, defineMigrate, defineRollup, defineYear, defineValidate, defineVerify]) {
    define(program);
  }
  defineGit(program);
  return program;
}

function report(message: string): void {
  process.stderr.write(terminalSafe(message.endsWith('\n') ? message : message + '\n'));
}

/** Runs the CLI; returns the exit code. Never throws. */
export async function main(argv: string[]): Promise<number> {
  // Answer files and exports are confidential: whatever the user's umask, only the owner reads them.
  process.umask(0o077);
  // `efterlev --help | head`: a reader that stops early is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(EXIT.ok);
    throw err;
  });
  try {
    await buildProgram().parseAsync(withDefaultCommand(argv), { from: 'user' });
    return EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      return ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(err.code) ? EXIT.ok : EXIT.usage;
    }
    if (err instanceof InvalidInputError) {
      report(`fel: ogiltig indata, ingenting har ändrats:\n${err.problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
      return EXIT.usage;
    }
    if (err instanceof UsageError) {
      report(`fel: ${err.message}${err.hint ? `\n${err.hint}` : ''}`);
      return EXIT.usage;
    }
    if (err instanceof StoppedError) {
      report(`fel: ${err.message}${err.hint ? `\n${err.hint}` : ''}`);
      return EXIT.failure;
    }
    if (err instanceof InterruptedError) return EXIT.interrupted;
    if (err instanceof Error && err.name === 'ExitPromptError') {
      report('Avbrutet.');
      return EXIT.interrupted;
    }
    report(`fel: oväntat fel: ${err instanceof Error ? err.message : String(err)}`);
    if (process.env['EFTERLEV_DEBUG'] && err instanceof Error) report(err.stack ?? '');
    return EXIT.failure;
  }
}
