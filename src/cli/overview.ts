import type { Command } from 'commander';
import { contextOf } from './context.js';

export function defineOverview(program: Command): void {
  program
    .command('overview')
    .description('översikt över senaste året (det som visas utan kommando)')
    .addHelpText('after', '\nExempel:\n  efterlev\n  efterlev --dir /srv/efterlev --json')
    .action(async (_opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { openReview, scoreYear, selectServices } = await import('../review.js');
      const { buildActions, sortActions, splitAccepted } = await import('../plan/actions.js');
      const { yearsIn } = await import('../store/answers.js');
      const { buildOverview } = await import('../overview.js');
      const { overviewJson, renderOverview } = await import('../ui/overview.js');
      const review = await openReview(ctx.ws);
      const years = yearsIn(ctx.ws);
      const year = years.at(-1);
      if (year === undefined) {
        if (ctx.json) ctx.printJson({ year: null });
        else ctx.print('Inga svar ännu. Börja med: efterlev answer --year ÅÅÅÅ --service ID FRÅGA=VÄRDE');
        return;
      }
      const previousYear = years.includes(year - 1) ? year - 1 : undefined;
      const services = selectServices(review, undefined);
      const plan = await buildActions(review, year, { services });
      const previous = previousYear === undefined ? [] : await scoreYear(review, previousYear, services);
      const top = splitAccepted(sortActions(plan.actions)).open.slice(0, 5);
      const overview = buildOverview(year, plan.assessed.map((a) => a.result), previousYear, previous, top);
      if (ctx.json) ctx.printJson(overviewJson(overview, ctx.lang));
      else ctx.print(renderOverview(review.catalog, services, review.register.organisation.name, overview, ctx.lang));
    });
}
