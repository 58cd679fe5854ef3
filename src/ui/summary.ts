import type { Catalog } from '../catalog/load.js';
import type { ServiceResult } from '../engine/assess.js';
import { gapsBySeverity } from '../overview.js';
import type { RegisteredService } from '../store/register.js';
import { text, type Lang } from './i18n.js';
import { renderScore } from './score.js';
import { bold, severityLabel } from './style.js';

/** The end of an assess session: the service's scores, what is new since last year, what to fix first. */
export function renderSessionSummary(
  catalog: Catalog,
  service: RegisteredService,
  year: number,
  result: ServiceResult,
  lastYear: ServiceResult | undefined,
  lang: Lang,
): string {
  const out = [renderScore(catalog, [service], year, [result], lang)];
  const gaps = gapsBySeverity([result]);
  const before = new Set(lastYear === undefined ? [] : gapsBySeverity([lastYear]).map((g) => g.gap.rule.rule.name));
  const fresh = gaps.filter((g) => !before.has(g.gap.rule.rule.name));
  if (lastYear !== undefined) {
    out.push(bold(`Nya brister sedan ${year - 1}: ${fresh.length}`));
    for (const g of fresh) out.push(`  ${severityLabel(g.gap.severity, lang)}  ${g.control}: ${text(g.gap.rule.rule.event.params.finding, lang)}`);
    out.push('');
  }
  if (gaps.length > 0) {
    out.push(bold('Att åtgärda först'));
    for (const g of gaps.slice(0, 5)) {
      const p = g.gap.rule.rule.event.params;
      out.push(`  ${severityLabel(g.gap.severity, lang)}  ${g.control}: ${text(p.action, lang)} (${p.reference}; inom ${p.deadlineMonths} mån)`);
    }
  } else {
    out.push(bold('Inga brister hittades.'));
  }
  return out.join('\n');
}
