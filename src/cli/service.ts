import { Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import { parseClassification } from '../store/classification.js';
import { contextOf, parseText } from './context.js';

interface AddOptions {
  name: string;
  owner?: string;
  supplier?: string;
  personalData?: boolean;
  sensitive?: boolean;
  thirdCountry?: boolean;
  classification?: string;
}

export function defineService(program: Command): void {
  const service = program.command('service').description('tjänsteregistret: lägg till och lista tjänster');

  service
    .command('add')
    .description('registrera en tjänst')
    .argument('<id>', 'kort id för tjänsten (a–z, 0–9, -), blir filnamn för svaren')
    .requiredOption('--name <namn>', 'tjänstens namn', parseText('--name'))
    .option('--owner <namn>', 'ansvarig (tjänsteägare)', parseText('--owner'))
    .option('--supplier <namn>', 'extern leverantör', parseText('--supplier'))
    .option('--personal-data', 'tjänsten behandlar personuppgifter')
    .option('--sensitive', 'känsliga personuppgifter (art. 9), innebär --personal-data')
    .option('--third-country', 'personuppgifter överförs till tredje land')
    .addOption(new Option('--classification <KRTS>', 'informationsklassning enligt KLASSA, t.ex. K3R2T3S2').default('K1R1T1S1'))
    .addHelpText('after', '\nExempel:\n  efterlev service add visma-recruit --name "Visma Recruit" --owner "Sara Ek" \\\n    --supplier "Visma Enterprise AB" --personal-data --sensitive --classification K3R2T2S2')
    .action(async (id: string, opts: AddOptions, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { Service } = await import('../store/schema.js');
      const { addService } = await import('../store/register.js');
      const parsed = Service.safeParse({
        id,
        name: opts.name,
        owner: opts.owner,
        supplier: opts.supplier,
        personalData: Boolean(opts.personalData || opts.sensitive),
        sensitiveData: Boolean(opts.sensitive),
        thirdCountry: Boolean(opts.thirdCountry),
        classification: parseClassification(opts.classification ?? 'K1R1T1S1'),
      });
      if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `${i.path.join('.') || 'id'}: ${i.message}`).join('\n'));
      const { requireWorkspace } = await import('../store/workspace.js');
      requireWorkspace(ctx.ws);
      await addService(ctx.ws, parsed.data);
      if (ctx.json) ctx.printJson({ added: parsed.data });
      else ctx.print(`Registrerade ${parsed.data.name} (${parsed.data.id}).`);
    });

  service
    .command('list')
    .description('lista tjänsterna i registret')
    .addHelpText('after', '\nExempel:\n  efterlev service list\n  efterlev service list --json')
    .action(async (_opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { requireWorkspace } = await import('../store/workspace.js');
      const { readRegister } = await import('../store/register.js');
      requireWorkspace(ctx.ws);
      const register = readRegister(ctx.ws);
      if (ctx.json) {
        ctx.printJson(register);
        return;
      }
      const { renderServiceList } = await import('../ui/services.js');
      ctx.print(renderServiceList(register, ctx.lang));
    });
}
