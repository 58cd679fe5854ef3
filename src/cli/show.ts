import { m } from '../ui/i18n.js';
import type { Command } from 'commander';
import { contextOf, latestYearHelp, parseYear, yearOrLatest } from './context.js';

export function defineShow(program: Command): void {
  program
    .command('show')
    .description(m().c_show)
    .option(`--year ${m().ph_year}`, latestYearHelp(), parseYear)
    .requiredOption('--service <id>', m().o_showService)
    .option('--history', m().o_history)
    .addHelpText('after', m().hx_show)
    .action(async (opts: { year?: number; service: string; history?: boolean }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { openReview, yearRegister } = await import('../review.js');
      const { findService } = await import('../store/register.js');
      const { checklistsFor, readAnswerFile } = await import('../store/answers.js');
      const review = await openReview(ctx.ws);
      const { year, note } = await yearOrLatest(ctx, opts.year);
      const service = findService(yearRegister(review, year), opts.service);
      const file = readAnswerFile(ctx.ws, review.catalog, year, service.id);
      if (ctx.json) {
        ctx.printJson({ year, service: service.id, answers: file?.answers ?? {}, history: file?.history ?? [] });
        return;
      }
      const { renderAnswers } = await import('../ui/answers.js');
      ctx.print((note ? `${note}\n` : '') + renderAnswers(checklistsFor(review.catalog, service.id, year), service, year, file, ctx.lang, { history: opts.history === true, width: ctx.width }));
    });
}
