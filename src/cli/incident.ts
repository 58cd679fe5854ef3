import { m, msg } from '../ui/i18n.js';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import type { IncidentFields } from '../incidents/input.js';
import { contextOf, defaultReviewer, parseText } from './context.js';
import { didYouMean } from '../suggest.js';

interface FieldOptions {
  id?: string;
  service?: string;
  kind?: string;
  title?: string;
  description?: string;
  occurred?: string;
  detected?: string;
  resolved?: string;
  supplier?: string;
  rootCause?: string;
  actions?: string;
  status?: string;
  imyNotified?: string;
  delayReason?: string;
  notNotified?: string;
  subjectsInformed?: string;
  earlyWarning?: string;
  notification?: string;
  finalReport?: string;
  reviewer?: string;
}

const toFields = (o: FieldOptions): IncidentFields => ({
  id: o.id,
  service: o.service,
  kind: o.kind,
  title: o.title,
  description: o.description,
  occurred: o.occurred,
  detected: o.detected,
  resolved: o.resolved,
  supplier: o.supplier,
  rootCauseAnalysis: o.rootCause,
  actions: o.actions,
  status: o.status,
  imyNotified: o.imyNotified,
  delayReason: o.delayReason,
  notNotified: o.notNotified,
  subjectsInformed: o.subjectsInformed,
  earlyWarning: o.earlyWarning,
  notification: o.notification,
  finalReport: o.finalReport,
});


function fieldOptions(cmd: Command, required: boolean): Command {
  const req = (flags: string, text: string, parse?: (v: string) => string) => (required ? cmd.requiredOption(flags, text, parse as never) : cmd.option(flags, text, parse as never));
  req('--service <id>', m().o_incidentService);
  req(`--kind ${m().ph_kind}`, m().o_kinds);
  req('--title <text>', m().o_incidentTitle, parseText('--title'));
  req(`--occurred ${m().ph_date}`, m().o_occurred);
  return cmd
    .option(`--detected ${m().ph_time}`, m().o_detected)
    .option(`--resolved ${m().ph_date}`, m().o_resolved)
    .option('--status <status>', m().o_incidentStatus)
    .option('--description <text>', m().o_description, parseText('--description', 'comment'))
    .option(`--supplier ${m().ph_name}`, m().o_incidentSupplier, parseText('--supplier'))
    .option('--root-cause <ja|nej>', m().o_rootCause)
    .option('--actions <text>', m().o_actionsTaken, parseText('--actions', 'comment'))
    .option(`--imy-notified ${m().ph_time}`, m().o_imyNotified)
    .option('--delay-reason <text>', m().o_delayReason, parseText('--delay-reason', 'motivation'))
    .option(`--not-notified ${m().ph_motivation}`, m().o_notNotified, parseText('--not-notified', 'motivation'))
    .option('--subjects-informed <ja|nej|ej_aktuellt>', m().o_subjectsInformed)
    .option(`--early-warning ${m().ph_time}`, m().o_earlyWarning)
    .option(`--notification ${m().ph_time}`, m().o_notification)
    .option(`--final-report ${m().ph_date}`, m().o_finalReport)
    .option(`--reviewer ${m().ph_name}`, m().o_reviewerRecord, parseText('--reviewer'));
}

function refuse(problems: { field: string; message: string }[], options: Record<string, string>): never {
  throw new UsageError(`${m().e_nothingSaved}:\n  ${problems.map((p) => `${options[p.field] ?? p.field}: ${p.message}`).join('\n  ')}`);
}

export function defineIncident(program: Command): void {
  const incident = program.command('incident').description(m().c_incident);

  fieldOptions(incident.command('add').description(m().c_incidentAdd), true)
    .option('--id <id>', m().o_incidentId)
    .addHelpText('after', m().hx_incidentAdd)
    .action(async (opts: FieldOptions, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { openWorkspace } = await import('../store/workspace.js');
      const { readRegister } = await import('../store/register.js');
      const { incidentFrom, OPTION } = await import('../incidents/input.js');
      const { saveIncidents } = await import('../incidents/store.js');
      const { now } = await import('../clock.js');
      await openWorkspace(ctx.ws);
      const by = opts.reviewer ?? defaultReviewer();
      const result = incidentFrom(toFields(opts), undefined, by, now().toISOString());
      if ('problems' in result) refuse(result.problems, OPTION);
      requireService(readRegister(ctx.ws), result.incident.service);
      const { id: _placeholder, by: _by, at: _at, ...fields } = result.incident;
      const [saved] = await saveIncidents(ctx.ws, [{ kind: 'add', incident: { ...fields, ...(opts.id ? { id: opts.id } : {}) } }], by);
      if (ctx.json) ctx.printJson({ added: saved });
      else ctx.print(msg(ctx.lang).n_recorded(saved!.id, saved!.title, saved!.service, saved!.occurred));
    });

  fieldOptions(incident.command('set').description(m().c_incidentSet).argument('<id>', m().o_incidentIdArg), false)
    .addHelpText('after', m().hx_incidentSet)
    .action(async (id: string, opts: FieldOptions, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { openWorkspace } = await import('../store/workspace.js');
      const { readRegister } = await import('../store/register.js');
      const { incidentFrom, OPTION } = await import('../incidents/input.js');
      const { allIncidents, saveIncidents } = await import('../incidents/store.js');
      const { now } = await import('../clock.js');
      await openWorkspace(ctx.ws);
      const by = opts.reviewer ?? defaultReviewer();
      const before = allIncidents(ctx.ws).find((i) => i.id === id);
      if (before === undefined) throw new UsageError(m().ni_unknown(id), m().ni_unknownHint);
      const result = incidentFrom(toFields(opts), before, by, now().toISOString());
      if ('problems' in result) refuse(result.problems, OPTION);
      requireService(readRegister(ctx.ws), result.incident.service);
      const [saved] = await saveIncidents(ctx.ws, [{ kind: 'set', id, patch: () => result.incident }], by);
      if (ctx.json) ctx.printJson({ changed: saved });
      else ctx.print(msg(ctx.lang).n_changed(id));
    });

  incident
    .command('list')
    .description(m().c_incidentList)
    .option('--service <id>', m().o_service)
    .option(`--kind ${m().ph_kind}`, m().o_kinds)
    .option(`--from ${m().ph_date}`, m().o_from)
    .option(`--to ${m().ph_date}`, m().o_to)
    .addHelpText('after', m().hx_incidentList)
    .action(async (opts: { service?: string; kind?: string; from?: string; to?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { openWorkspace } = await import('../store/workspace.js');
      const { allIncidents } = await import('../incidents/store.js');
      const { parseKind } = await import('../incidents/schema.js');
      const { isIsoDate } = await import('../catalog/values.js');
      for (const [flag, v] of [['--from', opts.from], ['--to', opts.to]] as const) if (v !== undefined && !isIsoDate(v)) throw new UsageError(`${flag}: ${m().ni_badDate(v)}.`);
      const kind = opts.kind === undefined ? undefined : parseKind(opts.kind);
      if (opts.kind !== undefined && kind === undefined) throw new UsageError(m().ni_badKindFlag(opts.kind), m().ni_chooseKind);
      await openWorkspace(ctx.ws);
      const list = allIncidents(ctx.ws).filter(
        (i) => (opts.service === undefined || i.service === opts.service) && (kind === undefined || i.kind === kind) && (opts.from === undefined || i.occurred >= opts.from) && (opts.to === undefined || i.occurred <= opts.to),
      );
      if (ctx.json) {
        ctx.printJson({ incidents: list });
        return;
      }
      const { renderIncidentList } = await import('../ui/incidents.js');
      ctx.print(renderIncidentList(list, ctx.lang, ctx.width));
    });

  incident
    .command('show')
    .description(m().c_incidentShow)
    .argument('<id>', m().o_incidentIdArg)
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { openWorkspace } = await import('../store/workspace.js');
      const { incidentYears, readIncidents } = await import('../incidents/store.js');
      await openWorkspace(ctx.ws);
      for (const year of incidentYears(ctx.ws)) {
        const file = readIncidents(ctx.ws, year);
        const found = file.incidents.find((i) => i.id === id);
        if (found === undefined) continue;
        const history = file.history.filter((h) => h.incident === id);
        if (ctx.json) ctx.printJson({ incident: found, history });
        else ctx.print((await import('../ui/incidents.js')).renderIncident(found, history, ctx.lang, ctx.width));
        return;
      }
      throw new UsageError(m().ni_unknown(id), m().ni_unknownHint);
    });

  incident
    .command('import')
    .description(m().c_incidentImport)
    .argument(m().ph_file, m().o_inFile)
    .option('--dry-run', m().o_inDryRun)
    .option(`--reviewer ${m().ph_name}`, m().o_reviewerRecord, parseText('--reviewer'))
    .addHelpText('after', m().hx_incidentImport)
    .action(async (file: string, opts: { dryRun?: boolean; reviewer?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { inputFile } = await import('../io/paths.js');
      const { readTextFile } = await import('../io/json-file.js');
      const { openWorkspace } = await import('../store/workspace.js');
      const { readRegister } = await import('../store/register.js');
      const { planIncidentImport, readIncidentCsv } = await import('../incidents/import.js');
      const { allIncidents, saveIncidents } = await import('../incidents/store.js');
      const { now } = await import('../clock.js');
      const { path, shown } = inputFile(file);
      await openWorkspace(ctx.ws);
      const by = opts.reviewer ?? defaultReviewer();
      const rows = readIncidentCsv(readTextFile(path, shown, { followLinks: true }), shown);
      const plan = planIncidentImport(rows, allIncidents(ctx.ws), readRegister(ctx.ws), shown, by, now().toISOString());
      if (!opts.dryRun && plan.updates.length > 0) await saveIncidents(ctx.ws, plan.updates, by);
      if (ctx.json) {
        ctx.printJson({ dryRun: opts.dryRun === true, added: plan.added, changed: plan.changed, unchanged: plan.unchanged });
        return;
      }
      ctx.print(msg(ctx.lang).n_importSummary(plan.added.length, plan.changed.length, plan.unchanged, opts.dryRun === true));
    });
}

function requireService(register: { services: readonly { id: string }[] }, id: string): void {
  if (!register.services.some((s) => s.id === id)) {
    const known = register.services.map((s) => s.id);
    const meant = didYouMean(id, known);
    throw new UsageError(`--service: ${m().e_unknownService(id).replace(/^./, (c) => c.toLowerCase())}${meant ? ` ${meant}` : ''}`, m().e_known(known));
  }
}
