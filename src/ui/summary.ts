import type { Catalog } from '../catalog/load.js';
import type { ServiceResult } from '../engine/assess.js';
import type { Action } from '../plan/actions.js';
import { selects, type WalkSelection } from '../questionnaire/walk.js';
import type { RegisteredService } from '../store/register.js';
import { priorityLabel } from './actions.js';
import { msg, text, type Lang } from './i18n.js';
import { whyText } from '../plan/actions.js';
import { terminalWidth, wrap } from './layout.js';
import { renderScore } from './score.js';
import { bold, dim, severityLabel } from './style.js';

/** The result with only the controls a session walked (`--checklist`, `--control`); checklist totals stay as they are. */
export function selectedResult(result: ServiceResult, selection: WalkSelection): ServiceResult {
  const checklists = result.checklists
    .map((c) => ({ ...c, controls: c.controls.filter((k) => selects(selection, c.checklist, k.control)) }))
    .filter((c) => c.controls.length > 0);
  return { ...result, checklists };
}

/**
 * The end of an assess session: the scores of the controls just answered, what is new there since
 * last year, what to fix first. `newGaps` and `top` are expected to be of the selection already.
 */
export function renderSessionSummary(
  catalog: Catalog,
  service: RegisteredService,
  year: number,
  result: ServiceResult,
  newGaps: readonly Action[] | undefined,
  top: readonly Action[],
  lang: Lang,
  selection: WalkSelection = {},
  width = terminalWidth(),
): string {
  const m = msg(lang);
  const out = [renderScore(catalog, [service], year, [selectedResult(result, selection)], lang, width)];
  if (selection.checklist !== undefined || selection.control !== undefined) {
    const only = selection.control !== undefined ? m.s_onlyControl(selection.control.toUpperCase()) : m.s_onlyChecklist(selection.checklist ?? '');
    out.push(dim(wrap(m.s_showingOnly(only, `efterlev score --year ${year} --service ${service.id}`), width)), '');
  }
  if (newGaps !== undefined) {
    out.push(bold(m.s_newGaps(year - 1, newGaps.length)));
    for (const a of newGaps) out.push(wrap(`  ${severityLabel(a.severity, lang)}  ${a.control}: ${text(a.finding, lang)}`, width, { hanging: '    ' }));
    out.push('');
  }
  if (top.length === 0) {
    out.push(bold(m.s_noGaps));
    return out.join('\n');
  }
  out.push(bold(m.s_fixFirst));
  for (const a of top) {
    out.push(
      wrap(`  ${priorityLabel(a.priority)}  ${a.control}: ${text(a.action, lang)}`, width, { hanging: '      ' }),
      dim(wrap(`      ${whyText(a, lang)} · ${a.reference} · ${m.dueBy} ${a.due}`, width)),
      dim(wrap(`      ${a.id}`, width)),
    );
  }
  return out.join('\n');
}
