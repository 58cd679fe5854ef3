import { appliesTo } from '../catalog/profile.js';
import type { Checklist } from '../catalog/schema.js';
import type { RegisteredService } from '../store/register.js';
import type { AnswerFile } from '../store/schema.js';
import { statusAnswerLabel, t, text, type Lang } from './i18n.js';
import { table } from './score.js';
import { bold, dim } from './style.js';

export function renderAnswers(checklists: readonly Checklist[], service: RegisteredService, year: number, file: AnswerFile | undefined, lang: Lang): string {
  const out = [`${bold(service.name)} ${dim(`(${service.id})`)} · ${year}`];
  for (const checklist of checklists) {
    for (const control of checklist.controls) {
      const rows = table([t('question', lang), t('answer', lang), t('comment', lang), t('evidence', lang), t('by', lang), t('at', lang)], [40, 15, 28, 18, 12, 12]);
      for (const q of control.questions) {
        const a = file?.answers[q.id];
        const applies = appliesTo(q, service.profile);
        if (!applies && a === undefined) continue;
        const label = `${q.id} ${text(q.text, lang)}` + (applies ? '' : dim(` (${t('notApplicableHere', lang)})`));
        rows.push([
          label,
          a === undefined ? dim(t('notAssessed', lang)) : statusAnswerLabel(String(a.value), lang),
          a?.comment ?? '',
          a?.evidence ?? '',
          a?.by ?? '',
          a?.at.slice(0, 10) ?? '',
        ]);
      }
      if (rows.length > 0) out.push('', bold(`${control.id} ${text(control.name, lang)}`), rows.toString());
    }
  }
  if (file !== undefined && file.history.length > 0) out.push('', dim(`${file.history.length} ${t('historyCount', lang)}`));
  return out.join('\n');
}
