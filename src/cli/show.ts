import type { Command } from 'commander';
import { contextOf, parseYear, YEAR_HELP } from './context.js';

export function defineShow(program: Command): void {
  program
    .command('show')
    .description('visa de sparade svaren för en tjänst och ett år')
    .requiredOption('--year <år>', YEAR_HELP, parseYear)
    .requiredOption('--service <id>', 'tjänstens id, eller organisation')
    .addHelpText('after', '\nExempel:\n  efterlev show --year 2025 --service formansportalen\n  efterlev show --year 2025 --service organisation --json')
    .action(async (opts: { year: number; service: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { openReview, yearRegister } = await import('../review.js');
      const { findService } = await import('../store/register.js');
      const { checklistsFor, readAnswerFile } = await import('../store/answers.js');
      const review = await openReview(ctx.ws);
      const service = findService(yearRegister(review, opts.year), opts.service);
      const file = readAnswerFile(ctx.ws, review.catalog, opts.year, service.id);
      if (ctx.json) {
        ctx.printJson({ year: opts.year, service: service.id, answers: file?.answers ?? {}, history: file?.history ?? [] });
        return;
      }
      const { renderAnswers } = await import('../ui/answers.js');
      ctx.print(renderAnswers(checklistsFor(review.catalog, service.id), service, opts.year, file, ctx.lang));
    });
}
