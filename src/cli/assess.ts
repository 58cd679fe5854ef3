import { m } from '../ui/i18n.js';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { InterruptedError, UsageError } from '../errors.js';
import { terminalWidth } from '../ui/layout.js';
import { contextOf, defaultReviewer, parseText, parseYear } from './context.js';

interface AssessOptions {
  year?: number;
  service?: string;
  checklist?: string;
  control?: string;
  reviewer?: string;
  all?: boolean;
}

export function defineAssess(program: Command): void {
  program
    .command('assess')
    .description(m().c_assess)
    .option(`--year ${m().ph_year}`, m().o_yearCurrent, parseYear)
    .option('--service <id>', m().o_servicePick)
    .option('--checklist <id>', m().o_checklist)
    .option('--control <id>', m().o_control)
    .option(`--reviewer ${m().ph_name}`, m().o_reviewerAnswer, parseText('--reviewer'))
    .option('--all', m().o_all)
    .addHelpText('after', m().hx_assess)
    .action(async (options: AssessOptions, cmd: Command) => {
      const ctx = contextOf(cmd);
      if (!process.stdin.isTTY || !process.stdout.isTTY) {
        const { msg } = await import('../ui/i18n.js');
        throw new UsageError(msg(ctx.lang).q_needsTerminal, msg(ctx.lang).q_needsTerminalHint);
      }
      const { currentYear } = await import('../clock.js');
      // The year being reviewed is, by default, the one under way: said before the first question.
      const opts = { ...options, year: options.year ?? currentYear() };
      const { msg } = await import('../ui/i18n.js');
      const m = msg(ctx.lang);
      if (options.year === undefined) ctx.print(m.q_yearNote(opts.year));
      const { incidentsOf, requireChecklist, openReview, yearRegister } = await import('../review.js');
      const { allServices, findService } = await import('../store/register.js');
      const { pickService, progressOf, registerInteractively } = await import('../questionnaire/pick.js');
      const { resumeCommand, runSession } = await import('../questionnaire/session.js');
      const { renderSessionSummary } = await import('../ui/summary.js');

      let review = await openReview(ctx.ws);
      requireChecklist(review, opts.checklist);
      if (opts.control !== undefined) {
        const controls = review.catalog.checklists.filter((c) => opts.checklist === undefined || c.id === opts.checklist).flatMap((c) => c.controls.map((k) => k.id));
        if (!controls.includes(opts.control.toUpperCase())) {
          const { didYouMean } = await import('../suggest.js');
          const meant = didYouMean(opts.control, controls);
          throw new UsageError(`${m.e_unknownControl(opts.control)}${meant ? ` ${meant}` : ''}`, m.e_known(controls));
        }
      }
      let service;
      if (opts.service === undefined) {
        service = await pickService(progressOf(ctx.ws, review.catalog, yearRegister(review, opts.year), opts.year), opts.year, ctx.lang);
      } else if (allServices(yearRegister(review, opts.year)).some((s) => s.id === opts.service)) {
        service = findService(yearRegister(review, opts.year), opts.service);
      } else {
        const { SERVICE_ID } = await import('../store/schema.js');
        const { closest } = await import('../suggest.js');
        // `Telefoni`, `telefonj`: a near-identical registered id is what was meant; it is suggested, not registered anew.
        const near = closest(opts.service, allServices(yearRegister(review, opts.year)).map((s) => s.id)).length > 0;
        if (near || !SERVICE_ID.test(opts.service) || (await registerInteractively(ctx.ws, opts.service, opts.reviewer ?? defaultReviewer(), ctx.lang)) === undefined) {
          findService(yearRegister(review, opts.year), opts.service); // throws the usual error with the known services
        }
        review = await openReview(ctx.ws);
        service = findService(yearRegister(review, opts.year), opts.service);
      }

      const globals = cmd.optsWithGlobals<{ dir?: string; lang: string }>();
      const given = (key: string) => cmd.getOptionValueSourceWithGlobals(key) === 'cli';
      const outcome = await runSession({
        ws: ctx.ws,
        catalog: review.catalog,
        service,
        year: opts.year,
        reviewer: opts.reviewer ?? defaultReviewer(),
        all: opts.all === true,
        checklist: opts.checklist,
        control: opts.control,
        lang: ctx.lang,
        incidents: incidentsOf(review, service.id),
        resumeCommand: resumeCommand({
          year: opts.year,
          service: service.id,
          checklist: opts.checklist,
          control: opts.control,
          all: opts.all,
          reviewer: opts.reviewer,
          dir: globals.dir === undefined ? undefined : resolve(globals.dir),
          lang: given('lang') ? globals.lang : undefined,
        }),
        print: ctx.print,
      });
      if (!outcome.finished) throw new InterruptedError();
      const { answersOf } = await import('../review.js');
      const { buildActions, sortActions, splitAccepted } = await import('../plan/actions.js');
      const { selects } = await import('../questionnaire/walk.js');
      const selection = { checklist: opts.checklist, control: opts.control };
      const plan = await buildActions(review, opts.year, { service: service.id, checklist: opts.checklist });
      const result = plan.assessed[0]?.result;
      const walked = plan.actions.filter((a) => selects(selection, a.checklist, a.control));
      const newGaps = answersOf(review, opts.year - 1, service.id) === undefined ? undefined : walked.filter((a) => !a.recurring);
      const top = splitAccepted(sortActions(walked)).open.slice(0, 5);
      if (result !== undefined) ctx.print('\n' + renderSessionSummary(review.catalog, service, opts.year, result, newGaps, top, ctx.lang, selection, terminalWidth()));
    });
}
