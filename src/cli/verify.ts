import { m, msg } from '../ui/i18n.js';
import type { Command } from 'commander';
import { contextOf } from './context.js';

const day = (moment: string): string => moment.slice(0, 10);

const SIGNATURE_TEXT = { valid: 'signaturen giltig', bad: 'signaturen OGILTIG', unsigned: 'osignerat', unchecked: 'signerat (inte kontrollerat)' } as const;

export function defineVerify(program: Command): void {
  program
    .command('verify')
    .description(m().c_verify)
    .option('--public-key <fil>', 'kontrollera signaturerna med den publika nyckeln (PEM, från year keygen)')
    .option('--require-signature', 'ett osignerat stängt år räknas som en avvikelse (med --public-key)')
    .addHelpText(
      'after',
      `
Räknar om SHA-256 för varje fil av varje stängt år och för katalogen som gäller, och jämför med
årets manifest; kontrollerar manifestens egna kontrollsummor, att varje stängt år länkar till
närmaste tidigare stängda år, och historiken av öppningar. Skriver en rad per fil som ändrats,
tillkommit eller tagits bort, och slutar då med kod 1; slutkod 0 och en sammanfattning när allt
stämmer. Ändrar ingenting.

--json: { ok, years: [{ year, state: closed|open|unreadable, closedBy, closedAt, hash, previous,
files, catalogueFiles, signature: valid|bad|unsigned|unchecked, signedBy, reopenings: [{ by, at,
reason }], findings }], findings: [{ year, kind, file, message }], notes: [...] }, där kind är
changed | added | removed | catalogue | manifest | chain | history | signature | record.

Exempel:
  efterlev verify
  efterlev verify --public-key ~/.config/efterlev/nyckel.pem.pub --json`,
    )
    .action(async (opts: { publicKey?: string; requireSignature?: boolean }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { openWorkspace } = await import('../store/workspace.js');
      await openWorkspace(ctx.ws);
      const { readPublicKey } = await import('../years/keys.js');
      const publicKey = opts.publicKey === undefined ? undefined : readPublicKey(opts.publicKey);
      const { verifyWorkspace } = await import('../years/verify.js');
      const report = verifyWorkspace(ctx.ws, { publicKey, requireSignature: opts.requireSignature === true });
      const { StoppedError } = await import('../errors.js');
      const failed = (): InstanceType<typeof StoppedError> =>
        new StoppedError(
          `${report.findings.length} ${report.findings.length === 1 ? 'avvikelse' : 'avvikelser'} mot de stängda årens manifest:\n${report.findings.map((f) => `  ${f.file}: ${f.message}`).join('\n')}`,
          'Återställ filerna (t.ex. ur git) eller, om ändringen ska stå kvar, öppna året med efterlev year reopen ÅR --reason "…" --by "…" och stäng det igen.',
        );
      if (ctx.json) {
        ctx.printJson(report);
        if (!report.ok) throw failed();
        return;
      }
      const closed = report.years.filter((y) => y.state === 'closed');
      for (const y of report.years) {
        const reopened = y.reopenings.map((r) => `öppnat igen ${day(r.at)} av ${r.by}: ${r.reason}`).join('; ');
        if (y.state === 'closed') {
          const state = y.findings === 0 ? 'stämmer' : `${y.findings} ${y.findings === 1 ? 'avvikelse' : 'avvikelser'}`;
          ctx.print(`${y.year}: stängt ${day(y.closedAt!)} av ${y.closedBy}, ${y.files} filer och ${y.catalogueFiles} katalogfiler — ${state}; ${SIGNATURE_TEXT[y.signature!]}${reopened ? ` (${reopened}, stängt på nytt)` : ''}`);
        } else if (y.state === 'open') ctx.print(`${y.year}: öppet${reopened ? ` (${reopened})` : ''}`);
        else ctx.print(`${y.year}: posten i answers/closed/${y.year}.json kan inte läsas`);
      }
      for (const note of report.notes) ctx.print(`Obs: ${note}`);
      if (!report.ok) throw failed();
      if (closed.length === 0) ctx.print(msg(ctx.lang).v_noClosedYears);
      else {
        const signed = closed.filter((y) => y.signature === 'valid').length;
        const all = closed.length === 1 ? `Det stängda året ${closed[0]!.year} stämmer med sitt manifest` : `Alla ${closed.length} stängda år stämmer med sina manifest och kedjan ${closed.map((y) => y.year).join(' → ')} är hel`;
        ctx.print(`${all}.${publicKey ? ` ${signed} av ${closed.length} har en giltig signatur.` : ''}`);
      }
    });
}
