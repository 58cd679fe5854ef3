import { m, msg } from '../ui/i18n.js';
import type { Command } from 'commander';
import { contextOf } from './context.js';

export function defineValidate(program: Command): void {
  program
    .command('validate')
    .description(m().c_validate)
    .addHelpText('after', m().hx_validate)
    .action(async (_opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { validateWorkspace } = await import('../validate.js');
      const { InvalidInputError } = await import('../errors.js');
      const report = await validateWorkspace(ctx.ws);
      if (ctx.json) ctx.printJson({ ok: report.problems.length === 0, ...report });
      if (report.problems.length > 0) throw new InvalidInputError(report.problems);
      if (!ctx.json) {
        ctx.print(msg(ctx.lang).v_allGood(report));
      }
    });
}
