import { m, msg } from '../ui/i18n.js';
import type { Command } from 'commander';
import { contextOf, parseText } from './context.js';

export function defineInit(program: Command): void {
  program
    .command('init')
    .description(m().c_init)
    .option('--name <organisation>', m().o_orgName, parseText('--name'), 'Organisationen')
    .addHelpText('after', m().hx_init)
    .action(async (opts: { name: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { createRegister } = await import('../store/register.js');
      await createRegister(ctx.ws, opts.name);
      if (ctx.json) ctx.printJson({ created: ctx.ws.registerFile });
      else {
        ctx.print(msg(ctx.lang).i_created(ctx.ws.root));
        ctx.print(msg(ctx.lang).i_next);
      }
    });
}
