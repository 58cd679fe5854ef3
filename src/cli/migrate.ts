import { m, msg } from '../ui/i18n.js';
import type { Command } from 'commander';
import { contextOf } from './context.js';

export function defineMigrate(program: Command): void {
  program
    .command('migrate')
    .description(m().c_migrate)
    .option('--dry-run', m().o_migrateDryRun)
    .addHelpText('after', m().hx_migrate)
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
      const t = msg(ctx.lang);
      for (const f of result.files) ctx.print(`${f.file}: ${f.from} → ${f.to}`);
      for (const s of result.skipped) ctx.print(t.mg_skipped(s.year, s.closedAt.slice(0, 10), s.closedBy));
      ctx.print(result.files.length === 0 ? t.mg_upToDate : t.mg_rewritten(result.files.length, opts.dryRun === true));
    });
}
