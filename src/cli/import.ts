import type { Command } from 'commander';
import { contextOf, defaultReviewer, parseText, parseYear, requireYear, YEAR_HELP } from './context.js';

interface ImportOptions {
  year?: number;
  reviewer?: string;
  dryRun?: boolean;
}

export function defineImport(program: Command): void {
  program
    .command('import')
    .description('läs in många svar på en gång från CSV eller JSON')
    .argument('<fil>', 'CSV (service, question, value, comment, evidence) eller JSON som show --json skriver')
    .option('--year <år>', `${YEAR_HELP} (krävs: svaren skrivs till det året)`, parseYear)
    .option('--reviewer <namn>', 'vem svaren registreras av (annars inloggad användare)', parseText('--reviewer'))
    .option('--dry-run', 'visa vad som skulle ändras, utan att skriva något')
    .addHelpText(
      'after',
      `
CSV: en rubrikrad med kolumnerna service, question, value och valfritt comment, evidence (eller
tjänst, fråga, svar, kommentar, underlag); komma eller semikolon; UTF-8 med eller utan BOM, som Excel
sparar. JSON: { "service": …, "answers": { "LOG.1": { "value": "ja", "comment": … } } } eller en
lista av sådana. Alla rader kontrolleras först: en enda felaktig rad stoppar hela filen (slutkod 2,
en rad per fel med radnummer eller JSON-pekare) och ingenting skrivs.

Exempel:
  efterlev import --year 2025 svar-2025.csv --dry-run
  efterlev import --year 2025 svar-2025.csv --reviewer anna.berg
  efterlev show --year 2025 --service office365 --json > o365.json && efterlev import --year 2026 o365.json`,
    )
    .action(async (file: string, given: ImportOptions, cmd: Command) => {
      const ctx = contextOf(cmd);
      const opts = { ...given, year: await requireYear(ctx, given.year, 'efterlev import') };
      const { openReview, yearRegister } = await import('../review.js');
      const { readImportFile } = await import('../import/read.js');
      const { planImport } = await import('../import/plan.js');
      const { previewAnswers, saveAnswersOfServices } = await import('../store/answers.js');
      const { inputFile } = await import('../io/paths.js');

      const { path, shown } = inputFile(file);
      const review = await openReview(ctx.ws);
      const { rows, text } = readImportFile(path, shown, opts.year);
      const plan = planImport(rows, text, shown, review.catalog, yearRegister(review, opts.year), { year: opts.year });
      for (const { service, question } of plan.notApplicable) {
        ctx.warn(`varning: ${question} gäller inte ${service}; svaret sparas men räknas inte.`);
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
      if (ctx.json) {
        ctx.printJson({ year: opts.year, dryRun: opts.dryRun === true, services: summary });
        return;
      }
      for (const s of summary) {
        ctx.print(`${s.service}: ${s.added.length} nya, ${s.changed.length} ändrade, ${s.unchanged} oförändrade`);
        for (const c of s.changed) ctx.print(`  ${c.question}: ${c.from} → ${c.to}`);
      }
      ctx.print(opts.dryRun ? 'Provkörning: ingenting har skrivits.' : `Importerat till ${opts.year}.`);
    });
}
