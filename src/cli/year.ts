import { m, msg } from '../ui/i18n.js';
import type { Command } from 'commander';
import { contextOf, parseText, parseYear } from './context.js';

const day = (moment: string): string => moment.slice(0, 10);

export function defineYear(program: Command): void {
  const year = program
    .command('year')
    .description(m().c_year)
    .addHelpText('after', m().hx_year);

  year
    .command('close')
    .description(m().c_yearClose)
    .argument(m().ph_year, m().o_yearToClose, parseYear)
    .requiredOption(`--by ${m().ph_name}`, m().o_byClose, parseText('--by'))
    .option(`--sign-key ${m().ph_file}`, m().o_signKey)
    .addHelpText('after', m().hx_yearClose)
    .action(async (y: number, opts: { by: string; signKey?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { openReview } = await import('../review.js');
      const review = await openReview(ctx.ws);
      const { readSigningKey } = await import('../years/keys.js');
      const signKey = opts.signKey === undefined ? undefined : readSigningKey(ctx.ws, opts.signKey, ctx.warn);
      const { closeYear } = await import('../years/close.js');
      const { closing, snapshotTaken } = await closeYear(ctx.ws, review.catalog, y, opts.by, { signKey });
      const m = closing.manifest;
      if (ctx.json) {
        ctx.printJson({
          year: y,
          hash: closing.hash,
          previous: m.previous,
          supersedes: m.supersedes,
          closedBy: m.closedBy,
          closedAt: m.closedAt,
          files: Object.keys(m.files),
          catalogueFiles: Object.keys(m.catalogue.files).length,
          versions: m.catalogue.versions,
          signedBy: closing.signature?.key ?? null,
          snapshotTaken,
        });
        return;
      }
      const t = msg(ctx.lang);
      const versions = Object.entries(m.catalogue.versions).map(([id, v]) => `${id} ${v}`).join(', ');
      ctx.print(t.y_closedLine(y, Object.keys(m.files).length, Object.keys(m.catalogue.files).length, versions));
      if (snapshotTaken) ctx.print(t.y_snapshotTaken(y));
      ctx.print(m.previous === null ? t.y_firstInChain : t.y_linkedTo(m.previous.year, m.previous.hash.slice(0, 16)));
      if (m.supersedes !== null) ctx.print(t.y_follows(day(m.supersedes.reopenedAt), m.supersedes.reopenedBy, m.supersedes.reason));
      ctx.print(t.y_manifestHash(closing.hash));
      if (closing.signature) ctx.print(t.y_signedWith(closing.signature.key.slice(0, 16)));
      ctx.print(t.y_nowRefused(y));
    });

  year
    .command('reopen')
    .description(m().c_yearReopen)
    .argument(m().ph_year, m().o_yearToReopen, parseYear)
    .requiredOption('--reason <text>', m().o_reasonReopen, parseText('--reason', 'motivation'))
    .requiredOption(`--by ${m().ph_name}`, m().o_byReopen, parseText('--by'))
    .addHelpText('after', m().hx_yearReopen)
    .action(async (y: number, opts: { reason: string; by: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { UsageError } = await import('../errors.js');
      if (opts.reason.trim() === '') throw new UsageError(msg(ctx.lang).y_emptyReason);
      const { openWorkspace } = await import('../store/workspace.js');
      await openWorkspace(ctx.ws);
      const { reopenYear } = await import('../years/close.js');
      const { closing, reopened } = await reopenYear(ctx.ws, y, opts.reason, opts.by);
      if (ctx.json) ctx.printJson({ year: y, reopenedBy: reopened.by, reopenedAt: reopened.at, reason: reopened.reason, hash: closing.hash });
      else ctx.print(msg(ctx.lang).y_reopenedLine(y, day(closing.manifest.closedAt), closing.manifest.closedBy));
    });

  year
    .command('list')
    .description(m().c_yearList)
    .addHelpText('after', m().hx_yearList)
    .action(async (_opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { openWorkspace } = await import('../store/workspace.js');
      await openWorkspace(ctx.ws);
      const { listYears } = await import('../years/close.js');
      const years = listYears(ctx.ws);
      if (ctx.json) {
        ctx.printJson({ years });
        return;
      }
      const t = msg(ctx.lang);
      if (years.length === 0) ctx.print(t.y_noYears);
      for (const y of years) {
        const state = y.state === 'closed' ? t.y_closed(day(y.closedAt!), y.closedBy ?? '', y.signed === true) : t.y_open;
        const reopened = y.reopenings.map((r) => t.y_reopened(day(r.at), r.by, r.reason));
        ctx.print(`${t.y_line(y.year, state, y.answerFiles)}${reopened.length > 0 ? `\n      ${reopened.join('\n      ')}` : ''}`);
      }
    });

  year
    .command('keygen')
    .description(m().c_yearKeygen)
    .requiredOption(`--out ${m().ph_file}`, m().o_keyOut)
    .addHelpText('after', m().hx_yearKeygen)
    .action(async (opts: { out: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { writeKeyPair } = await import('../years/keys.js');
      const written = writeKeyPair(ctx.ws, opts.out);
      if (ctx.json) ctx.printJson({ privateKey: written.privateFile, publicKey: written.publicFile, fingerprint: written.fingerprint });
      else {
        const t = msg(ctx.lang);
        ctx.print(t.y_wroteKeys(written.privateFile, written.publicFile));
        ctx.print(t.y_fingerprint(written.fingerprint));
        ctx.print(t.y_keepPrivate);
      }
    });
}
