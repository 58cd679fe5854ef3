import { m, msg } from '../ui/i18n.js';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { contextOf, defaultReviewer, parseText, parseYear, requireYear, yearHelp } from './context.js';

interface AnswerOptions {
  year?: number;
  service: string;
  comment?: string;
  evidence?: string;
  reviewer?: string;
}

export function defineAnswer(program: Command): void {
  program
    .command('answer')
    .description(m().c_answer)
    .argument(m().ph_answers, m().o_answers)
    .option(`--year ${m().ph_year}`, m().o_yearRequired(yearHelp()), parseYear)
    .requiredOption('--service <id>', m().o_answerService)
    .option('--comment <text>', m().o_comment, parseText('--comment', 'comment'))
    .option(`--evidence ${m().ph_evidence}`, m().o_evidence, parseText('--evidence', 'evidence'))
    .option(`--reviewer ${m().ph_name}`, m().o_reviewerAnswer, parseText('--reviewer'))
    .addHelpText('after', m().hx_answer)
    .action(async (pairs: string[], given: AnswerOptions, cmd: Command) => {
      const ctx = contextOf(cmd);
      const opts = { ...given, year: await requireYear(ctx, given.year, 'efterlev answer') };
      const { openReview, yearRegister } = await import('../review.js');
      const { findService } = await import('../store/register.js');
      const { saveAnswers } = await import('../store/answers.js');
      const { resolveAnswer } = await import('../store/input.js');

      const review = await openReview(ctx.ws);
      const service = findService(yearRegister(review, opts.year), opts.service);
      const errors: string[] = [];
      let missingMotivation = false;
      const changes = [];
      for (const pair of pairs) {
        const eq = pair.indexOf('=');
        if (eq <= 0) {
          errors.push(m().ans_pairForm(pair));
          continue;
        }
        const resolved = resolveAnswer(review.catalog, service, pair.slice(0, eq), pair.slice(eq + 1), { year: opts.year, comment: opts.comment });
        if (!resolved.ok) {
          errors.push(resolved.error);
          missingMotivation ||= resolved.missingMotivation === true;
          continue;
        }
        if (!resolved.applies) {
          ctx.warn(msg(ctx.lang).a_notApplicable(resolved.question, service.id));
        }
        changes.push({ question: resolved.question, value: resolved.value, comment: opts.comment, evidence: opts.evidence });
      }
      if (errors.length > 0) {
        throw new UsageError(`${m().e_nothingSaved}:\n  ${errors.join('\n  ')}`, missingMotivation ? m().e_motivationWith : undefined);
      }
      const outcomes = await saveAnswers(ctx.ws, review.catalog, opts.year, service.id, changes, opts.reviewer ?? defaultReviewer());
      if (ctx.json) {
        ctx.printJson({
          year: opts.year,
          service: service.id,
          changes: outcomes.map((o) => ({ question: o.question, kind: o.kind, value: o.value, ...(o.kind === 'changed' ? { from: o.from } : {}) })),
        });
        return;
      }
      for (const o of outcomes) {
        const a = msg(ctx.lang);
        const detail = o.kind === 'changed' ? a.a_changedFrom(String(o.from)) : o.kind === 'added' ? a.a_new : a.a_unchanged;
        ctx.print(`${o.question} = ${o.value} (${detail})`);
      }
      ctx.print(msg(ctx.lang).a_saved(service.id, opts.year));
    });
}
