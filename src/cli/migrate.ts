import { m } from '../ui/i18n.js';
import type { Command } from 'commander';
import { contextOf } from './context.js';

export function defineMigrate(program: Command): void {
  program
    .command('migrate')
    .description(m().c_migrate)
    .option('--dry-run', 'visa vad som skulle skrivas om, utan att skriva något')
    .addHelpText(
      'after',
      `
Svar som skrevs för en äldre katalogversion läses alltid genom flyttningarna i
checklists/migrations (nya id, delade och sammanslagna frågor); migrate skriver dessutom om
filerna så att de står i den nuvarande versionen. Ett svar på en fråga som tagits bort sparas i
filens historik. Varje år skrivs som en enhet. Stängda år (efterlev year close) hoppas över
och nämns; --json listar dem under skipped: [{ year, closedBy, closedAt }].

Exempel:
  efterlev migrate --dry-run
  efterlev migrate`,
    )
    .action(async (opts: { dryRun?: boolean }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { openReview } = await import('../review.js');
      const { migrateWorkspace } = await import('../store/migrate.js');
      const review = await openReview(ctx.ws);
      const result = await migrateWorkspace(ctx.ws, review.catalog, opts.dryRun === true);
      if (ctx.json) {
        ctx.printJson({ dryRun: opts.dryRun === true, ...result });
        return;
      }
      for (const f of result.files) ctx.print(`${f.file}: ${f.from} → ${f.to}`);
      for (const s of result.skipped) {
        ctx.print(`${s.year} är stängt (${s.closedAt.slice(0, 10)} av ${s.closedBy}) och skrevs inte om; dess svar läses ändå genom flyttningarna. Öppna det med efterlev year reopen ${s.year} om filerna måste skrivas om.`);
      }
      ctx.print(result.files.length === 0 ? 'Alla filer står redan i katalogens nuvarande version.' : `${result.files.length} filer ${opts.dryRun ? 'skulle skrivas om (provkörning: ingenting skrevs)' : 'omskrivna'}.`);
    });
}
