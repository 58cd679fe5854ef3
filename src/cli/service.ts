import { m, msg } from '../ui/i18n.js';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import type { ServiceFields } from '../store/service-fields.js';
import { contextOf, defaultReviewer, parseText } from './context.js';
import { didYouMean } from '../suggest.js';

interface FieldOptions {
  name?: string;
  owner?: string;
  area?: string;
  supplier?: string;
  personalData?: string | boolean;
  sensitive?: string | boolean;
  thirdCountry?: string | boolean;
  classification?: string;
  reviewer?: string;
}

function fieldOptions(cmd: Command): Command {
  return cmd
    .option(`--owner ${m().ph_name}`, m().o_svOwner, parseText('--owner'))
    .option(`--area ${m().ph_area}`, m().o_svArea, parseText('--area'))
    .option(`--supplier ${m().ph_name}`, m().o_svSupplier, parseText('--supplier'))
    .option('--personal-data [ja|nej|okänt]', m().o_svPersonalData)
    .option('--sensitive [ja|nej|okänt]', m().o_svSensitive)
    .option('--third-country [ja|nej|okänt]', m().o_svThirdCountry)
    .option('--classification <KRTS>', m().o_svClassification)
    .option(`--reviewer ${m().ph_name}`, m().o_reviewerChange, parseText('--reviewer'));
}

const toFields = (o: FieldOptions): ServiceFields => ({
  name: o.name,
  owner: o.owner,
  area: o.area,
  supplier: o.supplier,
  personalData: o.personalData,
  sensitiveData: o.sensitive,
  thirdCountry: o.thirdCountry,
  classification: o.classification,
});

export function defineService(program: Command): void {
  const service = program.command('service').description(m().c_service);

  fieldOptions(
    service
      .command('add')
      .description(m().c_serviceAdd)
      .argument('<id>', m().o_svId)
      .requiredOption(`--name ${m().ph_name}`, m().o_svName, parseText('--name')),
  )
    .addHelpText('after', m().hx_serviceAdd)
    .action(async (id: string, opts: FieldOptions, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { openWorkspace } = await import('../store/workspace.js');
      const { serviceFrom } = await import('../store/service-fields.js');
      const { addService } = await import('../store/register.js');
      const result = serviceFrom(id, toFields(opts));
      if ('errors' in result) throw new UsageError(result.errors.join('\n'));
      await openWorkspace(ctx.ws);
      await addService(ctx.ws, result.service, opts.reviewer ?? defaultReviewer());
      if (ctx.json) ctx.printJson({ added: result.service });
      else {
        ctx.print(msg(ctx.lang).sv_registered(result.service.name, result.service.id));
        const unknown = unknownFields(result.service);
        if (unknown.length > 0) ctx.print(msg(ctx.lang).sv_unknownSoFar(unknown, id));
      }
    });

  fieldOptions(
    service
      .command('set')
      .description(m().c_serviceSet)
      .argument('<id>', m().o_svServiceId)
      .option(`--name ${m().ph_name}`, m().o_svNewName, parseText('--name')),
  )
    .addHelpText('after', m().hx_serviceSet)
    .action(async (id: string, opts: FieldOptions, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { openWorkspace } = await import('../store/workspace.js');
      const { serviceDiff, serviceFrom } = await import('../store/service-fields.js');
      const { changeRegister, putServices } = await import('../store/register.js');
      await openWorkspace(ctx.ws);
      const by = opts.reviewer ?? defaultReviewer();
      const changes = await changeRegister(ctx.ws, (register, at) => {
        const base = register.services.find((s) => s.id === id);
        if (base === undefined) throw unknownService(id, register.services.map((s) => s.id));
        const result = serviceFrom(id, toFields(opts), base);
        if ('errors' in result) throw new UsageError(result.errors.join('\n'));
        putServices(register, [result.service], by, at);
        return serviceDiff(base, result.service, ctx.lang);
      });
      if (ctx.json) ctx.printJson({ service: id, changes });
      else ctx.print(changes.length === 0 ? msg(ctx.lang).p_unchanged(id) : `${id}: ${changes.join('; ')}.`);
    });

  service
    .command('retire')
    .description(m().c_serviceRetire)
    .argument('<id>', m().o_svServiceId)
    .requiredOption('--reason <text>', m().o_svReason, parseText('--reason', 'motivation'))
    .option(`--reviewer ${m().ph_name}`, m().o_reviewerChange, parseText('--reviewer'))
    .addHelpText('after', m().hx_serviceRetire)
    .action(async (id: string, opts: { reason: string; reviewer?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { openWorkspace } = await import('../store/workspace.js');
      const { changeRegister } = await import('../store/register.js');
      if (opts.reason.trim() === '') throw new UsageError(msg(ctx.lang).sv_reasonNeeded);
      await openWorkspace(ctx.ws);
      const by = opts.reviewer ?? defaultReviewer();
      await changeRegister(ctx.ws, (register, at) => {
        const i = register.services.findIndex((s) => s.id === id);
        if (i === -1) throw unknownService(id, register.services.map((s) => s.id));
        const before = register.services[i]!;
        if (before.retired) throw new UsageError(msg(ctx.lang).sv_alreadyRetired(id, before.retired.at.slice(0, 10)));
        register.history.push({ service: id, before, by, at });
        register.services[i] = { ...before, retired: { at, by, reason: opts.reason.trim() } };
      });
      if (ctx.json) ctx.printJson({ retired: id });
      else ctx.print(msg(ctx.lang).sv_retired(id));
    });

  service
    .command('import')
    .description(m().c_serviceImport)
    .argument(m().ph_file, m().o_svFile)
    .option('--dry-run', m().o_svDryRun)
    .option(`--reviewer ${m().ph_name}`, m().o_reviewerChange)
    .addHelpText('after', m().hx_serviceImport)
    .action(async (file: string, opts: { dryRun?: boolean; reviewer?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { inputFile } = await import('../io/paths.js');
      const { openWorkspace } = await import('../store/workspace.js');
      const { changeRegister, putServices, readRegister } = await import('../store/register.js');
      const { planServiceImport, readServiceCsv } = await import('../import/services.js');
      const { readTextFile } = await import('../io/json-file.js');
      const { path, shown } = inputFile(file);
      await openWorkspace(ctx.ws);
      const rows = path.toLowerCase().endsWith('.xlsx')
        ? await (await import('../import/services-xlsx.js')).readServiceXlsx(path, shown)
        : readServiceCsv(readTextFile(path, shown, { followLinks: true }), shown);
      const plan = planServiceImport(rows, readRegister(ctx.ws), shown);
      if (!opts.dryRun && (plan.added.length > 0 || plan.changed.length > 0)) {
        const by = opts.reviewer ?? defaultReviewer();
        await changeRegister(ctx.ws, (register, at) => {
          // Checked again under the lock: the register may have changed since it was read above.
          const again = planServiceImport(rows, register, shown);
          putServices(register, again.services, by, at);
        });
      }
      if (ctx.json) {
        ctx.printJson({ dryRun: opts.dryRun === true, added: plan.added.map((s) => s.id), changed: plan.changed.map((c) => ({ service: c.service.id, changes: c.changes })), unchanged: plan.unchanged });
        return;
      }
      const t = msg(ctx.lang);
      for (const s of plan.added) ctx.print(t.sv_importNew(s.id, s.name));
      for (const c of plan.changed) ctx.print(t.sv_importChanged(c.service.id, c.changes));
      ctx.print(t.sv_importSummary(plan.added.length, plan.changed.length, plan.unchanged, opts.dryRun === true));
    });

  service
    .command('list')
    .description(m().c_serviceList)
    .option('--all', m().o_svAll)
    .addHelpText('after', m().hx_serviceList)
    .action(async (opts: { all?: boolean }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { openWorkspace } = await import('../store/workspace.js');
      const { readRegister } = await import('../store/register.js');
      await openWorkspace(ctx.ws);
      const register = readRegister(ctx.ws);
      const services = register.services.filter((s) => opts.all || s.retired === undefined);
      if (ctx.json) {
        ctx.printJson({ organisation: register.organisation, services });
        return;
      }
      const { renderServiceList } = await import('../ui/services.js');
      ctx.print(renderServiceList(register.organisation.name, services, ctx.lang, ctx.width));
    });

  service
    .command('show')
    .description(m().c_serviceShow)
    .argument('<id>', m().o_svServiceId)
    .addHelpText('after', m().hx_serviceShow)
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { openWorkspace } = await import('../store/workspace.js');
      const { readRegister } = await import('../store/register.js');
      await openWorkspace(ctx.ws);
      const register = readRegister(ctx.ws);
      const found = register.services.find((s) => s.id === id);
      if (found === undefined) throw unknownService(id, register.services.map((s) => s.id));
      const history = register.history.filter((h) => h.service === id);
      if (ctx.json) {
        ctx.printJson({ service: found, history });
        return;
      }
      const { renderServiceDetail } = await import('../ui/services.js');
      ctx.print(renderServiceDetail(found, history, ctx.lang, ctx.width));
    });
}

function unknownFields(s: { personalData: unknown; sensitiveData: unknown; thirdCountry: unknown; supplier?: string | undefined; classification: unknown }): string[] {
  return [
    s.personalData === 'okänt' ? m().sv_fieldPersonalData : undefined,
    s.sensitiveData === 'okänt' ? m().sv_fieldSensitive : undefined,
    s.thirdCountry === 'okänt' ? m().sv_fieldThirdCountry : undefined,
    s.supplier === 'okänt' ? m().sv_fieldSupplier : undefined,
    s.classification === null ? m().sv_fieldClassification : undefined,
  ].filter((x): x is string => x !== undefined);
}

function unknownService(id: string, known: readonly string[]): UsageError {
  const meant = didYouMean(id, known);
  return new UsageError(`${m().e_unknownService(id)}${meant ? ` ${meant}` : ''}`, m().e_known(known));
}
