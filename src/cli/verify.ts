import { m, msg } from '../ui/i18n.js';
import type { Command } from 'commander';
import { contextOf } from './context.js';

const day = (moment: string): string => moment.slice(0, 10);

export function defineVerify(program: Command): void {
  program
    .command('verify')
    .description(m().c_verify)
    .option(`--public-key ${m().ph_file}`, m().o_publicKey)
    .option('--require-signature', m().o_requireSignature)
    .addHelpText('after', m().hx_verify)
    .action(async (opts: { publicKey?: string; requireSignature?: boolean }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { openWorkspace } = await import('../store/workspace.js');
      await openWorkspace(ctx.ws);
      const { readPublicKey } = await import('../years/keys.js');
      const publicKey = opts.publicKey === undefined ? undefined : readPublicKey(opts.publicKey);
      const { verifyWorkspace } = await import('../years/verify.js');
      const report = verifyWorkspace(ctx.ws, { publicKey, requireSignature: opts.requireSignature === true });
      const { StoppedError } = await import('../errors.js');
      const t = msg(ctx.lang);
      const failed = (): InstanceType<typeof StoppedError> =>
        new StoppedError(
          `${t.vf_findings(report.findings.length)}:\n${report.findings.map((f) => `  ${f.file}: ${f.message}`).join('\n')}`,
          t.vf_findingsHint,
        );
      if (ctx.json) {
        ctx.printJson(report);
        if (!report.ok) throw failed();
        return;
      }
      const closed = report.years.filter((y) => y.state === 'closed');
      for (const y of report.years) {
        const reopened = y.reopenings.map((r) => t.y_reopened(day(r.at), r.by, r.reason)).join('; ');
        if (y.state === 'closed') {
          const state = y.findings === 0 ? t.vf_matches : t.vf_deviations(y.findings);
          ctx.print(t.vf_closedYear(y.year, day(y.closedAt!), y.closedBy ?? '', y.files ?? 0, y.catalogueFiles ?? 0, state, t[`vf_sig_${y.signature!}`], reopened));
        } else if (y.state === 'open') ctx.print(`${y.year}: ${t.y_open}${reopened ? ` (${reopened})` : ''}`);
        else ctx.print(t.vf_unreadable(y.year));
      }
      for (const note of report.notes) ctx.print(t.vf_note(note));
      if (!report.ok) throw failed();
      if (closed.length === 0) ctx.print(msg(ctx.lang).v_noClosedYears);
      else {
        const signed = closed.filter((y) => y.signature === 'valid').length;
        ctx.print(t.vf_allGood(closed.map((y) => y.year), publicKey ? signed : undefined));
      }
    });
}
