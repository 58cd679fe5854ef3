import { m } from '../ui/i18n.js';
import { sameAnswer } from '../store/answers.js';
import { compareIds } from '../store/canonical.js';
import type { Answer, AnswerFile, HistoryEntry } from '../store/schema.js';
import { cannotMerge, decide, keysOf, laterFirst, sameEntry, shortMoment, unite, type Merged, type Notes } from './core.js';

const side = (s: 'ours' | 'theirs'): string => (s === 'ours' ? m().gm_our : m().gm_their);

/** A value as a note shows it: short, quoted when it is text. */
export function shownValue(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const one = value.replace(/\s+/g, ' ');
  return `'${one.length > 40 ? `${one.slice(0, 39)}…` : one}'`;
}

const shownAnswer = (a: Answer): string => `${shownValue(a.value)} (${a.by}, ${shortMoment(a.at)})`;

const historyOrder = (a: HistoryEntry, b: HistoryEntry): number => Date.parse(a.at) - Date.parse(b.at) || compareIds(a.question, b.question);

const versions = (catalog: AnswerFile['catalog']): string =>
  catalog === undefined ? 'ingen version angiven' : Object.entries(catalog).map(([id, v]) => `${id} ${v}`).join(', ') || 'ingen version angiven';

/**
 * Merges one service's answer file per question. A question answered on one side only, or the
 * same on both, takes that answer; answered differently on both sides, the later answer (by
 * `at`) is current and the other goes to the history exactly as it was given; removed on one
 * side and changed on the other, the changed one stays. The histories are united. Different
 * services, years or catalogue versions are not merged: their question ids may not mean the same.
 */
export function mergeAnswerFiles(base: AnswerFile | undefined, ours: AnswerFile, theirs: AnswerFile): Merged<AnswerFile> {
  if (ours.service !== theirs.service || (base !== undefined && base.service !== ours.service)) {
    return cannotMerge(m().gm_differentServices(ours.service, theirs.service, base?.service));
  }
  if (ours.year !== theirs.year || (base !== undefined && base.year !== ours.year)) {
    return cannotMerge(m().gm_differentYears(ours.year, theirs.year, base?.year));
  }
  if (!sameEntry(ours.catalog, theirs.catalog)) {
    return cannotMerge(
      m().gm_differentVersions(versions(ours.catalog), versions(theirs.catalog)),
    );
  }
  const notes: Notes = [];
  const answers: Record<string, Answer> = {};
  const losers: HistoryEntry[] = [];
  for (const question of keysOf(base?.answers, ours.answers, theirs.answers)) {
    const d = decide(base?.answers[question], ours.answers[question], theirs.answers[question], sameAnswer);
    if (d.kind === 'kept') {
      if (d.value !== undefined) answers[question] = d.value;
    } else if (d.kind === 'changed-over-removed') {
      answers[question] = d.value;
      notes.push(m().gm_answerRemovedChanged(question, side(d.removedBy), shownAnswer(d.value)));
    } else {
      const [winner, loser] = laterFirst(d.ours, d.theirs) <= 0 ? [d.ours, d.theirs] : [d.theirs, d.ours];
      answers[question] = winner;
      losers.push({ question, ...loser });
      notes.push(m().gm_answerBoth(question, shownAnswer(winner), shownAnswer(loser)));
    }
  }
  const history = unite(base?.history ?? [], ours.history, theirs.history, historyOrder, losers);
  return { ok: true, value: { service: ours.service, year: ours.year, ...(ours.catalog !== undefined ? { catalog: ours.catalog } : {}), answers, history }, notes };
}
