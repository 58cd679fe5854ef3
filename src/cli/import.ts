import { m, msg } from '../ui/i18n.js';
import type { Command } from 'commander';
import { contextOf, defaultReviewer, parseText, parseYear, requireYear, yearHelp } from './context.js';

interface ImportOptions {
  year?: number;
  fromYear?: number;
  reviewer?: string;
  dryRun?: boolean;
}

export function defineImport(program: Command): void {
  program
    .command('import')
    .description(m().c_import)
    .argument(m().ph_file, m().o_importFile)
    .option(`--year ${m().ph_year}`, m().o_yearRequired(yearHelp()), parseYear)
    .option(`--from-year ${m().ph_year}`, m().o_fromYear, parseYear)
    .option(`--reviewer ${m().ph_name}`, m().o_reviewerBy, parseText('--reviewer'))
    .option('--dry-run', m().o_dryRun)
    .addHelpText('after', m().hx_import)
    .action(async (file: string, given: ImportOptions, cmd: Command) => {
      const ctx = contextOf(cmd);
      const opts = { ...given, year: await requireYear(ctx, given.year, 'efterlev import') };
      const { openReview, yearRegister } = await import('../review.js');
      const { readImportFile, withoutPerPeriod } = await import('../import/read.js');
      const { InvalidInputError } = await import('../errors.js');
      const { planImport } = await import('../import/plan.js');
      const { previewAnswers, saveAnswersOfServices } = await import('../store/answers.js');
      const { inputFile } = await import('../io/paths.js');

      const { path, shown } = inputFile(file);
      const review = await openReview(ctx.ws);
      const read = readImportFile(path, shown, opts.year, opts.fromYear);
      // Answers moved from another year leave that year's counts over a period behind.
      const moving = opts.fromYear !== undefined && opts.fromYear !== opts.year;
      const { rows, skipped } = moving ? withoutPerPeriod(read.rows, review.catalog) : { rows: read.rows, skipped: [] };
      if (rows.length === 0 && skipped.length > 0) {
        throw new InvalidInputError([{ file: shown, message: m().im_allPerPeriod(skipped.length, opts.fromYear!, opts.year!) }]);
      }
      const plan = planImport(rows, read.text, shown, review.catalog, yearRegister(review, opts.year), { year: opts.year });
      for (const { service, question } of plan.notApplicable) {
        ctx.warn(msg(ctx.lang).im_notApplicable(question, service));
      }
      const reviewer = opts.reviewer ?? defaultReviewer();
      // All services' files are read and checked before any is written, and committed as one unit.
      const outcomesByService = opts.dryRun
        ? new Map([...plan.changes].map(([service, changes]) => [service, previewAnswers(ctx.ws, review.catalog, opts.year, service, changes)]))
        : await saveAnswersOfServices(ctx.ws, review.catalog, opts.year, plan.changes, reviewer);
      const summary = [...outcomesByService].map(([service, outcomes]) => ({
        service,
        added: outcomes.filter((o) => o.kind === 'added').map((o) => ({ question: o.question, value: o.value })),
        changed: outcomes.flatMap((o) => (o.kind === 'changed' ? [{ question: o.question, from: o.from, to: o.value }] : [])),
        unchanged: outcomes.filter((o) => o.kind === 'unchanged').length,
      }));
      const skippedList = skipped.map((r) => ({ service: r.service.trim(), question: r.question.trim().toUpperCase() }));
      if (ctx.json) {
        ctx.printJson({ year: opts.year, dryRun: opts.dryRun === true, ...(opts.fromYear !== undefined ? { fromYear: opts.fromYear, skipped: skippedList } : {}), services: summary });
        return;
      }
      if (skippedList.length > 0) {
        const byService = new Map<string, string[]>();
        for (const s of skippedList) byService.set(s.service, [...(byService.get(s.service) ?? []), s.question]);
        const which = [...byService].map(([service, questions]) => `${service}: ${questions.join(', ')}`).join('; ');
        ctx.print(msg(ctx.lang).im_perPeriodSkipped(skippedList.length, opts.fromYear!, opts.year!, which));
      }
      for (const s of summary) {
        ctx.print(msg(ctx.lang).im_service(s.service, s.added.length, s.changed.length, s.unchanged));
        for (const c of s.changed) ctx.print(`  ${c.question}: ${c.from} → ${c.to}`);
      }
      ctx.print(opts.dryRun ? msg(ctx.lang).im_dryRun : msg(ctx.lang).im_done(opts.year, moving ? opts.fromYear : undefined));
    });
}
