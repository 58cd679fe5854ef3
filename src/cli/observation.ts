import type { Command } from 'commander';
import { contextOf, defaultReviewer, parseText, parseYear, YEAR_HELP } from './context.js';

export function defineObservation(program: Command): void {
  const observation = program.command('observation').description('särskilda iakttagelser till årsrapporten');

  observation
    .command('add')
    .description('lägg till en särskild iakttagelse')
    .argument('<text>', 'iakttagelsen', parseText('iakttagelsen', 'observation'))
    .requiredOption('--year <år>', YEAR_HELP, parseYear)
    .option('--reviewer <namn>', 'vem som skriver (annars inloggad användare)', parseText('--reviewer'))
    .addHelpText('after', '\nExempel:\n  efterlev observation add --year 2025 "Cyberattacken mot Visma Recruits underleverantör visar att underbiträden behöver följas upp i avtalen."')
    .action(async (text: string, opts: { year: number; reviewer?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { UsageError } = await import('../errors.js');
      if (text.trim() === '') throw new UsageError('Iakttagelsen är tom.');
      const { openWorkspace } = await import('../store/workspace.js');
      await openWorkspace(ctx.ws);
      const { addObservation } = await import('../store/observations.js');
      const added = await addObservation(ctx.ws, opts.year, text, opts.reviewer ?? defaultReviewer());
      if (ctx.json) ctx.printJson({ year: opts.year, observation: added });
      else ctx.print(`Sparade en särskild iakttagelse för ${opts.year}.`);
    });

  observation
    .command('list')
    .description('visa årets särskilda iakttagelser')
    .requiredOption('--year <år>', YEAR_HELP, parseYear)
    .addHelpText('after', '\nExempel:\n  efterlev observation list --year 2025')
    .action(async (opts: { year: number }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { openWorkspace } = await import('../store/workspace.js');
      await openWorkspace(ctx.ws);
      const { readObservations } = await import('../store/observations.js');
      const file = readObservations(ctx.ws, opts.year);
      if (ctx.json) ctx.printJson(file);
      else if (file.observations.length === 0) ctx.print(`Inga särskilda iakttagelser för ${opts.year}.`);
      else file.observations.forEach((o, i) => ctx.print(`${i + 1}. ${o.text} (${o.by}, ${o.at.slice(0, 10)})`));
    });
}
