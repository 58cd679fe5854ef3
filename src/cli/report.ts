import { Option, type Command } from 'commander';
import { contextOf, parseYear, YEAR_HELP } from './context.js';

export function defineReport(program: Command): void {
  program
    .command('report')
    .description('årsrapporten: efterlevnadskontrollen och dataskyddsombudets kontrollpunkter')
    .requiredOption('--year <år>', YEAR_HELP, parseYear)
    .addOption(new Option('--format <format>', 'filformat').choices(['md', 'html', 'docx']).default('md'))
    .option('--out <fil>', 'filen att skriva (utan: stdout; krävs för docx)')
    .option('--force', 'skriv över en befintlig fil')
    .addHelpText(
      'after',
      `
Sammanfattning, resultat per kontrollpunkt med kommentarer och förändring sedan förra året,
IT-säkerhet per kontrollområde över tjänsterna, stora brister, handlingsplanen per prioritet,
rekommenderade fokuskontrollpunkter för nästa år (röda och försämrade, med skälet) och särskilda
iakttagelser (efterlev observation add). HTML är en fristående fil med diagram, utskrivbar på A4.
DOCX är samma rapport som Word-dokument (tabeller, diagrammen som bilder), för nämnden.
Märkt konfidentiell och läsbar bara för ägaren. Engelska med --lang en.

Exempel:
  efterlev report --year 2025 --format html --out arsrapport-2025.html
  efterlev report --year 2025 --format docx --out arsrapport-2025.docx
  efterlev report --year 2025 > arsrapport-2025.md
  efterlev --lang en report --year 2025 --format html --out annual-report-2025.html`,
    )
    .action(async (opts: { year: number; format: 'md' | 'html' | 'docx'; out?: string; force?: boolean }, cmd: Command) => {
      const ctx = contextOf(cmd);
      if (opts.format === 'docx' && opts.out === undefined) {
        const { UsageError } = await import('../errors.js');
        throw new UsageError('DOCX skrivs till en fil: ange --out FIL.docx.');
      }
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
      const data =
        opts.format === 'docx' ? await (await import('../report/docx.js')).reportDocx(blocks, ctx.lang) : opts.format === 'html' ? reportHtml(blocks, ctx.lang) : reportMarkdown(blocks);
      const { deliver } = await import('../export/write.js');
      if (deliver(data, opts.out, opts.force === true) !== undefined) ctx.print(`Skrev årsrapporten ${opts.year} till ${opts.out} (läsbar bara för dig).`);
    });
}
