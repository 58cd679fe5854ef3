import { m } from '../ui/i18n.js';
import type { Command } from 'commander';
import { contextOf, parseYear } from './context.js';

interface CompareOptions {
  service?: string;
  checklist?: string;
  details?: boolean;
  trend?: boolean;
}

export function defineCompare(program: Command): void {
  program
    .command('compare')
    .description(m().c_compare)
    .argument(m().ph_year1, m().o_year1, parseYear)
    .argument(m().ph_year2, m().o_year2, parseYear)
    .option('--service <id>', m().o_serviceOrOrg)
    .option('--checklist <id>', m().o_checklist)
    .option('--details', m().o_details)
    .option('--trend', m().o_trend)
    .addHelpText('after', m().hx_compare)
    .action(async (from: number | undefined, to: number | undefined, opts: CompareOptions, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { UsageError } = await import('../errors.js');
      const { requireChecklist, openReview, assessYear, selectServices, forgetScoredYears } = await import('../review.js');
      const { yearsIn } = await import('../store/answers.js');
      const { Assessor, summarize } = await import('../engine/assess.js');
      const { compareYears, trendOf } = await import('../compare/compare.js');
      const review = await openReview(ctx.ws);
      requireChecklist(review, opts.checklist);
      const selection = { service: opts.service, checklist: opts.checklist };
      const assessor = new Assessor(review.catalog);

      if (opts.trend) {
        const years = yearsIn(ctx.ws);
        const perYear = [];
        for (const y of years) perYear.push(summarize((await assessYear(review, y, selection, assessor)).map((a) => a.result)).controls);
        const trend = trendOf(years, perYear);
        if (ctx.json) ctx.printJson(trend);
        else ctx.print((await import('../ui/compare.js')).renderTrend(review.catalog, trend, ctx.lang, ctx.width));
        return;
      }
      // Without years: the latest year in the workspace against the one before it; with one: that year against the latest.
      let note = '';
      if (to === undefined) {
        const years = yearsIn(ctx.ws);
        const latest = years.at(-1);
        const earlier = from ?? years.filter((y) => latest !== undefined && y < latest).at(-1);
        if (latest === undefined || earlier === undefined || earlier === latest) {
          throw new UsageError(m().cp_twoYears, latest === undefined ? m().cp_noAnswers : m().cp_answersFor(years));
        }
        note = m().cmp_latestNote(earlier, latest);
        [from, to] = [earlier, latest];
      }
      if (from === undefined || from === to) throw new UsageError(m().cp_differentYears);
      const [a, b] = from < to ? [from, to] : [to, from];
      const later = selectServices(review, b);
      if (opts.service !== undefined && ![...selectServices(review, a), ...later].some((s) => s.id === opts.service)) selectServices(review, b, opts.service);
      // What is printed, taken from the scored years in a function of its own: once it returns,
      // the years' results are garbage and are freed before the printing begins.
      const toPrint = async () => {
        const before = await assessYear(review, a, selection, assessor);
        const after = await assessYear(review, b, selection, assessor);
        const comparison = compareYears(review.catalog, a, before, b, after, new Set(later.map((s) => s.id)), { details: opts.details === true });
        const { firstSeenOf } = await import('../plan/actions.js');
        return { comparison, firstSeen: await firstSeenOf(review, b, selection, after, assessor) };
      };
      const { comparison, firstSeen } = await toPrint();
      forgetScoredYears(review);
      const laterIds = new Set(later.map((s) => s.id));
      const services = [...later, ...selectServices(review, a).filter((s) => !laterIds.has(s.id))];
      const { compareJson, renderCompareParts } = await import('../ui/compare.js');
      const { afterNote, printParts } = await import('./context.js');
      if (ctx.json) ctx.printJson(compareJson(comparison, firstSeen, opts.details === true));
      // Printed piece by piece as made: the same text as printing it whole.
      else await printParts(ctx, afterNote(note, renderCompareParts(review.catalog, services, comparison, firstSeen, opts.details === true, ctx.lang, ctx.width)));
    });
}
