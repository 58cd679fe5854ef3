import { m } from '../ui/i18n.js';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { contextOf, parseYear, yearHelp } from './context.js';

export function defineCoverage(program: Command): void {
  program
    .command('coverage')
    .description(m().c_coverage)
    .requiredOption('--year <år>', yearHelp(), parseYear)
    .requiredOption('--framework <id>', 'ramverket, t.ex. gdpr, iso27001 eller csl')
    .option('--service <id>', m().o_serviceOrOrg)
    .addHelpText(
      'after',
      `
För varje krav: frågorna som ger underlag för det (checklists/mappings, med relationstyp som i
NIST OLIR: equal, subset, superset, intersect), deras svar och ett resultat: uppfyllt (alla svar
bästa möjliga och minst en fråga täcker hela kravet), delvis, ej uppfyllt (alla svar sämsta),
ej bedömt (ingen av frågorna besvarad) eller ej täckt (ingen fråga i katalogen ger underlag).
En fråga som överlappar en annan checklistas fråga (checklists/mappings/overlap.json) räknas för
båda: ett svar ges en gång.

Exempel:
  efterlev coverage --year 2025 --framework iso27001
  efterlev coverage --year 2025 --framework gdpr --service visma-recruit
  efterlev coverage --year 2025 --framework csl --json`,
    )
    .action(async (opts: { year: number; framework: string; service?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { openReview, assessYear, selectServices } = await import('../review.js');
      const { coverageOf } = await import('../coverage/coverage.js');
      const review = await openReview(ctx.ws);
      const framework = review.catalog.frameworks.get(opts.framework);
      if (framework === undefined) throw new UsageError(`Okänt ramverk '${opts.framework}'.`, `Kända: ${[...review.catalog.frameworks.keys()].join(', ') || 'inga (checklists/frameworks saknas)'}.`);
      if (opts.service !== undefined) selectServices(review, opts.year, opts.service);
      const coverage = coverageOf(review.catalog, framework, opts.year, await assessYear(review, opts.year, { service: opts.service }));
      if (ctx.json) ctx.printJson(coverage);
      else ctx.print((await import('../ui/coverage.js')).renderCoverage(coverage, ctx.lang, ctx.width));
    });
}
