import { m } from '../ui/i18n.js';
import type { Command } from 'commander';
import { contextOf, latestYearHelp, parseYear, yearOrLatest } from './context.js';

interface ScoreOptions {
  year?: number;
  service?: string;
  checklist?: string;
}

export function defineScore(program: Command): void {
  program
    .command('score')
    .description(m().c_score)
    .option(`--year ${m().ph_year}`, latestYearHelp(), parseYear)
    .option('--service <id>', m().o_serviceOrOrg)
    .option('--checklist <id>', m().o_checklistEg)
    .addHelpText('after', m().hx_score)
    .action(async (opts: ScoreOptions, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { requireChecklist, openReview, scoreYear, selectServices } = await import('../review.js');
      const { scoreJson, renderScore } = await import('../ui/score.js');
      const review = await openReview(ctx.ws);
      requireChecklist(review, opts.checklist);
      const { year, note } = await yearOrLatest(ctx, opts.year);
      const services = selectServices(review, year, opts.service);
      const results = await scoreYear(review, year, { service: opts.service, checklist: opts.checklist });
      if (ctx.json) ctx.printJson(scoreJson(year, results));
      else ctx.print((note ? `${note}\n` : '') + renderScore(review.catalog, services, year, results, ctx.lang, ctx.width));
    });
}
