import type { Catalog } from '../catalog/load.js';
import { UsageError } from '../errors.js';
import { select } from '@inquirer/prompts';
import type { AnswerValue } from '../catalog/values.js';
import { checklistsFor, readAnswerFile, sameAnswer, saveAnswers, type AnswerChange, type ChangeOutcome } from '../store/answers.js';
import type { Answer } from '../store/schema.js';
import type { RegisteredService } from '../store/register.js';
import type { Workspace } from '../store/workspace.js';
import { text, type Lang } from '../ui/i18n.js';
import { bold, dim } from '../ui/style.js';
import { askCommentAndEvidence, askStep, describeAnswer, theme } from './prompts.js';
import { progressPercent, startIndex, stepsFor, type Step, type WalkSelection } from './walk.js';

export interface SessionOptions extends WalkSelection {
  ws: Workspace;
  catalog: Catalog;
  service: RegisteredService;
  year: number;
  reviewer: string;
  all: boolean;
  lang: Lang;
  print(line: string): void;
}

export interface SessionOutcome {
  saved: number;
  /** False when Ctrl-C ended the session; every answer given before it is saved. */
  finished: boolean;
}

function header(step: Step, opts: SessionOptions, percent: number): string {
  const control = `${step.control.id} ${text(step.control.name, opts.lang)}`;
  return [
    '',
    `${bold(opts.service.name)} ${dim(`(${opts.service.id})`)} · ${opts.year} · ${text(step.checklist.name, opts.lang)}`,
    `${bold(control)} ${dim(`— kontroll ${step.controlNumber} av ${step.controlCount}`)}`,
    dim(text(step.control.description, opts.lang)),
    dim(`Fråga ${step.questionNumber} av ${step.questionCount} · totalt ${percent} % besvarat`),
  ].join('\n');
}

export function resumeHint(opts: Pick<SessionOptions, 'year' | 'service'>): string {
  return `Fortsätt där du slutade: efterlev assess --year ${opts.year} --service ${opts.service.id}`;
}

const when = (a: Answer): string => a.at.slice(0, 16).replace('T', ' ');

/** Someone else answered while this reviewer was deciding: show who, when and what, and let them choose. */
async function resolveConflict(opts: SessionOptions, step: Step, theirs: Answer | undefined, mine: AnswerValue): Promise<'theirs' | 'mine' | 'again'> {
  const described = theirs === undefined ? 'tog bort svaret' : `svarade ${describeAnswer(step.question, theirs, opts.lang)}${theirs.evidence ? ` (underlag: ${theirs.evidence})` : ''}`;
  opts.print(
    [
      '',
      bold(`${step.question.id}: någon annan hann före medan du svarade.`),
      `  ${theirs?.by ?? 'okänd'}${theirs ? `, ${when(theirs)}` : ''}: ${described}`,
      `  Ditt svar: ${describeAnswer(step.question, { value: mine, by: opts.reviewer, at: '' }, opts.lang)}`,
    ].join('\n'),
  );
  return select<'theirs' | 'mine' | 'again'>({
    message: 'Vad vill du göra?',
    theme,
    choices: [
      { name: 'Behåll deras svar', value: 'theirs' },
      { name: 'Skriv över med mitt svar (deras sparas i historiken)', value: 'mine' },
      { name: 'Svara på frågan igen', value: 'again' },
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
  const steps = stepsFor(checklistsFor(opts.catalog, opts.service.id), opts.service.profile, opts);
  if (steps.length === 0) {
    throw new UsageError(
      `Inga frågor att besvara för ${opts.service.id}${opts.control ? ` i kontrollen ${opts.control}` : ''}${opts.checklist ? ` i checklistan ${opts.checklist}` : ''}.`,
    );
  }
  const previous = readAnswerFile(opts.ws, opts.catalog, opts.year - 1, opts.service.id)?.answers ?? {};
  const read = () => readAnswerFile(opts.ws, opts.catalog, opts.year, opts.service.id)?.answers ?? {};
  let answers = read();
  let index = startIndex(steps, new Set(Object.keys(answers)), opts.all);
  if (index >= steps.length) {
    opts.print(`Alla ${steps.length} frågor är besvarade. Gå igenom dem igen med --all.`);
    return { saved: 0, finished: true };
  }
  let saved = 0;
  /** The answer just saved and still waiting for its comment and evidence. */
  let pending: { question: string; answer: Answer } | undefined;
  const history: number[] = [];
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
    const detail = pending ? ` ${pending.question} sparades som ${describeAnswer(steps.find((s) => s.question.id === pending!.question)!.question, pending.answer, opts.lang)}, utan kommentar och underlag.` : '';
    opts.print(`\nAvbrutet. ${saved} svar sparades under passet; inget bekräftat svar har gått förlorat.${detail}\n${resumeHint(opts)}`);
    return { saved, finished: false };
  };
  try {
    while (index < steps.length) {
      if (interrupted) return stopped();
      const step = steps[index]!;
      answers = read();
      const current = answers[step.question.id];
      const last = previous[step.question.id];
      opts.print(header(step, opts, progressPercent(steps, new Set(Object.keys(answers)))));
      if (last !== undefined) opts.print(dim(`Förra året: ${describeAnswer(step.question, last, opts.lang)}`));
      if (current !== undefined) opts.print(dim(`I år: ${describeAnswer(step.question, current, opts.lang)} (${current.by}, ${current.at.slice(0, 10)})`));

      const action = await askStep({ question: step.question, current, previous: last, lang: opts.lang, canGoBack: history.length > 0, print: opts.print });
      if (action.kind === 'back') {
        index = history.pop() ?? index;
        continue;
      }
      if (action.kind === 'keep' && !sameAnswer(read()[step.question.id], current)) {
        opts.print(dim(`${step.question.id} ändrades av någon annan medan du svarade; frågan visas igen med det nya svaret.`));
        continue;
      }
      if (action.kind === 'answer') {
        let outcome = await save({ question: step.question.id, value: action.value, comment: action.comment ?? '', evidence: action.evidence ?? '', expected: current ?? null });
        if (outcome.kind === 'conflict') {
          const choice = await resolveConflict(opts, step, outcome.stored, action.value);
          if (choice === 'again') continue;
          if (choice === 'mine') {
            outcome = await save({ question: step.question.id, value: action.value, comment: action.comment ?? '', evidence: action.evidence ?? '', expected: outcome.stored ?? null });
            if (outcome.kind === 'conflict') continue; // changed yet again: show it
          }
        }
        if (outcome.kind === 'added' || outcome.kind === 'changed') {
          saved++;
          if (action.askDetails) {
            pending = { question: step.question.id, answer: outcome.answer };
            if (interrupted) return stopped();
            const details = await askCommentAndEvidence(undefined);
            if (details.comment !== '' || details.evidence !== '') {
              const amended = await save({ question: step.question.id, value: action.value, ...details, expected: outcome.answer, amend: true });
              if (amended.kind === 'conflict') {
                opts.print(dim(`${step.question.id} ändrades av någon annan innan kommentaren sparades; kommentaren sparades inte.`));
                continue;
              }
            }
            pending = undefined;
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
