import type { Catalog } from '../catalog/load.js';
import { UsageError } from '../errors.js';
import { checklistsFor, readAnswerFile, saveAnswers } from '../store/answers.js';
import type { RegisteredService } from '../store/register.js';
import type { Workspace } from '../store/workspace.js';
import { text, type Lang } from '../ui/i18n.js';
import { bold, dim } from '../ui/style.js';
import { askStep, describeAnswer } from './prompts.js';
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

/**
 * Walks the questions of one service and year, saving every answer as soon as it is given.
 * Each save re-reads the file under a lock, so someone answering the same service at the same
 * time keeps their answers; the lock is never held while a prompt is open.
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
  const history: number[] = [];
  try {
    while (index < steps.length) {
      const step = steps[index]!;
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
      if (action.kind === 'answer') {
        await saveAnswers(
          opts.ws,
          opts.catalog,
          opts.year,
          opts.service.id,
          [{ question: step.question.id, value: action.value, comment: action.comment ?? '', evidence: action.evidence ?? '' }],
          opts.reviewer,
        );
        saved++;
        answers = read();
      }
      history.push(index);
      index++;
    }
  } catch (err) {
    if (err instanceof Error && err.name === 'ExitPromptError') {
      opts.print(`\nAvbrutet. ${saved} svar sparades under passet; inget bekräftat svar har gått förlorat.\n${resumeHint(opts)}`);
      return { saved, finished: false };
    }
    throw err;
  }
  return { saved, finished: true };
}
