import type { Catalog } from '../catalog/load.js';
import type { ServiceResult } from '../engine/assess.js';
import type { Action } from '../plan/actions.js';
import type { RegisteredService } from '../store/register.js';
import { priorityLabel } from './actions.js';
import { text, type Lang } from './i18n.js';
import { renderScore } from './score.js';
import { bold, dim, severityLabel } from './style.js';

/** The end of an assess session: the service's scores, what is new since last year, what to fix first. */
export function renderSessionSummary(
  catalog: Catalog,
  service: RegisteredService,
  year: number,
  result: ServiceResult,
  newGaps: readonly Action[] | undefined,
  top: readonly Action[],
  lang: Lang,
): string {
  const out = [renderScore(catalog, [service], year, [result], lang)];
  if (newGaps !== undefined) {
    out.push(bold(`Nya brister sedan ${year - 1}: ${newGaps.length}`));
    for (const a of newGaps) out.push(`  ${severityLabel(a.severity, lang)}  ${a.control}: ${text(a.finding, lang)}`);
    out.push('');
  }
  if (top.length === 0) {
    out.push(bold('Inga brister hittades.'));
    return out.join('\n');
  }
  out.push(bold('Att åtgärda först'));
  for (const a of top) {
    out.push(`  ${priorityLabel(a.priority)}  ${a.control}: ${text(a.action, lang)}`, dim(`       ${a.why} · ${a.reference} · klart senast ${a.due}`));
  }
  return out.join('\n');
}
