import { m, msg } from '../ui/i18n.js';
import { Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import { contextOf, latestYearHelp, parseYear, yearOrLatest } from './context.js';

interface ReportOptions {
  kind: 'arsrapport' | 'avvikelser';
  year?: number;
  from?: string;
  to?: string;
  format?: 'md' | 'html' | 'docx' | 'xlsx';
  out?: string;
  force?: boolean;
}

export function defineReport(program: Command): void {
  program
    .command('report')
    .description(m().c_report)
    .addOption(new Option(`--kind ${m().ph_report}`, m().o_kind).choices(['arsrapport', 'avvikelser']).default('arsrapport'))
    .option(`--year ${m().ph_year}`, m().o_reportYear(latestYearHelp()), parseYear)
    .option(`--from ${m().ph_date}`, m().o_periodFrom)
    .option(`--to ${m().ph_date}`, m().o_periodTo)
    .addOption(new Option('--format <format>', m().o_reportFormat).choices(['md', 'html', 'docx', 'xlsx']))
    .option(`--out ${m().ph_file}`, m().o_reportOut)
    .option('--force', m().h_forceHelp)
    .addHelpText('after', m().hx_report)
    .action(async (opts: ReportOptions, cmd: Command) => {
      const ctx = contextOf(cmd);
      if (opts.kind === 'avvikelser') return deviationReport(ctx, opts);
      if (opts.from !== undefined || opts.to !== undefined) throw new UsageError(m().rp_fromToDeviations, m().rp_fromToDeviationsHint);
      if (opts.format === 'xlsx') throw new UsageError(m().rp_annualFormats, m().rp_annualFormatsHint);
      const { year, note } = await yearOrLatest(ctx, opts.year);
      const format = opts.format ?? 'md';
      if (format === 'docx' && opts.out === undefined) throw new UsageError(m().rp_needsOut('docx'));
      const { openReview, assessYear, yearRegister } = await import('../review.js');
      const { yearsIn } = await import('../store/answers.js');
      const { buildActions } = await import('../plan/actions.js');
      const { readObservations } = await import('../store/observations.js');
      const { buildReport } = await import('../report/model.js');
      const { reportDocument } = await import('../report/document.js');
      const { reportHtml, reportMarkdown } = await import('../report/render.js');
      const review = await openReview(ctx.ws);
      const plan = await buildActions(review, year, {});
      const previousYear = yearsIn(ctx.ws).includes(year - 1) ? year - 1 : undefined;
      const model = buildReport({
        catalog: review.catalog,
        organisation: yearRegister(review, year).organisation.name,
        year,
        current: plan.assessed,
        previousYear,
        previous: previousYear === undefined ? [] : await assessYear(review, previousYear),
        actions: plan.actions,
        observations: readObservations(ctx.ws, year).observations,
      });
      const blocks = reportDocument(review.catalog, model, ctx.lang);
      const data = format === 'docx' ? await (await import('../report/docx.js')).reportDocx(blocks, ctx.lang) : format === 'html' ? reportHtml(blocks, ctx.lang) : reportMarkdown(blocks);
      const { deliver } = await import('../export/write.js');
      if (deliver(data, opts.out, opts.force === true) !== undefined) ctx.print(msg(ctx.lang).rp_wrote(year, note, opts.out!));
      else if (note) ctx.warn(msg(ctx.lang).rp_note(note));
    });
}

/** Refuses what the deviation report cannot be made from, before anything is read or written. */
async function deviationOptions(opts: ReportOptions): Promise<{ from: string; to: string; format: 'md' | 'html' | 'docx' | 'xlsx' }> {
  const { dateProblem } = await import('../catalog/values.js');
  if (opts.year !== undefined) throw new UsageError(m().rp_periodNotYear, m().rp_periodNotYearHint(opts.year));
  const missing = (['from', 'to'] as const).filter((k) => opts[k] === undefined).map((k) => `--${k}`);
  if (missing.length > 0) throw new UsageError(m().rp_needsFromTo(missing), m().rp_needsFromToHint);
  for (const flag of ['from', 'to'] as const) {
    const problem = dateProblem(opts[flag]!);
    if (problem !== undefined) throw new UsageError(m().rp_badDate(flag, String(opts[flag]), problem));
  }
  const from = opts.from!;
  const to = opts.to!;
  if (from > to) throw new UsageError(m().rp_fromAfterTo(from, to), m().rp_fromAfterToHint);
  const format = opts.format ?? 'md';
  if ((format === 'xlsx' || format === 'docx') && opts.out === undefined) throw new UsageError(m().rp_needsOut(format));
  return { from, to, format };
}

async function deviationReport(ctx: ReturnType<typeof contextOf>, opts: ReportOptions): Promise<void> {
  const { from, to, format } = await deviationOptions(opts);
  const { openWorkspace } = await import('../store/workspace.js');
  const { readRegister } = await import('../store/register.js');
  const { allIncidents } = await import('../incidents/store.js');
  const { now } = await import('../clock.js');
  const { buildDeviationReport } = await import('../report/deviations.js');
  const { deviationDocument } = await import('../report/deviations-document.js');
  await openWorkspace(ctx.ws);
  const register = readRegister(ctx.ws);
  const asOf = now();
  const model = buildDeviationReport({ organisation: register.organisation.name, services: register.services, incidents: allIncidents(ctx.ws), from, to, asOf: asOf.toISOString() });
  const blocks = deviationDocument(model, ctx.lang);
  let data: string | Buffer;
  if (format === 'xlsx') data = await (await import('../report/deviations-xlsx.js')).deviationXlsx(blocks, ctx.lang, asOf);
  else if (format === 'docx') data = await (await import('../report/docx.js')).reportDocx(blocks, ctx.lang, { landscape: true });
  else {
    const { reportHtml, reportMarkdown } = await import('../report/render.js');
    data = format === 'html' ? reportHtml(blocks, ctx.lang, { landscape: true }) : reportMarkdown(blocks);
  }
  const { deliver } = await import('../export/write.js');
  const written = deliver(data, opts.out, opts.force === true);
  if (written === undefined) return;
  const listed = model.sections.reduce((n, s) => n + s.rows.length, 0);
  if (ctx.json) ctx.printJson({ written, kind: 'avvikelser', format, from, to, services: listed });
  else ctx.print(msg(ctx.lang).rp_wroteDeviations(from, to, opts.out!, listed));
}
