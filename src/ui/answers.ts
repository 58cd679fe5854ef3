import { appliesTo } from '../catalog/profile.js';
import type { Checklist, Question } from '../catalog/schema.js';
import type { RegisteredService } from '../store/register.js';
import type { AnswerFile, HistoryEntry } from '../store/schema.js';
import { decimal, msg, statusAnswerLabel, t, text, type Lang } from './i18n.js';
import { grid, labelled, tableFit, terminalWidth, wrap, type Column } from './layout.js';
import { bold, dim } from './style.js';

/** A stored value as the reviewer chose it: `Delvis`, a choice option's label, a number or date as typed. */
function valueLabel(question: Question | undefined, value: unknown, lang: Lang): string {
  if (question?.type === 'choice') {
    const option = question.options.find((o) => o.value === value);
    if (option !== undefined) return text(option.label, lang);
  }
  if (typeof value === 'number') return decimal(value, lang);
  return statusAnswerLabel(String(value), lang);
}

const moment = (at: string): string => at.slice(0, 16).replace('T', ' ');

const COLUMNS: Column[] = [{ fit: 'text', min: 24 }, {}, { fit: 'text', min: 16 }, { fit: 'text', min: 12 }, {}, { fit: 'keep' }];

/** One earlier value in a line: `2025-03-01 10:22 anna.berg: Delvis — 'kommentar' · underlag: X`. */
function historyLine(question: Question | undefined, h: HistoryEntry, lang: Lang): string {
  return `${moment(h.at)} ${h.by}: ${valueLabel(question, h.value, lang)}${h.comment ? ` — '${h.comment}'` : ''}${h.evidence ? ` · ${t('q_evidenceTag', lang)}: ${h.evidence}` : ''}`;
}

export interface AnswersView {
  /** Every earlier value of each question, with who and when (`show --history`). */
  history?: boolean;
  width?: number;
}

export function renderAnswers(checklists: readonly Checklist[], service: RegisteredService, year: number, file: AnswerFile | undefined, lang: Lang, view: AnswersView = {}): string {
  const l = msg(lang);
  const width = view.width ?? terminalWidth();
  const history = file?.history ?? [];
  const earlier = (id: string) => (view.history ? history.filter((h) => h.question === id) : []);
  const shownQuestions = new Set<string>();
  const out = [wrap(`${bold(service.name)} ${dim(`(${service.id})`)} · ${year}`, width)];
  const head = [t('question', lang), t('answer', lang), t('comment', lang), t('evidence', lang), t('by', lang), t('at', lang)];
  for (const checklist of checklists) {
    for (const control of checklist.controls) {
      const questions = control.questions.filter((q) => appliesTo(q, service.profile) || file?.answers[q.id] !== undefined || earlier(q.id).length > 0);
      if (questions.length === 0) continue;
      const rows: string[][] = [];
      const blocks: string[] = [];
      for (const q of questions) {
        shownQuestions.add(q.id);
        const a = file?.answers[q.id];
        const label = `${q.id} ${text(q.text, lang)}` + (appliesTo(q, service.profile) ? '' : dim(` (${t('notApplicableHere', lang)})`));
        const answer = a === undefined ? dim(t('notAssessed', lang)) : valueLabel(q, a.value, lang);
        rows.push([label, answer, a?.comment ?? '', a?.evidence ?? '', a?.by ?? '', a?.at.slice(0, 10) ?? '']);
        for (const h of earlier(q.id)) rows.push([dim(`  ${l.ans_earlier}`), dim(valueLabel(q, h.value, lang)), dim(h.comment ?? ''), dim(h.evidence ?? ''), dim(h.by), dim(moment(h.at))]);

        const indent = ' '.repeat(Math.min(q.id.length + 1, 8));
        const block = [wrap(label, width, { hanging: indent })];
        block.push(labelled(t('answer', lang), a === undefined ? answer : `${answer} ${dim(`· ${a.by} ${moment(a.at)}`)}`, width, indent));
        if (a?.comment) block.push(labelled(t('comment', lang), a.comment, width, indent));
        if (a?.evidence) block.push(labelled(t('evidence', lang), a.evidence, width, indent));
        const before = earlier(q.id);
        if (before.length > 0) block.push(`${indent}${l.ans_earlierValues}:`, ...before.map((h) => dim(wrap(`${indent}  ${historyLine(q, h, lang)}`, width, { hanging: `${indent}    ` }))));
        blocks.push(block.join('\n'));
      }
      out.push('', bold(wrap(`${control.id} ${text(control.name, lang)}`, width)));
      const fit = tableFit(head, rows, { width, columns: COLUMNS });
      out.push(fit !== undefined ? grid(head, rows, { width, columns: COLUMNS }, fit) : blocks.join('\n\n'));
    }
  }
  if (view.history) {
    // Earlier values of questions the catalogue no longer has for the service (removed, or moved by a migration).
    const others = history.filter((h) => !shownQuestions.has(h.question));
    if (others.length > 0) {
      out.push('', bold(l.ans_otherQuestions));
      for (const h of others) out.push(dim(wrap(`  ${h.question} ${historyLine(undefined, h, lang)}`, width, { hanging: '    ' })));
    }
    if (history.length === 0) out.push('', dim(l.ans_noHistory));
  } else if (history.length > 0) {
    out.push('', dim(wrap(`${history.length} ${t('historyCount', lang)} (${l.ans_showHistory})`, width)));
  }
  return out.join('\n');
}
