import { Option, type Command } from 'commander';
import { contextOf, LATEST_YEAR_HELP, parseYear, yearOrLatest } from './context.js';

export function defineReport(program: Command): void {
  program
    .command('report')
    .description('årsrapporten: efterlevnadskontrollen och dataskyddsombudets kontrollpunkter')
    .option('--year <år>', LATEST_YEAR_HELP, parseYear)
    .addOption(new Option('--format <format>', 'filformat').choices(['md', 'html']).default('md'))
    .option('--out <fil>', 'filen att skriva (utan: stdout)')
    .option('--force', 'skriv över en befintlig fil')
    .addHelpText(
      'after',
      `
Sammanfattning, resultat per kontrollpunkt med kommentarer och förändring sedan förra året,
IT-säkerhet per kontrollområde över tjänsterna, stora brister, handlingsplanen per prioritet,
rekommenderade fokuskontrollpunkter för nästa år (röda och försämrade, med skälet) och särskilda
iakttagelser (efterlev observation add). HTML är en fristående fil med diagram, utskrivbar på A4.
Märkt konfidentiell och läsbar bara för ägaren. Engelska med --lang en.

Exempel:
  efterlev report --year 2025 --format html --out arsrapport-2025.html
  efterlev report --year 2025 > arsrapport-2025.md
  efterlev --lang en report --year 2025 --format html --out annual-report-2025.html`,
    )
    .action(async (given: { year?: number; format: 'md' | 'html'; out?: string; force?: boolean }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { year, note } = await yearOrLatest(ctx, given.year);
      const opts = { ...given, year };
      const { openReview, assessYear, yearRegister } = await import('../review.js');
      const { yearsIn } = await import('../store/answers.js');
      const { buildActions } = await import('../plan/actions.js');
      const { readObservations } = await import('../store/observations.js');
      const { buildReport } = await import('../report/model.js');
      const { reportDocument } = await import('../report/document.js');
      const { reportHtml, reportMarkdown } = await import('../report/render.js');
      const review = await openReview(ctx.ws);
      const plan = await buildActions(review, opts.year, {});
      const previousYear = yearsIn(ctx.ws).includes(opts.year - 1) ? opts.year - 1 : undefined;
      const model = buildReport({
        catalog: review.catalog,
        organisation: yearRegister(review, opts.year).organisation.name,
        year: opts.year,
        current: plan.assessed,
        previousYear,
        previous: previousYear === undefined ? [] : await assessYear(review, previousYear),
        actions: plan.actions,
        observations: readObservations(ctx.ws, opts.year).observations,
      });
      const blocks = reportDocument(review.catalog, model, ctx.lang);
      const data = opts.format === 'html' ? reportHtml(blocks, ctx.lang) : reportMarkdown(blocks);
      const { deliver } = await import('../export/write.js');
      if (deliver(data, opts.out, opts.force === true) !== undefined) ctx.print(`Skrev årsrapporten ${opts.year}${note ? ` ${note}` : ''} till ${opts.out} (läsbar bara för dig).`);
      else if (note) ctx.warn(`Årsrapporten ${note}.`);
    });
}
