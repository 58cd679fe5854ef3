import { m, msg } from '../ui/i18n.js';
import type { Command } from 'commander';
import { contextOf, parseYear } from './context.js';

export function defineOverview(program: Command): void {
  program
    .command('overview')
    .description(m().c_overview)
    .option(`--year ${m().ph_year}`, m().o_yearLatest, parseYear)
    .addHelpText('after', m().hx_overview)
    .action(async (opts: { year?: number }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { openReview, scoreYear, selectServices, yearRegister } = await import('../review.js');
      const { buildActions, fillEffects } = await import('../plan/actions.js');
      const { yearsIn } = await import('../store/answers.js');
      const { buildOverview } = await import('../overview.js');
      const { overviewJson, renderEmptyYear, renderOverview } = await import('../ui/overview.js');
      const review = await openReview(ctx.ws);
      const years = yearsIn(ctx.ws);
      const year = opts.year ?? years.at(-1);
      if (year === undefined) {
        if (ctx.json) ctx.printJson({ year: null });
        else ctx.print(msg(ctx.lang).o_noAnswers);
        return;
      }
      const services = selectServices(review, year);
      // Only the five actions shown are kept, and only their effects computed: a city has 240,000.
      const plan = await buildActions(review, year, {}, { effects: false, top: 5 });
      if (plan.assessed.every((a) => a.result.review.state === 'ej_påbörjad')) {
        if (ctx.json) ctx.printJson({ year, previousYear: null, review: { services: services.length - 1, klar: 0, pågår: 0, ej_påbörjad: services.length - 1 }, totals: [], topActions: [], services: [] });
        else ctx.print(renderEmptyYear(year, services.length - 1, ctx.lang, ctx.width));
        return;
      }
      const previousYear = years.filter((y) => y < year).at(-1);
      const previous = previousYear === undefined ? [] : await scoreYear(review, previousYear);
      const top = plan.actions;
      fillEffects(review.catalog, plan, top);
      const overview = buildOverview(year, plan.assessed.map((a) => a.result), previousYear, previous, top);
      if (ctx.json) ctx.printJson(overviewJson(overview, ctx.lang));
      else ctx.print(renderOverview(review.catalog, services, yearRegister(review, year).organisation.name, overview, ctx.lang, ctx.width));
    });
}
