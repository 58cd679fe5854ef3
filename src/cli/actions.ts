import { m } from '../ui/i18n.js';
import { Option, type Command } from 'commander';
import { contextOf, latestYearHelp, parseYear, yearOrLatest } from './context.js';

interface ActionsOptions {
  year?: number;
  service?: string;
  checklist?: string;
  priority?: string;
  top?: string;
  sort?: 'priority' | 'effect';
  explain?: boolean;
}

export function defineActions(program: Command): void {
  program
    .command('actions')
    .description(m().c_actions)
    .option(`--year ${m().ph_year}`, latestYearHelp(), parseYear)
    .option('--service <id>', m().o_serviceOrOrg)
    .option('--checklist <id>', m().o_checklist)
    .addOption(new Option('--priority <n>', m().o_priority).choices(['1', '2', '3', '4']))
    .option('--top <n>', m().o_top)
    .addOption(new Option(`--sort ${m().ph_order}`, m().o_sort).choices(['priority', 'effect']).default('priority'))
    .option('--explain', m().o_explain)
    .addHelpText('after', m().hx_actions)
    .action(async (opts: ActionsOptions, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { UsageError } = await import('../errors.js');
      if (opts.top !== undefined && !/^[1-9]\d*$/.test(opts.top)) throw new UsageError(m().e_badTop(opts.top));
      const { requireChecklist, openReview, selectServices, forgetScoredYears } = await import('../review.js');
      const { buildActions, sortActions, splitAccepted } = await import('../plan/actions.js');
      const { actionJson, renderActionsParts } = await import('../ui/actions.js');
      const review = await openReview(ctx.ws);
      requireChecklist(review, opts.checklist);
      const { year, note } = await yearOrLatest(ctx, opts.year);
      if (opts.service !== undefined) selectServices(review, year, opts.service); // an unknown service is refused by name
      // What is printed, taken from the scored years in a function of its own: once it returns,
      // the years' results are garbage and are freed before the printing begins.
      const toPrint = async () => {
        const plan = await buildActions(review, year, { service: opts.service, checklist: opts.checklist }, { forgetEarlierYears: true });
        const all = sortActions(plan.actions, opts.sort === 'effect').filter((a) => opts.priority === undefined || a.priority === Number(opts.priority));
        const { open, accepted } = splitAccepted(all);
        const shown = opts.top === undefined ? open : open.slice(0, Number(opts.top));
        const explanations = opts.explain ? await (await import('../plan/explain.js')).explainActions(review.catalog, [...shown, ...accepted], plan.assessed) : undefined;
        return { shown, accepted, explanations };
      };
      const { shown, accepted, explanations } = await toPrint();
      forgetScoredYears(review);
      // Printed piece by piece as made: the same text as printing it whole.
      const { afterNote, printParts, prettyJsonParts } = await import('./context.js');
      if (ctx.json) {
        const listed = [...shown, ...accepted];
        // What ctx.printJson prints: the JSON, then a line break.
        await printParts(
          ctx,
          prettyJsonParts({ year }, 'actions', (function* () {
            for (const a of listed) yield actionJson(a, ctx.lang, explanations);
          })()),
        );
      } else {
        const parts = renderActionsParts(review.catalog, year, shown, accepted, ctx.lang, explanations, ctx.width);
        await printParts(ctx, afterNote(note, parts));
      }
    });
}
