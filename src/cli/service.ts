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

const FIELDS_HELP = `
Ja/nej-uppgifterna tar ja, nej eller okänt (en flagga utan värde betyder ja). En uppgift som inte
är känd är "okänt": frågor som beror på den ställs, reglerna räknar med det strängare fallet och
registret visar den som en brist att fylla i. Klassning enligt KLASSA 4.0: nivå 0–4 för
konfidentialitet, riktighet, tillgänglighet och spårbarhet (K3R2T3S2), eller "ej klassad"
(prioriteras som nivå 3). --supplier ingen betyder att tjänsten saknar extern leverantör.`;

function fieldOptions(cmd: Command): Command {
  return cmd
    .option('--owner <namn>', 'ansvarig (tjänsteägare)', parseText('--owner'))
    .option('--area <område>', 'verksamhetsområde, t.ex. HR, Ekonomi, Kommunikation', parseText('--area'))
    .option('--supplier <namn>', 'extern leverantör, "okänt" eller "ingen"', parseText('--supplier'))
    .option('--personal-data [ja|nej|okänt]', 'tjänsten behandlar personuppgifter')
    .option('--sensitive [ja|nej|okänt]', 'känsliga personuppgifter (art. 9); ja innebär personuppgifter')
    .option('--third-country [ja|nej|okänt]', 'personuppgifter överförs till tredje land')
    .option('--classification <KRTS>', 'informationsklassning enligt KLASSA 4.0, t.ex. K3R2T3S2, eller "ej klassad"')
    .option('--reviewer <namn>', m().o_reviewerChange, parseText('--reviewer'));
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
      .argument('<id>', 'kort id för tjänsten (a–z, 0–9, -), blir filnamn för svaren')
      .requiredOption('--name <namn>', 'tjänstens namn', parseText('--name')),
  )
    .addHelpText(
      'after',
      `${FIELDS_HELP}

Exempel:
  efterlev service add visma-recruit --name "Visma Recruit" --owner "Sara Ek" --area HR \\
    --supplier "Visma Enterprise AB" --personal-data --sensitive --classification K3R2T2S2
  efterlev service add skolplattform --name "Skolplattformen" --personal-data okänt`,
    )
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
      .argument('<id>', 'tjänstens id')
      .option('--name <namn>', 'nytt namn', parseText('--name')),
  )
    .addHelpText(
      'after',
      `
Bara det som anges ändras. Det tidigare läget sparas i registrets historik med vem och när
(efterlev service show ID). Ändringen gäller året som pågår och framåt: ett år som har passerat
bedöms med registret som det var då (ögonblicksbild i answers/register/<år>.json).
${FIELDS_HELP}

Exempel:
  efterlev service set ubw-agresso --classification K2R3T4S3
  efterlev service set skolplattform --personal-data ja --sensitive nej --third-country okänt`,
    )
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
        return serviceDiff(base, result.service);
      });
      if (ctx.json) ctx.printJson({ service: id, changes });
      else ctx.print(changes.length === 0 ? `${id}: oförändrad.` : `${id}: ${changes.join('; ')}.`);
    });

  service
    .command('retire')
    .description(m().c_serviceRetire)
    .argument('<id>', 'tjänstens id')
    .requiredOption('--reason <text>', 'varför, t.ex. "ersatt av nytt ekonomisystem 2026"', parseText('--reason', 'motivation'))
    .option('--reviewer <namn>', m().o_reviewerChange, parseText('--reviewer'))
    .addHelpText('after', '\nExempel:\n  efterlev service retire ubw-agresso --reason "Ersatt av ny ekonomiplattform hösten 2026"')
    .action(async (id: string, opts: { reason: string; reviewer?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { openWorkspace } = await import('../store/workspace.js');
      const { changeRegister } = await import('../store/register.js');
      if (opts.reason.trim() === '') throw new UsageError('--reason behövs: skriv varför tjänsten avvecklas.');
      await openWorkspace(ctx.ws);
      const by = opts.reviewer ?? defaultReviewer();
      await changeRegister(ctx.ws, (register, at) => {
        const i = register.services.findIndex((s) => s.id === id);
        if (i === -1) throw unknownService(id, register.services.map((s) => s.id));
        const before = register.services[i]!;
        if (before.retired) throw new UsageError(`Tjänsten '${id}' avvecklades redan ${before.retired.at.slice(0, 10)}.`);
        register.history.push({ service: id, before, by, at });
        register.services[i] = { ...before, retired: { at, by, reason: opts.reason.trim() } };
      });
      if (ctx.json) ctx.printJson({ retired: id });
      else ctx.print(`${id} är avvecklad: den ingår inte i kommande års granskning; tidigare år visar den som förut.`);
    });

  service
    .command('import')
    .description(m().c_serviceImport)
    .argument('<fil>', 'CSV eller XLSX med en rubrikrad')
    .option('--dry-run', 'visa nya och ändrade tjänster utan att skriva något')
    .option('--reviewer <namn>', m().o_reviewerChange)
    .addHelpText(
      'after',
      `
Kolumner (svenska eller engelska, i valfri ordning): id, namn, ansvarig, område, leverantör,
personuppgifter, känsliga, tredjeland, och klassning som K, R, T, S i var sin kolumn eller
kombinerat "K3R2T2S2". En rad utan id får id:t för den registrerade tjänsten med samma namn,
annars ett id av namnet (visma-recruit). En tom ja/nej-cell är okänt, en tom klassning ej klassad.
Alla rader kontrolleras först; en enda felaktig rad stoppar hela filen (slutkod 2, radnummer) och
ingenting skrivs. Nya och ändrade tjänster visas innan något skrivs.

Exempel:
  efterlev service import systemforteckning.xlsx --dry-run
  efterlev service import systemforteckning.csv`,
    )
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
      for (const s of plan.added) ctx.print(`ny: ${s.id} ${s.name}`);
      for (const c of plan.changed) ctx.print(`ändrad: ${c.service.id}: ${c.changes.join('; ')}`);
      ctx.print(`${plan.added.length} nya, ${plan.changed.length} ändrade, ${plan.unchanged} oförändrade${opts.dryRun ? ' (provkörning: ingenting skrevs)' : ''}.`);
    });

  service
    .command('list')
    .description(m().c_serviceList)
    .option('--all', 'också avvecklade tjänster')
    .addHelpText('after', '\nExempel:\n  efterlev service list\n  efterlev service list --all --json')
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
    .argument('<id>', 'tjänstens id')
    .addHelpText('after', '\nExempel:\n  efterlev service show ubw-agresso')
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
