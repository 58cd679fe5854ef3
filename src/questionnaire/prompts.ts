import { input, select, Separator } from '@inquirer/prompts';
import { allowedValues, parseAnswerInput, type AnswerValue } from '../catalog/values.js';
import type { Question } from '../catalog/schema.js';
import type { Answer } from '../store/schema.js';
import { statusAnswerLabel, text, type Lang } from '../ui/i18n.js';
import { dim } from '../ui/style.js';

export type StepAction =
  /**
   * `askDetails`: a new or changed value, saved at once (the prompt shows it as done); comment and
   * evidence are asked after it is saved and amend it.
   */
  | { kind: 'answer'; value: AnswerValue; comment?: string | undefined; evidence?: string | undefined; askDetails?: boolean }
  | { kind: 'keep' }
  | { kind: 'back' }
  | { kind: 'skip' };

export interface AskContext {
  question: Question;
  current?: Answer | undefined;
  previous?: Answer | undefined;
  lang: Lang;
  canGoBack: boolean;
  print(line: string): void;
}

const KEY_NAMES_SV: Record<string, string> = { navigate: 'flytta', select: 'välj' };
export const theme = {
  style: {
    keysHelpTip: (keys: [string, string][]) => dim(keys.map(([key, action]) => `${key} ${KEY_NAMES_SV[action] ?? action}`).join(' • ')),
  },
};

// Meta choices carry a colon, which no answer value can (values are a–z, 0–9 and _).
const HELP = ':help';
const BACK = ':back';
const SKIP = ':skip';
const EDIT = ':edit';

function optionLabel(question: Question, value: string, lang: Lang): string {
  if (question.type === 'choice') {
    const option = question.options.find((o) => o.value === value);
    return option === undefined ? value : text(option.label, lang);
  }
  return statusAnswerLabel(value, lang);
}

export function describeAnswer(question: Question, answer: Answer, lang: Lang): string {
  const value = typeof answer.value === 'string' ? optionLabel(question, answer.value, lang) : String(answer.value);
  return answer.comment ? `${value} — '${answer.comment}'` : value;
}

export function helpText(question: Question, lang: Lang): string {
  return [text(question.help, lang), dim(`Referenser: ${question.references.join('; ')}${question.legal ? ' (lagkrav)' : ''}`)].join('\n');
}

export async function askCommentAndEvidence(current: Answer | undefined): Promise<{ comment: string; evidence: string }> {
  const comment = await input({ message: 'Kommentar (valfri):', default: current?.comment ?? '' });
  const evidence = await input({ message: 'Underlag, dokumentreferens eller länk (valfritt):', default: current?.evidence ?? '' });
  return { comment: comment.trim(), evidence: evidence.trim() };
}

/** What happens with a value the reviewer picked or typed. */
function settle(ctx: AskContext, value: AnswerValue): StepAction {
  if (ctx.current !== undefined && ctx.current.value === value) return { kind: 'keep' };
  if (ctx.current === undefined && ctx.previous !== undefined && ctx.previous.value === value) {
    // Carry-forward: last year's answer stands, with its comment and evidence.
    return { kind: 'answer', value, comment: ctx.previous.comment, evidence: ctx.previous.evidence };
  }
  return { kind: 'answer', value, askDetails: true };
}

async function askChoice(ctx: AskContext, message: string): Promise<StepAction> {
  const values = allowedValues(ctx.question) ?? [];
  const fallback = ctx.current?.value ?? ctx.previous?.value;
  for (;;) {
    const picked = await select<string>({
      message,
      default: typeof fallback === 'string' ? fallback : undefined,
      loop: false,
      pageSize: 12,
      theme,
      choices: [
        ...values.map((v) => ({ name: optionLabel(ctx.question, v, ctx.lang), value: v })),
        new Separator(),
        { name: '? Hjälp och referenser', value: HELP },
        ...(ctx.current !== undefined ? [{ name: '* Ändra kommentar och underlag', value: EDIT }] : []),
        ...(ctx.canGoBack ? [{ name: '< Föregående fråga', value: BACK }] : []),
        { name: '> Hoppa över', value: SKIP },
      ],
    });
    if (picked === HELP) ctx.print(helpText(ctx.question, ctx.lang));
    else if (picked === BACK) return { kind: 'back' };
    else if (picked === SKIP) return { kind: 'skip' };
    else if (picked === EDIT && ctx.current !== undefined) return { kind: 'answer', value: ctx.current.value, ...(await askCommentAndEvidence(ctx.current)) };
    else return settle(ctx, picked);
  }
}

async function askTyped(ctx: AskContext, message: string): Promise<StepAction> {
  const fallback = ctx.current?.value ?? ctx.previous?.value;
  const hint = ctx.question.type === 'date' ? 'ÅÅÅÅ-MM-DD' : ctx.question.type === 'number' ? 'ett tal' : 'text';
  for (;;) {
    const typed = await input({
      message: `${message} ${dim(`(${hint}; ? hjälp${ctx.canGoBack ? ', < föregående' : ''}, tomt hoppar över)`)}`,
      default: fallback === undefined ? undefined : String(fallback),
      validate: (raw) => {
        const s = raw.trim();
        if (s === '' || s === '?' || s === '<') return true;
        const parsed = parseAnswerInput(ctx.question, s);
        return 'error' in parsed ? parsed.error : true;
      },
    });
    const s = typed.trim();
    if (s === '?') {
      ctx.print(helpText(ctx.question, ctx.lang));
      continue;
    }
    if (s === '<' && ctx.canGoBack) return { kind: 'back' };
    if (s === '' || s === '<') return { kind: 'skip' };
    const parsed = parseAnswerInput(ctx.question, s);
    if ('error' in parsed) continue;
    return settle(ctx, parsed.value);
  }
}

/** Asks one question; returns what the reviewer decided. Throws ExitPromptError on Ctrl-C. */
export function askStep(ctx: AskContext): Promise<StepAction> {
  const message = `${ctx.question.id} ${text(ctx.question.text, ctx.lang)}`;
  return ctx.question.type === 'status' || ctx.question.type === 'choice' ? askChoice(ctx, message) : askTyped(ctx, message);
}
