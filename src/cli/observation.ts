import { m, msg } from '../ui/i18n.js';
import type { Command } from 'commander';
import { contextOf, defaultReviewer, latestYearHelp, parseText, parseYear, yearOrLatest } from './context.js';

export function defineObservation(program: Command): void {
  const observation = program.command('observation').description(m().c_observation);

  observation
    .command('add')
    .description(m().c_observationAdd)
    .argument('<text>', m().o_observation, parseText(m().ph_observation, 'observation'))
    .option(`--year ${m().ph_year}`, latestYearHelp(), parseYear)
    .option(`--reviewer ${m().ph_name}`, m().o_reviewerWrites, parseText('--reviewer'))
    .addHelpText('after', m().hx_observationAdd)
    .action(async (text: string, opts: { year?: number; reviewer?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { UsageError } = await import('../errors.js');
      if (text.trim() === '') throw new UsageError(m().ob_empty);
      const { openWorkspace } = await import('../store/workspace.js');
      await openWorkspace(ctx.ws);
      const { year, note } = await yearOrLatest(ctx, opts.year);
      const { addObservation } = await import('../store/observations.js');
      const added = await addObservation(ctx.ws, year, text, opts.reviewer ?? defaultReviewer());
      if (ctx.json) ctx.printJson({ year, observation: added });
      else ctx.print(msg(ctx.lang).ob_saved(year, note));
    });

  observation
    .command('list')
    .description(m().c_observationList)
    .option(`--year ${m().ph_year}`, latestYearHelp(), parseYear)
    .addHelpText('after', m().hx_observationList)
    .action(async (opts: { year?: number }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { openWorkspace } = await import('../store/workspace.js');
      await openWorkspace(ctx.ws);
      const { year, note } = await yearOrLatest(ctx, opts.year);
      const { readObservations } = await import('../store/observations.js');
      const { wrap } = await import('../ui/layout.js');
      const file = readObservations(ctx.ws, year);
      if (ctx.json) ctx.printJson(file);
      else if (file.observations.length === 0) ctx.print(msg(ctx.lang).ob_none(year, note));
      else {
        if (note) ctx.print(note);
        file.observations.forEach((o, i) => ctx.print(wrap(`${i + 1}. ${o.text} (${o.by}, ${o.at.slice(0, 10)})`, ctx.width, { hanging: ' '.repeat(String(i + 1).length + 2) })));
      }
    });
}
