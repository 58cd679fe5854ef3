import { m } from '../ui/i18n.js';
import type { Command } from 'commander';
import { contextOf, defaultReviewer, latestYearHelp, parseText, parseYear, yearOrLatest } from './context.js';

interface SetOptions {
  year?: number;
  status?: string;
  owner?: string;
  due?: string;
  note?: string;
  motivation?: string;
  acceptedBy?: string;
  reviewer?: string;
}

export function definePlan(program: Command): void {
  const plan = program.command('plan').description(m().c_plan);

  plan
    .command('set')
    .description(m().c_planSet)
    .argument('<id>', m().o_actionId)
    .option(`--year ${m().ph_year}`, latestYearHelp(), parseYear)
    .option('--status <status>', m().o_planStatus)
    .option(`--owner ${m().ph_name}`, m().o_actionOwner, parseText('--owner'))
    .option(`--due ${m().ph_date}`, m().o_due)
    .option('--note <text>', m().o_note, parseText('--note', 'note'))
    .option('--motivation <text>', m().o_motivation, parseText('--motivation', 'motivation'))
    .option(`--accepted-by ${m().ph_name}`, m().o_acceptedBy, parseText('--accepted-by'))
    .option(`--reviewer ${m().ph_name}`, m().o_reviewerChange, parseText('--reviewer'))
    .addHelpText('after', m().hx_planSet)
    .action(async (id: string, given: SetOptions, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { year, note } = await yearOrLatest(ctx, given.year);
      const opts = { ...given, year };
      const { UsageError } = await import('../errors.js');
      const { openReview } = await import('../review.js');
      const { buildActions } = await import('../plan/actions.js');
      const { parseStatus } = await import('../plan/schema.js');
      const { saveFollowUps } = await import('../plan/store.js');
      const { isIsoDate } = await import('../catalog/values.js');
      const { describeFollowUp } = await import('../plan/import.js');

      const status = opts.status === undefined ? undefined : parseStatus(opts.status);
      const { msg } = await import('../ui/i18n.js');
      const p = msg(ctx.lang);
      if (opts.status !== undefined && status === undefined) throw new UsageError(p.p_badStatus(opts.status), p.p_badStatusHint);
      if (opts.due !== undefined && !isIsoDate(opts.due)) throw new UsageError(p.p_badDate(opts.due));
      const review = await openReview(ctx.ws);
      const serviceId = id.split(':')[0] ?? '';
      const { actions } = await buildActions(review, opts.year, { service: serviceId });
      const action = actions.find((a) => a.id === id);
      if (action === undefined) {
        const { didYouMean } = await import('../suggest.js');
        const all = actions.length > 0 ? actions : (await buildActions(review, opts.year, {})).actions;
        const meant = didYouMean(id, all.map((a) => a.id));
        throw new UsageError(
          `${p.p_noAction(id, opts.year, note)}${meant ? ` ${meant}` : ''}`,
          actions.length > 0 ? p.p_serviceActions(actions.map((a) => a.id)) : p.p_seeActions(opts.year),
        );
      }
      const before = action.followUp;
      const change = {
        status: status ?? before?.status ?? 'ej_påbörjad',
        owner: opts.owner ?? before?.owner,
        due: opts.due ?? before?.due,
        note: opts.note ?? before?.note,
        motivation: opts.motivation ?? before?.motivation,
        acceptedBy: opts.acceptedBy ?? before?.acceptedBy,
      };
      if (change.status === 'accepterad_risk' && (!change.motivation || !change.acceptedBy)) {
        throw new UsageError(p.p_acceptedNeeds);
      }
      const changed = await saveFollowUps(ctx.ws, opts.year, new Map([[id, change]]), opts.reviewer ?? defaultReviewer(), { expected: new Map([[id, before]]), migrations: review.catalog.migrations });
      if (ctx.json) ctx.printJson({ year: opts.year, id, changed: changed.length > 0, followUp: change });
      else ctx.print((note ? `${note}\n` : '') + (changed.length > 0 ? `${id}: ${describeFollowUp(before, ctx.lang)} → ${describeFollowUp(change, ctx.lang)}` : p.p_unchanged(id)));
    });

  plan
    .command('import')
    .description(m().c_planImport)
    .argument(m().ph_file, m().o_planFile)
    .option(`--year ${m().ph_year}`, latestYearHelp(), parseYear)
    .option(`--reviewer ${m().ph_name}`, m().o_reviewerChange, parseText('--reviewer'))
    .option('--dry-run', m().o_dryRun)
    .addHelpText('after', m().hx_planImport)
    .action(async (file: string, given: { year?: number; reviewer?: string; dryRun?: boolean }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { year, note } = await yearOrLatest(ctx, given.year);
      const opts = { ...given, year };
      if (note && !ctx.json) ctx.print(note);
      const { openReview } = await import('../review.js');
      const { buildActions } = await import('../plan/actions.js');
      const { readEditedCsv, readEditedXlsx, followUpsFromRows, describeFollowUp, describeEdits } = await import('../plan/import.js');
      const { applyFollowUps, readPlan, saveFollowUps, withMovedIds } = await import('../plan/store.js');
      const { inputFile } = await import('../io/paths.js');

      const { path, shown } = inputFile(file);
      const table = path.toLowerCase().endsWith('.xlsx') ? await readEditedXlsx(path, shown) : readEditedCsv(path, shown);
      const review = await openReview(ctx.ws);
      const { actions } = await buildActions(review, opts.year, {});
      const { changes, removed } = followUpsFromRows(table, actions, shown);
      const byId = new Map(actions.map((a) => [a.id, a]));
      const changed = opts.dryRun
        ? applyFollowUps(withMovedIds(readPlan(ctx.ws, opts.year), review.catalog.migrations), changes, '', '')
        : await saveFollowUps(ctx.ws, opts.year, changes, opts.reviewer ?? defaultReviewer(), { expected: new Map([...changes.keys()].map((id) => [id, byId.get(id)?.followUp])), migrations: review.catalog.migrations });
      const removals = removed.filter((r) => changed.includes(r.id));
      if (ctx.json) {
        ctx.printJson({ year: opts.year, dryRun: opts.dryRun === true, rows: table.rows.length, changed, removed: removals });
        return;
      }
      for (const id of changed) {
        const before = byId.get(id)?.followUp;
        ctx.print(`${id}: ${describeFollowUp(before, ctx.lang)} → ${describeFollowUp(changes.get(id), ctx.lang)}`);
        for (const edit of describeEdits(before, changes.get(id)!)) ctx.print(`  ${edit}`);
      }
      const { msg } = await import('../ui/i18n.js');
      ctx.print(msg(ctx.lang).p_importSummary(table.rows.length, changed.length, removals.length, opts.dryRun === true));
    });
}
