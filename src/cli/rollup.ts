import { m, msg } from '../ui/i18n.js';
import { Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import type { Action } from '../plan/actions.js';
import type { MemberYear } from '../rollup/rollup.js';
import { contextOf, parseText, parseYear, yearHelp } from './context.js';

/** A member's actions under ids that stay unique city-wide: `<organisation>/<service>:<rule>`. */
function cityActions(years: readonly MemberYear[]): Action[] {
  return years.flatMap(({ member, plan }) => plan.actions.map((a) => a.onService(`${member.id}/${a.service}`)));
}

async function load(cmd: Command, year: number) {
  const ctx = contextOf(cmd);
  const { openMembers, readRollup, rollupYear } = await import('../rollup/rollup.js');
  const dir = ctx.ws.root;
  const rollup = readRollup(dir);
  const members = await openMembers(dir, rollup, year);
  return { ctx, rollup, years: await rollupYear(members, year) };
}

export function defineRollup(program: Command): void {
  const rollup = program
    .command('rollup')
    .description(m().c_rollup)
    .addHelpText('after', m().hx_rollup);

  rollup
    .command('init')
    .description(m().c_rollupInit)
    .requiredOption(`--member ${m().ph_folder}`, m().o_member, (v: string, prev: string[] = []) => [...prev, v])
    .option(`--name ${m().ph_name}`, m().o_rollupName, parseText('--name'), 'Staden')
    .option('--force', m().o_rollupForce)
    .action(async (opts: { member: string[]; name: string; force?: boolean }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { memberPath, rollupPath, RollupFile, openMembers } = await import('../rollup/rollup.js');
      const { resolveWorkspace } = await import('../store/workspace.js');
      const { writeExport } = await import('../export/write.js');
      const { stringify } = await import('../store/canonical.js');
      const { currentYear } = await import('../clock.js');
      const dir = ctx.ws.root;
      const file = RollupFile.parse({ name: opts.name, members: opts.member.map((m) => ({ path: memberPath(dir, resolveWorkspace(m).root) })) });
      // Every member must open, and no two may share an organisation id, before anything is written.
      await openMembers(dir, file, currentYear());
      const { mkdirSync } = await import('node:fs');
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      writeExport(rollupPath(dir), stringify(file), opts.force === true);
      if (ctx.json) ctx.printJson(file);
      else ctx.print(msg(ctx.lang).r_wroteRollup(rollupPath(dir), file.members.length));
    });

  rollup
    .command('overview')
    .description(m().c_rollupOverview)
    .requiredOption(`--year ${m().ph_year}`, yearHelp(), parseYear)
    .action(async (opts: { year: number }, cmd: Command) => {
      const { ctx, rollup: file, years } = await load(cmd, opts.year);
      const { rollupOverview, rollupOverviewJson } = await import('../ui/rollup.js');
      if (ctx.json) ctx.printJson(rollupOverviewJson(file.name, opts.year, years));
      else ctx.print(rollupOverview(file.name, opts.year, years, ctx.lang, ctx.width));
    });

  rollup
    .command('actions')
    .description(m().c_rollupActions)
    .requiredOption(`--year ${m().ph_year}`, yearHelp(), parseYear)
    .option('--top <n>', m().o_top)
    .action(async (opts: { year: number; top?: string }, cmd: Command) => {
      if (opts.top !== undefined && !/^[1-9]\d*$/.test(opts.top)) throw new UsageError(m().e_badTop(opts.top));
      const { ctx, years } = await load(cmd, opts.year);
      const { sortActions, splitAccepted } = await import('../plan/actions.js');
      const { actionsJson, renderActionsParts } = await import('../ui/actions.js');
      const { printParts } = await import('./context.js');
      const { open, accepted } = splitAccepted(sortActions(cityActions(years)));
      const shown = opts.top === undefined ? open : open.slice(0, Number(opts.top));
      if (ctx.json) ctx.printJson(actionsJson(opts.year, [...shown, ...accepted], ctx.lang));
      // Printed piece by piece as made, as `actions` is: a city's handlingsplan is never one string.
      else await printParts(ctx, renderActionsParts(years[0]!.member.review.catalog, opts.year, shown, accepted, ctx.lang, undefined, ctx.width));
    });

  rollup
    .command('report')
    .description(m().c_rollupReport)
    .requiredOption(`--year ${m().ph_year}`, yearHelp(), parseYear)
    .addOption(new Option('--format <format>', m().o_format).choices(['md', 'html']).default('md'))
    .option(`--out ${m().ph_file}`, m().o_outStdout)
    .option('--force', m().h_forceHelp)
    .action(async (opts: { year: number; format: 'md' | 'html'; out?: string; force?: boolean }, cmd: Command) => {
      const { ctx, rollup: file, years } = await load(cmd, opts.year);
      const { rollupDocument } = await import('../ui/rollup.js');
      const { reportHtml, reportMarkdown } = await import('../report/render.js');
      const { deliver } = await import('../export/write.js');
      const blocks = rollupDocument(file.name, opts.year, years, cityActions(years), ctx.lang);
      const data = opts.format === 'html' ? reportHtml(blocks, ctx.lang) : reportMarkdown(blocks);
      if (deliver(data, opts.out, opts.force === true) !== undefined) ctx.print(msg(ctx.lang).r_wroteReport(opts.year, opts.out!));
    });

  rollup
    .command('export')
    .description(m().c_rollupExport)
    .requiredOption(`--year ${m().ph_year}`, yearHelp(), parseYear)
    .addOption(new Option('--format <format>', m().o_format).choices(['csv', 'xlsx', 'md', 'json']).makeOptionMandatory())
    .option(`--out ${m().ph_file}`, m().o_out)
    .option('--force', m().h_forceHelp)
    .action(async (opts: { year: number; format: 'csv' | 'xlsx' | 'md' | 'json'; out?: string; force?: boolean }, cmd: Command) => {
      if (opts.format === 'xlsx' && opts.out === undefined) throw new UsageError(m().e_xlsxNeedsOut);
      const { ctx, rollup: file, years } = await load(cmd, opts.year);
      const { sortActions, splitAccepted } = await import('../plan/actions.js');
      const { confidentialityNotice, namesOf, summaryRows } = await import('../export/columns.js');
      const { open, accepted } = splitAccepted(sortActions(cityActions(years)));
      const actions = [...open, ...accepted];
      const catalog = years[0]!.member.review.catalog;
      const summary = summaryRows(catalog, years.flatMap((y) => y.plan.assessed.map((a) => a.result)), actions, ctx.lang);
      const notice = confidentialityNotice(opts.year, file.name, ctx.lang);
      const names = namesOf(catalog, years.flatMap((y) => y.plan.assessed.map((a) => a.service)), ctx.lang);
      let data: string | Buffer;
      if (opts.format === 'csv') data = (await import('../export/csv.js')).handlingsplanCsv(notice, actions, summary, ctx.lang, names);
      else if (opts.format === 'md') data = (await import('../export/markdown.js')).handlingsplanMarkdown(opts.year, notice, actions, summary, ctx.lang);
      else if (opts.format === 'xlsx') data = await (await import('../export/xlsx.js')).handlingsplanXlsx(opts.year, notice, actions, summary, ctx.lang, names);
      else data = JSON.stringify({ confidential: notice, ...(await import('../ui/actions.js')).actionsJson(opts.year, actions, ctx.lang) }, null, 2) + '\n';
      const { deliver } = await import('../export/write.js');
      const written = deliver(data, opts.out, opts.force === true);
      if (written !== undefined) ctx.print(msg(ctx.lang).r_wroteExport(actions.length, years.length, opts.out!));
    });
}
