import { isPerPeriod } from '../catalog/values.js';
import type { Catalog } from '../catalog/load.js';
import { UsageError } from '../errors.js';
import { incidentFactsOf } from '../engine/assess.js';
import type { Incident } from '../incidents/schema.js';
import { select } from '@inquirer/prompts';
import type { AnswerValue } from '../catalog/values.js';
import { checklistsFor, readAnswerFile, sameAnswer, saveAnswers, type AnswerChange, type ChangeOutcome } from '../store/answers.js';
import type { Answer } from '../store/schema.js';
import type { RegisteredService } from '../store/register.js';
import type { Workspace } from '../store/workspace.js';
import { msg, text, type Lang } from '../ui/i18n.js';
import { terminalWidth, wrap } from '../ui/layout.js';
import { bold, dim } from '../ui/style.js';
import { AnswerForesight } from '../engine/what-if.js';
import { askComment, askEvidence, askStep, defaultValueOf, defaultWarning, describeAnswer, themeFor } from './prompts.js';
import { progressPercent, startIndex, stepsFor, type Step, type WalkSelection } from './walk.js';

export interface SessionOptions extends WalkSelection {
  ws: Workspace;
  catalog: Catalog;
  service: RegisteredService;
  year: number;
  reviewer: string;
  all: boolean;
  lang: Lang;
  /** The command that resumes this session, shown when it is interrupted. */
  resumeCommand: string;
  /** The service's incidents: count questions the register covers are answered from it, not asked. */
  incidents?: { list: readonly Incident[]; years: ReadonlySet<number> } | undefined;
  print(line: string): void;
}

export interface SessionOutcome {
  saved: number;
  /** False when Ctrl-C ended the session; every answer given before it is saved. */
  finished: boolean;
}

/** What the session prints itself, wrapped at words to the terminal as it is now (it may have been resized). */
const fit = (s: string, hanging?: string): string => wrap(s, terminalWidth(), hanging === undefined ? {} : { hanging });

function header(step: Step, opts: SessionOptions, percent: number): string {
  const control = `${step.control.id} ${text(step.control.name, opts.lang)}`;
  const m = msg(opts.lang);
  return [
    '',
    fit(`${bold(opts.service.name)} ${dim(`(${opts.service.id})`)} · ${opts.year} · ${text(step.checklist.name, opts.lang)}`),
    fit(`${bold(control)} ${dim(m.q_controlOf(step.controlNumber, step.controlCount))}`),
    dim(fit(text(step.control.description, opts.lang))),
    dim(fit(m.q_progress(step.questionNumber, step.questionCount, percent))),
  ].join('\n');
}

/** Quotes a word for a POSIX shell only when it needs it: the resume line is meant to be pasted. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_\/.,:=@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** What was given on the command line, for the resume line. */
export interface Invocation {
  year: number;
  service: string;
  checklist?: string | undefined;
  control?: string | undefined;
  all?: boolean | undefined;
  reviewer?: string | undefined;
  /** Absolute. */
  dir?: string | undefined;
  lang?: string | undefined;
}

/** The exact command to run again after an interruption: the same selection, workspace, reviewer and language. */
export function resumeCommand(given: Invocation): string {
  const words = ['efterlev', 'assess', '--year', String(given.year), '--service', given.service];
  const option = (name: string, value: string | undefined) => (value === undefined ? [] : [name, value]);
  words.push(
    ...option('--checklist', given.checklist),
    ...option('--control', given.control),
    ...(given.all ? ['--all'] : []),
    ...option('--reviewer', given.reviewer),
    ...option('--dir', given.dir),
    ...option('--lang', given.lang),
  );
  return words.map(shellWord).join(' ');
}

const when = (a: Answer): string => a.at.slice(0, 16).replace('T', ' ');

/** Someone else answered while this reviewer was deciding: show who, when and what, and let them choose. */
async function resolveConflict(opts: SessionOptions, step: Step, theirs: Answer | undefined, mine: AnswerValue): Promise<'theirs' | 'mine' | 'again'> {
  const m = msg(opts.lang);
  const described = theirs === undefined ? m.q_conflictRemoved : m.q_conflictAnswered(describeAnswer(step.question, theirs, opts.lang));
  opts.print(
    [
      '',
      bold(fit(m.q_conflictTitle(step.question.id))),
      fit(`  ${theirs?.by ?? m.q_unknownPerson}${theirs ? `, ${when(theirs)}` : ''}: ${described}`, '    '),
      fit(`  ${m.q_yourAnswer}: ${describeAnswer(step.question, { value: mine }, opts.lang)}`, '    '),
    ].join('\n'),
  );
  return select<'theirs' | 'mine' | 'again'>({
    message: m.q_whatNow,
    theme: themeFor(opts.lang),
    choices: [
      { name: m.q_keepTheirs, value: 'theirs' },
      { name: m.q_overwrite, value: 'mine' },
      { name: m.q_answerAgain, value: 'again' },
    ],
  });
}

/**
 * Walks the questions of one service and year, saving every answer as soon as it is given.
 * Each save re-reads the file under a lock and checks that the answer the reviewer saw is still
 * the stored one, so a colleague answering the same service at the same time is never silently
 * overwritten; the lock is never held while a prompt is open. A value is saved the moment it is
 * chosen (the prompt shows it as done); comment and evidence, asked next, complete it.
 */
export async function runSession(opts: SessionOptions): Promise<SessionOutcome> {
  const steps = stepsFor(checklistsFor(opts.catalog, opts.service.id, opts.year), opts.service.profile, opts);
  const m = msg(opts.lang);
  if (steps.length === 0) throw new UsageError(m.q_noQuestions(opts.service.id, opts.control, opts.checklist));
  const previous = readAnswerFile(opts.ws, opts.catalog, opts.year - 1, opts.service.id)?.answers ?? {};
  const read = () => readAnswerFile(opts.ws, opts.catalog, opts.year, opts.service.id)?.answers ?? {};
  let answers = read();
  // Count questions the incident register answers are not asked: the register, not memory.
  const facts = incidentFactsOf({ service: opts.service.id, profile: opts.service.profile, year: opts.year, answers, previous: {}, incidents: opts.incidents });
  const fromRegister = new Map(
    steps.flatMap(({ question: q }) => (q.type === 'number' && q.fromIncidents !== undefined && facts.covered ? [[q.id, facts.count[q.fromIncidents]] as const] : [])),
  );
  const answeredIds = () => new Set([...Object.keys(answers), ...fromRegister.keys()]);
  let index = startIndex(steps, answeredIds(), opts.all);
  if (index >= steps.length) {
    opts.print(m.q_allAnswered(steps.length));
    return { saved: 0, finished: true };
  }
  let saved = 0;
  /** The answer just saved and still waiting for its comment and evidence. */
  let pending: { step: Step; answer: Answer } | undefined;
  /** A value chosen but not saved: "ej tillämplig" waiting for its required motivation. */
  let unsaved: { step: Step; value: AnswerValue } | undefined;
  // A resumed session can go back over the questions answered before it, as if it had never stopped.
  const history: number[] = Array.from({ length: index }, (_, i) => i);
  const foresight = new AnswerForesight(opts.catalog);
  // Ctrl-C between prompts (while saving) must not kill the process mid-save: finish the save, then stop.
  let interrupted = false;
  const onSigint = () => {
    interrupted = true;
  };
  process.on('SIGINT', onSigint);
  const save = async (change: AnswerChange): Promise<ChangeOutcome> => {
    const [outcome] = await saveAnswers(opts.ws, opts.catalog, opts.year, opts.service.id, [change], opts.reviewer);
    return outcome!;
  };
  const stopped = (): SessionOutcome => {
    let detail = '';
    if (pending !== undefined) {
      const { question } = pending.step;
      const bare = !pending.answer.comment && !pending.answer.evidence;
      detail = m.q_savedAs(question.id, describeAnswer(question, pending.answer, opts.lang), bare);
    } else if (unsaved !== undefined) {
      detail = m.q_notSaved(unsaved.step.question.id, describeAnswer(unsaved.step.question, { value: unsaved.value }, opts.lang));
    }
    // The command stays on one line whatever its length: it is meant to be copied and pasted.
    opts.print(`\n${fit(m.q_interrupted(saved, detail))}\n${m.q_resume} ${opts.resumeCommand}`);
    return { saved, finished: false };
  };
  try {
    while (index < steps.length) {
      if (interrupted) return stopped();
      const step = steps[index]!;
      const { question } = step;
      answers = read();
      const current = answers[question.id];
      const last = previous[question.id];
      opts.print(header(step, opts, progressPercent(steps, answeredIds())));
      const counted = fromRegister.get(question.id);
      if (counted !== undefined) {
        opts.print(`${fit(`${question.id} ${text(question.text, opts.lang)}`)}\n${fit(`${bold(m.q_fromRegister(counted))} ${dim(m.q_fromRegisterNote)}`)}`);
        history.push(index);
        index++;
        continue;
      }
      if (last !== undefined) {
        opts.print(dim(fit(`${m.q_lastYear}: ${describeAnswer(question, last, opts.lang)}${isPerPeriod(question) ? m.q_lastPeriod : ''}`, '  ')));
      }
      if (current !== undefined) opts.print(dim(fit(`${m.q_thisYear}: ${describeAnswer(question, current, opts.lang)} (${current.by}, ${current.at.slice(0, 10)})`, '  ')));
      const candidate = defaultValueOf(question, current, last);
      if (candidate !== undefined && (question.type === 'date' || question.type === 'number')) {
        const input = { service: opts.service.id, profile: opts.service.profile, year: opts.year, answers, previous };
        const warning = defaultWarning(question, candidate, current === undefined, foresight.gapsIf(input, step.checklist, question, candidate), opts.lang);
        if (warning !== undefined) opts.print(fit(warning, '  '));
      }

      const action = await askStep({ question, current, previous: last, profile: opts.service.profile, year: opts.year, lang: opts.lang, canGoBack: history.length > 0, print: opts.print });
      if (action.kind === 'back') {
        index = history.pop() ?? index;
        continue;
      }
      if (action.kind === 'keep' && !sameAnswer(read()[question.id], current)) {
        opts.print(dim(fit(m.q_changedMeanwhile(question.id))));
        continue;
      }
      if (action.kind === 'answer') {
        let comment = action.comment ?? '';
        if (action.motivation !== undefined) {
          unsaved = { step, value: action.value };
          comment = await askComment(action.details?.comment ?? comment, action.motivation, opts.lang);
          unsaved = undefined;
        }
        const evidence = action.evidence ?? '';
        let outcome = await save({ question: question.id, value: action.value, comment, evidence, expected: current ?? null });
        if (outcome.kind === 'conflict') {
          const choice = await resolveConflict(opts, step, outcome.stored, action.value);
          if (choice === 'again') continue;
          if (choice === 'mine') {
            outcome = await save({ question: question.id, value: action.value, comment, evidence, expected: outcome.stored ?? null });
            if (outcome.kind === 'conflict') continue; // changed yet again: show it
          }
        }
        if (outcome.kind === 'added' || outcome.kind === 'changed') {
          saved++;
          if (action.details !== undefined) {
            pending = { step, answer: outcome.answer };
            if (interrupted) return stopped();
            const details = {
              comment: action.motivation !== undefined ? comment : await askComment(action.details.comment, undefined, opts.lang),
              evidence: await askEvidence(action.details.evidence, opts.lang),
            };
            const stored = outcome.answer;
            pending = undefined;
            if (details.comment !== (stored.comment ?? '') || details.evidence !== (stored.evidence ?? '')) {
              const amended = await save({ question: question.id, value: action.value, ...details, expected: stored, amend: true });
              if (amended.kind === 'conflict') {
                opts.print(dim(fit(m.q_changedBeforeComment(question.id))));
                continue;
              }
            }
          }
        }
      }
      history.push(index);
      index++;
    }
  } catch (err) {
    if (err instanceof Error && err.name === 'ExitPromptError') return stopped();
    throw err;
  } finally {
    process.off('SIGINT', onSigint);
  }
  return { saved, finished: true };
}
