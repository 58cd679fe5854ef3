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
För varje krav: frågorna som ger underlag för det, deras svar och ett resultat:
  uppfyllt     alla svar är de bästa möjliga och minst en fråga täcker hela kravet
  delvis       något svar brister, eller frågorna täcker bara en del av kravet
  ej uppfyllt  alla svar är de sämsta möjliga
  ej bedömt    ingen av frågorna är besvarad (ej tillämplig räknas inte som underlag)
  ej täckt     ingen fråga i katalogen ger underlag: en brist i katalogen, inte i svaren

Kopplingen fråga–krav står i checklists/mappings/<ramverk>.json, med relationstyp som i NIST OLIR
(vad frågan är i förhållande till kravet): equal (samma sak) och superset (frågan omfattar kravet
och mer) kan visa kravet uppfyllt; subset (en del av kravet) och intersect (delvis överlapp) bara
delvis. Kraven står i checklists/frameworks/<ramverk>.json; efterlev validate kontrollerar att
varje fråga och krav finns.

Ett krav ska vara uppfyllt i varje tjänst där någon av frågorna gäller. Organisationens svar
(dataskyddsombudets kontrollpunkter) gäller hela organisationen och räknas i varje tjänsts rad;
organisationen får en egen rad bara för krav som bara dess frågor ger underlag för. En fråga som
överlappar en annan checklistas fråga (checklists/mappings/overlap.json, t.ex. KP3.1 och AVT.1 om
biträdesavtal) räknas för båda: ett svar ges en gång.

Årsrapporten (efterlev report) ger antalen per ramverk och kraven som svaren visar inte uppfyllda;
här finns hela listan per krav.

Exempel:
  efterlev coverage --year 2025 --framework csl
  efterlev coverage --year 2025 --framework gdpr --service visma-recruit
  efterlev coverage --year 2025 --framework gdpr --service organisation
  efterlev coverage --year 2025 --framework iso27001 --json > iso27001-2025.json
  efterlev --lang en coverage --year 2025 --framework iso27001`,
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
