import { isPerPeriod } from '../catalog/values.js';
import { input, select, Separator } from '@inquirer/prompts';
import type { ServiceProfile } from '../catalog/profile.js';
import { allowedValues, parseAnswerInput, type AnswerValue } from '../catalog/values.js';
import type { Question } from '../catalog/schema.js';
import { motivationReason } from '../engine/answer-gaps.js';
import { wholeMonthsBetween } from '../engine/dates.js';
import type { Foresight } from '../engine/what-if.js';
import type { Answer } from '../store/schema.js';
import { msg, statusAnswerLabel, text, type Lang } from '../ui/i18n.js';
import chalk from 'chalk';
import { terminalWidth, visibleWidth, wrap } from '../ui/layout.js';
import { dim } from '../ui/style.js';

/** Comment and evidence of an answer, as the prompts ask them. */
export interface Details {
  comment: string;
  evidence: string;
}

export type StepAction =
  /**
   * `details`: a new or changed value, saved at once (the prompt shows it as done); comment and
   * evidence are asked after it is saved, with these defaults, and amend it. `motivation`: the
   * value is "ej tillämplig" where the register says the question applies, so the comment is
   * required and asked before the value is saved.
   */
  | { kind: 'answer'; value: AnswerValue; comment?: string | undefined; evidence?: string | undefined; details?: Details; motivation?: string | undefined }
  | { kind: 'keep' }
  | { kind: 'back' }
  | { kind: 'skip' };

export interface AskContext {
  question: Question;
  current?: Answer | undefined;
  previous?: Answer | undefined;
  profile: ServiceProfile;
  year: number;
  lang: Lang;
  canGoBack: boolean;
  print(line: string): void;
}

/** The prompts' frame in a language: the key help line under a list ("↑↓ flytta • ⏎ välj"). */
export function themeFor(lang: Lang) {
  const m = msg(lang);
  const names: Record<string, string> = { navigate: m.q_keyNavigate, select: m.q_keySelect };
  return {
    style: {
      keysHelpTip: (keys: [string, string][]) => dim(keys.map(([key, action]) => `${key} ${names[action] ?? action}`).join(' • ')),
    },
  };
}

/** A yes-or-no prompt's words: Ja/Nej, so the hint reads (j/N) and j, ja, n, nej are answers (y and n always are). */
export function confirmTheme(lang: Lang) {
  const m = msg(lang);
  return { keywords: { yes: m.q_confirmYes, no: m.q_confirmNo, error: ({ yes, no }: { yes: string; no: string }) => m.q_confirmError(yes, no) } };
}

// Meta choices carry a colon, which no answer value can (values are a–z, 0–9 and _).
const HELP = ':help';
const BACK = ':back';
const SKIP = ':skip';
const EDIT = ':edit';
const NONE = ':none';

function optionLabel(question: Question, value: string, lang: Lang): string {
  if (question.type === 'choice') {
    const option = question.options.find((o) => o.value === value);
    return option === undefined ? value : text(option.label, lang);
  }
  return statusAnswerLabel(value, lang);
}

/** "Delvis — 'PuB-avtal under uppdatering' · underlag: Avtal dnr 2023-118": everything Enter would confirm. */
export function describeAnswer(question: Question, answer: Pick<Answer, 'value' | 'comment' | 'evidence'>, lang: Lang): string {
  const value = typeof answer.value === 'string' ? optionLabel(question, answer.value, lang) : String(answer.value);
  return `${value}${answer.comment ? ` — '${answer.comment}'` : ''}${answer.evidence ? ` · ${msg(lang).q_evidenceTag}: ${answer.evidence}` : ''}`;
}

/** What Enter on the question picks: this year's answer, else last year's unless the answer is per period. */
export function defaultValueOf(question: Question, current: Answer | undefined, previous: Answer | undefined): AnswerValue | undefined {
  return current?.value ?? (isPerPeriod(question) ? undefined : previous?.value);
}


/**
 * The warning shown before Enter when the default value would raise gaps at this year's review
 * date: a review date that has grown old, a count over a rule's limit. Undefined when it raises none.
 */
export function defaultWarning(question: Question, value: AnswerValue, fromLastYear: boolean, foresight: Foresight, lang: Lang): string | undefined {
  if (foresight.rules.length === 0) return undefined;
  const findings = foresight.rules.map((r) => text(r.rule.event.params.finding, lang).replace(/\.$/, ''));
  const m = msg(lang);
  const gaps = m.q_gaps(findings);
  if (question.type === 'date' && typeof value === 'string') {
    return m.q_warnDate(fromLastYear, value, m.q_months(wholeMonthsBetween(value, foresight.reviewDate)), gaps);
  }
  return m.q_warnValue(fromLastYear, String(value), gaps);
}

export function helpText(question: Question, lang: Lang, width = terminalWidth()): string {
  return [wrap(text(question.help, lang), width), dim(wrap(`${msg(lang).q_references}: ${question.references.join('; ')}${question.legal ? msg(lang).q_legal : ''}`, width, { hanging: '  ' }))].join('\n');
}

/**
 * A prompt's message wrapped at words before inquirer sees it: inquirer breaks a line that is too
 * long at the terminal's last column, in the middle of a word. Room is left for the prompt's
 * `? ` before it and a short answer after it.
 */
export const promptMessage = (message: string, width = terminalWidth()): string => wrap(message, Math.max(20, width - 12));

/** A prompt's label, saying what Enter does when there is a default to keep. */
const withDefault = (label: string, kept: string, lang: Lang): string => (kept === '' ? `${label}:` : `${label.replace(/\)$/, msg(lang).q_enterKeeps)}:`);

/**
 * For a comment or evidence prompt: a kept value or a given answer too long for the line goes on
 * lines of its own under the message, wrapped at words (inquirer would break it mid-word).
 */
function longTextTheme(message: string, lang: Lang) {
  const theme = themeFor(lang);
  const width = terminalWidth();
  const fitsAfter = (s: string) => visibleWidth(message) + visibleWidth(s) + 4 <= width;
  const below = (s: string) => `\n${wrap(`  ${s}`, width - 1)}`;
  return {
    ...theme,
    style: {
      ...theme.style,
      defaultAnswer: (t: string) => dim(fitsAfter(`(${t})`) ? `(${t})` : below(`(${t})`)),
      answer: (t: string) => chalk.cyan(fitsAfter(t) ? t : below(t)),
    },
  };
}

/** The comment; with `motivation` (why one is needed) it is required. */
export async function askComment(kept: string, motivation: string | undefined, lang: Lang): Promise<string> {
  const m = msg(lang);
  const label = motivation === undefined ? m.q_commentOptional : m.q_motivationRequired;
  const message = withDefault(label, kept, lang);
  const comment = await input({
    message,
    default: kept,
    theme: longTextTheme(message, lang),
    ...(motivation === undefined ? {} : { validate: (s: string) => s.trim() !== '' || m.q_writeMotivation(motivation) }),
  });
  return comment.trim();
}

export async function askEvidence(kept: string, lang: Lang): Promise<string> {
  const message = withDefault(msg(lang).q_evidencePrompt, kept, lang);
  return (await input({ message, default: kept, theme: longTextTheme(message, lang) })).trim();
}

export async function askCommentAndEvidence(kept: Details, motivation: string | undefined, lang: Lang): Promise<Details> {
  const comment = await askComment(kept.comment, motivation, lang);
  return { comment, evidence: await askEvidence(kept.evidence, lang) };
}

const detailsOf = (a: Answer | undefined): Details => ({ comment: a?.comment ?? '', evidence: a?.evidence ?? '' });

/** What happens with a value the reviewer picked or typed. */
function settle(ctx: AskContext, value: AnswerValue): StepAction {
  const { question, current, previous } = ctx;
  if (current !== undefined && current.value === value) return { kind: 'keep' };
  const motivation = motivationReason(question, ctx.profile, value);
  const lastYear = !isPerPeriod(question) && previous !== undefined && previous.value === value ? previous : undefined;
  if (lastYear !== undefined && current === undefined && (motivation === undefined || lastYear.comment?.trim())) {
    // Carry-forward: last year's answer stands, with its comment and evidence.
    return { kind: 'answer', value, comment: lastYear.comment, evidence: lastYear.evidence };
  }
  // Back on last year's value, its comment and evidence come back with it; else this year's are the defaults.
  return {
    kind: 'answer',
    value,
    ...(lastYear === undefined ? {} : { comment: lastYear.comment, evidence: lastYear.evidence }),
    details: detailsOf(lastYear ?? current),
    motivation,
  };
}

/** First letters that jump to an option ("j, d, n, e"), for the hint when nothing is chosen. */
const jumpLetters = (labels: readonly string[]): string => [...new Set(labels.map((l) => l.charAt(0).toLowerCase()))].join(', ');

async function askChoice(ctx: AskContext, message: string): Promise<StepAction> {
  const values = allowedValues(ctx.question) ?? [];
  const fallback = defaultValueOf(ctx.question, ctx.current, ctx.previous);
  const options = values.map((v) => ({ name: optionLabel(ctx.question, v, ctx.lang), value: v }));
  // Nothing to go by: the cursor starts on an entry that cannot be chosen, so Enter alone records nothing.
  const preselected = typeof fallback === 'string' && values.includes(fallback);
  const m = msg(ctx.lang);
  const theme = themeFor(ctx.lang);
  const none = { name: m.q_pickOne, value: NONE, disabled: m.q_noDefault };
  const noneTheme = { ...theme, i18n: { disabledError: m.q_nothingChosen(jumpLetters(options.map((o) => o.name))) } };
  for (;;) {
    const picked = await select<string>({
      message,
      default: preselected ? fallback : undefined,
      loop: false,
      pageSize: 13,
      theme: preselected ? theme : noneTheme,
      choices: [
        ...(preselected ? [] : [none]),
        ...options,
        new Separator(),
        { name: m.q_help, value: HELP },
        ...(ctx.current !== undefined ? [{ name: m.q_edit, value: EDIT }] : []),
        ...(ctx.canGoBack ? [{ name: m.q_back, value: BACK }] : []),
        { name: m.q_skip, value: SKIP },
      ],
    });
    if (picked === HELP) ctx.print(helpText(ctx.question, ctx.lang));
    else if (picked === BACK) return { kind: 'back' };
    else if (picked === SKIP) return { kind: 'skip' };
    else if (picked === EDIT && ctx.current !== undefined) {
      const motivation = motivationReason(ctx.question, ctx.profile, ctx.current.value);
      return { kind: 'answer', value: ctx.current.value, ...(await askCommentAndEvidence(detailsOf(ctx.current), motivation, ctx.lang)) };
    } else if (picked !== NONE) return settle(ctx, picked);
  }
}

function formatHint(question: Question, lang: Lang): string {
  const m = msg(lang);
  if (question.type === 'date') return m.q_dateHint;
  if (question.type === 'number') return `${question.integer ? m.q_integer : m.q_number}${question.unit ? ` [${text(question.unit, lang)}]` : ''}`;
  return m.q_text;
}

async function askTyped(ctx: AskContext, message: string): Promise<StepAction> {
  const fallback = defaultValueOf(ctx.question, ctx.current, ctx.previous);
  const shown = fallback === undefined ? undefined : String(fallback);
  // The hint says exactly what Enter on an empty line does.
  const m = msg(ctx.lang);
  const empty = shown === undefined ? m.q_emptySkips : m.q_emptyKeeps(shown);
  const hint = m.q_typedHint(formatHint(ctx.question, ctx.lang), ctx.canGoBack, empty);
  const parse = (s: string) => parseAnswerInput(ctx.question, s, { year: ctx.year });
  for (;;) {
    const typed = await input({
      message: promptMessage(`${message} ${dim(`(${hint})`)}`),
      default: shown,
      validate: (raw) => {
        const s = raw.trim();
        if (s === '' || s === '?' || s === '<' || s === '>') return true;
        const parsed = parse(s);
        return 'error' in parsed ? parsed.error : true;
      },
    });
    const s = typed.trim();
    if (s === '?') {
      ctx.print(helpText(ctx.question, ctx.lang));
      continue;
    }
    if (s === '<' && ctx.canGoBack) return { kind: 'back' };
    if (s === '' || s === '<' || s === '>') return { kind: 'skip' };
    const parsed = parse(s);
    if ('error' in parsed) continue;
    return settle(ctx, parsed.value);
  }
}

/** Asks one question; returns what the reviewer decided. Throws ExitPromptError on Ctrl-C. */
export function askStep(ctx: AskContext): Promise<StepAction> {
  const message = promptMessage(`${ctx.question.id} ${text(ctx.question.text, ctx.lang)}`);
  return ctx.question.type === 'status' || ctx.question.type === 'choice' ? askChoice(ctx, message) : askTyped(ctx, message);
}
