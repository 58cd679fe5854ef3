import { m, msg } from '../ui/i18n.js';
import { Option, type Command } from 'commander';
import { contextOf, latestYearHelp, parseYear, yearOrLatest } from './context.js';

interface ExportOptions {
  year?: number;
  format: 'csv' | 'xlsx' | 'md' | 'json' | 'oscal-ar' | 'oscal-poam';
  out?: string;
  force?: boolean;
}

export function defineExport(program: Command): void {
  program
    .command('export')
    .description(m().c_export)
    .option(`--year ${m().ph_year}`, latestYearHelp(), parseYear)
    .addOption(new Option('--format <format>', m().o_format).choices(['csv', 'xlsx', 'md', 'json', 'oscal-ar', 'oscal-poam']).makeOptionMandatory())
    .option(`--out ${m().ph_file}`, m().o_out)
    .option('--force', m().h_forceHelp)
    .addHelpText('after', m().hx_export)
    .action(async (opts: ExportOptions, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { UsageError } = await import('../errors.js');
      if (opts.format === 'xlsx' && opts.out === undefined) throw new UsageError(m().e_xlsxNeedsOut);
      const { openReview, yearRegister } = await import('../review.js');
      const { buildActions, sortActions, splitAccepted } = await import('../plan/actions.js');
      const { confidentialityNotice, namesOf, summaryRows } = await import('../export/columns.js');
      const review = await openReview(ctx.ws);
      const { year, note } = await yearOrLatest(ctx, opts.year);
      const plan = await buildActions(review, year, {}, { forgetEarlierYears: true });
      const { open, accepted } = splitAccepted(sortActions(plan.actions));
      const actions = [...open, ...accepted];
      const summary = summaryRows(review.catalog, plan.assessed.map((a) => a.result), actions, ctx.lang);
      const notice = confidentialityNotice(year, yearRegister(review, year).organisation.name, ctx.lang);
      const names = namesOf(review.catalog, plan.assessed.map((a) => a.service), ctx.lang);

      let data: string | Buffer;
      if (opts.format === 'csv') data = (await import('../export/csv.js')).handlingsplanCsv(notice, actions, summary, ctx.lang, names);
      else if (opts.format === 'md') data = (await import('../export/markdown.js')).handlingsplanMarkdown(year, notice, actions, summary, ctx.lang);
      else if (opts.format === 'xlsx') {
        // Streamed into the file as it is made: a city's workbook never stands whole in memory.
        const { writeHandlingsplanXlsx } = await import('../export/xlsx.js');
        const { deliverStream } = await import('../export/write.js');
        const written = await deliverStream((out) => writeHandlingsplanXlsx(out, year, notice, actions, summary, ctx.lang, names), opts.out!, opts.force === true);
        if (ctx.json) ctx.printJson({ written, format: opts.format, actions: actions.length });
        else ctx.print(msg(ctx.lang).x_wrote(actions.length, year, note ?? '', opts.out!));
        return;
      }
      else if (opts.format === 'oscal-ar' || opts.format === 'oscal-poam') {
        if (opts.format === 'oscal-poam' && actions.length === 0) throw new UsageError(m().x_noActionsForPoam(year));
        const { oscalModel } = await import('../export/oscal-model.js');
        const { oscalDocument } = await import('../export/oscal.js');
        data = oscalDocument(opts.format, oscalModel(review, year, plan.assessed, actions), ctx.lang);
      } else {
        const { actionsJson } = await import('../ui/actions.js');
        data = JSON.stringify({ confidential: notice, ...actionsJson(year, actions, ctx.lang) }, null, 2) + '\n';
      }
      const { deliver } = await import('../export/write.js');
      const written = deliver(data, opts.out, opts.force === true);
      // Written to stdout, the file is the output: the year it is of is said on stderr.
      if (written === undefined) {
        if (note) ctx.warn(msg(ctx.lang).x_planNote(note));
        return;
      }
      if (ctx.json) ctx.printJson({ written, format: opts.format, actions: actions.length });
      else if (opts.format === 'oscal-ar') ctx.print(msg(ctx.lang).x_wroteOscal(year, opts.out ?? ''));
      else ctx.print(msg(ctx.lang).x_wrote(actions.length, year, note, opts.out ?? ''));
    });
}
