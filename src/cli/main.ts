import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError, Help, Option } from 'commander';
import { InterruptedError, InvalidInputError, StoppedError, UsageError, formatProblem } from '../errors.js';
import { terminalSafe } from '../io/text.js';
import { m, outputLang, setOutputLang, type Lang } from '../ui/i18n.js';
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

function helpTitles(): Record<string, string> {
  const t = m();
  return { 'Usage:': t.h_usage, 'Options:': t.h_options, 'Commands:': t.h_commands, 'Arguments:': t.h_arguments, 'Global Options:': t.h_globalOptions };
}

/** commander speaks English; our users read Swedish (and, with --lang en, commander's English). */
function swedishError(message: string): string {
  if (outputLang() === 'en') return message;
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

/** The --lang given on the command line (`--lang en`, `--lang=en`), before commander has parsed it: commander's own texts are made first. */
export function langOfArgv(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (value === 'en' || value === 'sv') return value;
  }
  return 'sv';
}

export function buildProgram(): Command {
  const t = m();
  const titles = helpTitles();
  const program = new Command('efterlev');
  program
    .description(t.h_description)
    .version(version(), '-V, --version', t.h_version)
    .helpOption('-h, --help', t.h_help)
    .helpCommand(t.ph_helpCommand, t.h_helpCommand)
    .option(`--dir ${t.ph_folder}`, t.h_dir)
    .option('--json', t.h_json)
    .addOption(new Option(`--lang ${t.ph_language}`, t.h_lang).choices(['sv', 'en']).default('sv'))
    .option('--no-color', t.h_noColor)
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({ outputError: (str, write) => write(terminalSafe(swedishError(str))) })
    .configureHelp({
      styleTitle: (title) => titles[title] ?? title,
      commandUsage: (cmd) => englishHelp.commandUsage(cmd).replace('[options]', t.h_optionsWord).replace('[command]', t.h_commandWord),
      subcommandTerm: (cmd) => englishHelp.subcommandTerm(cmd).replace('[options]', t.h_optionsWord),
      optionDescription: (option) => {
        const extra: string[] = [];
        if (option.argChoices) extra.push(t.h_choose(option.argChoices));
        if (option.defaultValue !== undefined && typeof option.defaultValue !== 'boolean') extra.push(t.h_default(String(option.defaultValue)));
        return extra.length > 0 ? `${option.description} (${extra.join(', ')})` : option.description;
      },
      showGlobalOptions: true,
    })
    .addHelpText('after', t.h_examples);
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
  setOutputLang(langOfArgv(argv));
  const t = m();
  try {
    await buildProgram().parseAsync(withDefaultCommand(argv), { from: 'user' });
    return EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      return ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(err.code) ? EXIT.ok : EXIT.usage;
    }
    if (err instanceof InvalidInputError) {
      report(`${t.e_prefix}: ${t.e_invalidInput}:\n${err.problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
      return EXIT.usage;
    }
    if (err instanceof UsageError) {
      report(`${t.e_prefix}: ${err.message}${err.hint ? `\n${err.hint}` : ''}`);
      return EXIT.usage;
    }
    if (err instanceof StoppedError) {
      report(`${t.e_prefix}: ${err.message}${err.hint ? `\n${err.hint}` : ''}`);
      return EXIT.failure;
    }
    if (err instanceof InterruptedError) return EXIT.interrupted;
    if (err instanceof Error && err.name === 'ExitPromptError') {
      report(t.e_interrupted);
      return EXIT.interrupted;
    }
    report(`${t.e_prefix}: ${t.e_unexpected}: ${err instanceof Error ? err.message : String(err)}`);
    if (process.env['EFTERLEV_DEBUG'] && err instanceof Error) report(err.stack ?? '');
    return EXIT.failure;
  }
}
