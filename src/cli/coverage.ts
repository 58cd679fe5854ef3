import { m } from '../ui/i18n.js';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { contextOf, latestYearHelp, parseYear, yearOrLatest } from './context.js';

export function defineCoverage(program: Command): void {
  program
    .command('coverage')
    .description(m().c_coverage)
    .option(`--year ${m().ph_year}`, latestYearHelp(), parseYear)
    .requiredOption('--framework <id>', m().o_framework)
    .option('--service <id>', m().o_serviceOrOrg)
    .addHelpText('after', m().hx_coverage)
    .action(async (opts: { year?: number; framework: string; service?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { year, note } = await yearOrLatest(ctx, opts.year);
      const { openReview, assessYear, selectServices } = await import('../review.js');
      const { coverageOf } = await import('../coverage/coverage.js');
      const review = await openReview(ctx.ws);
      const framework = review.catalog.frameworks.get(opts.framework);
      if (framework === undefined) throw new UsageError(m().cv_unknownFramework(opts.framework), m().cv_knownFrameworks([...review.catalog.frameworks.keys()]));
      if (opts.service !== undefined) selectServices(review, year, opts.service);
      const coverage = coverageOf(review.catalog, framework, year, await assessYear(review, year, { service: opts.service }));
      if (ctx.json) ctx.printJson(coverage);
      else ctx.print((note ? `${note}\n` : '') + (await import('../ui/coverage.js')).renderCoverage(coverage, ctx.lang, ctx.width));
    });
}
