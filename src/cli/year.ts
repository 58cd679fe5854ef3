import { m, msg } from '../ui/i18n.js';
import type { Command } from 'commander';
import { contextOf, parseText, parseYear } from './context.js';

const day = (moment: string): string => moment.slice(0, 10);

export function defineYear(program: Command): void {
  const year = program
    .command('year')
    .description(m().c_year)
    .addHelpText(
      'after',
      `
När nämnden har tagit emot årets rapport stängs året: efterlev skriver ett manifest
(answers/closed/<år>.json) med en SHA-256 för varje fil av året och för katalogen som gäller,
vem som stängde och när, och kontrollsumman för föregående stängda års manifest, så att åren
bildar en kedja. Därefter vägras varje ändring av årets filer (slutkod 2) tills året öppnas igen
med ett skäl, som sparas. efterlev verify kontrollerar de stängda åren.

År stängs i ordning och öppnas från det senaste: varje år bygger på året före.`,
    );

  year
    .command('close')
    .description(m().c_yearClose)
    .argument('<år>', 'året som ska stängas', parseYear)
    .requiredOption('--by <namn>', 'vem som stänger året', parseText('--by'))
    .option('--sign-key <fil>', 'signera manifestet med en privat Ed25519-nyckel (PEM, från year keygen; aldrig i arbetsytan)')
    .addHelpText(
      'after',
      `
Stänger bara ett år som har svar, när alla tidigare år med svar är stängda och inget senare år är
det. Alla årets filer kontrolleras först; en ogiltig fil stoppar stängningen (slutkod 2).
--json: { year, hash, previous, supersedes, closedBy, closedAt, files, catalogueFiles, versions, signedBy, snapshotTaken }.

Exempel:
  efterlev year close 2024 --by "Eva Ek, nämndsekreterare"
  efterlev year close 2025 --by "Eva Ek" --sign-key ~/.config/efterlev/nyckel.pem`,
    )
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
      const versions = Object.entries(m.catalogue.versions).map(([id, v]) => `${id} ${v}`).join(', ');
      ctx.print(`Stängde ${y}: ${Object.keys(m.files).length} filer och ${Object.keys(m.catalogue.files).length} katalogfiler (${versions}) i answers/closed/${y}.json.`);
      if (snapshotTaken) ctx.print(`Året hade inget registerutdrag; det togs nu ur tjänsteregistret (answers/register/${y}.json).`);
      ctx.print(m.previous === null ? 'Första stängda året i kedjan.' : `Länkat till ${m.previous.year} (${m.previous.hash.slice(0, 16)}…).`);
      if (m.supersedes !== null) ctx.print(`Följer öppningen ${day(m.supersedes.reopenedAt)} av ${m.supersedes.reopenedBy}: ${m.supersedes.reason}`);
      ctx.print(`Manifestets SHA-256: ${closing.hash}`);
      if (closing.signature) ctx.print(`Signerat med nyckeln ${closing.signature.key.slice(0, 16)}….`);
      ctx.print(`Ändringar av ${y} vägras nu. Kontrollera med efterlev verify; öppna igen med efterlev year reopen ${y} --reason "…" --by "…".`);
    });

  year
    .command('reopen')
    .description(m().c_yearReopen)
    .argument('<år>', 'året som ska öppnas', parseYear)
    .requiredOption('--reason <text>', 'varför året öppnas, t.ex. "rättelse av KP4 efter revisionens påpekande"', parseText('--reason', 'motivation'))
    .requiredOption('--by <namn>', 'vem som öppnar året', parseText('--by'))
    .addHelpText(
      'after',
      `
Stängningen flyttas till historiken i answers/closed/<år>.json med vem, när och varför; nästa
stängning länkar till den, så att efterlev verify visar öppningen. Ett år kan inte öppnas medan ett
senare år är stängt (det senare året bygger på det): öppna det senaste först.
--json: { year, reopenedBy, reopenedAt, reason, hash } (hash: den öppnade stängningens manifest).

Exempel:
  efterlev year reopen 2025 --reason "KP4 rättad efter revisionens påpekande" --by "Eva Ek"`,
    )
    .action(async (y: number, opts: { reason: string; by: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { UsageError } = await import('../errors.js');
      if (opts.reason.trim() === '') throw new UsageError('--reason är tomt: skälet att öppna året sparas och måste anges.');
      const { openWorkspace } = await import('../store/workspace.js');
      await openWorkspace(ctx.ws);
      const { reopenYear } = await import('../years/close.js');
      const { closing, reopened } = await reopenYear(ctx.ws, y, opts.reason, opts.by);
      if (ctx.json) ctx.printJson({ year: y, reopenedBy: reopened.by, reopenedAt: reopened.at, reason: reopened.reason, hash: closing.hash });
      else ctx.print(`Öppnade ${y} igen (stängt ${day(closing.manifest.closedAt)} av ${closing.manifest.closedBy}). Skälet är sparat. Stäng året igen med efterlev year close ${y} --by "…".`);
    });

  year
    .command('list')
    .description(m().c_yearList)
    .addHelpText('after', '\n--json: { years: [{ year, state: closed|open, closedBy, closedAt, hash, signed, answerFiles, reopenings: [{ by, at, reason }] }] }\n\nExempel:\n  efterlev year list')
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
    .requiredOption('--out <fil>', 'den privata nyckelns fil (utanför arbetsytan); den publika skrivs till <fil>.pub')
    .addHelpText(
      'after',
      `
Den privata nyckeln skrivs läsbar bara för dig (0600) och aldrig i arbetsytan; ingen fil skrivs över.
Ge den publika nyckeln (<fil>.pub) till den som ska kontrollera: efterlev verify --public-key <fil>.pub.
--json: { privateKey, publicKey, fingerprint }.

Exempel:
  efterlev year keygen --out ~/.config/efterlev/nyckel.pem`,
    )
    .action(async (opts: { out: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { writeKeyPair } = await import('../years/keys.js');
      const written = writeKeyPair(ctx.ws, opts.out);
      if (ctx.json) ctx.printJson({ privateKey: written.privateFile, publicKey: written.publicFile, fingerprint: written.fingerprint });
      else {
        ctx.print(`Skrev den privata nyckeln till ${written.privateFile} (0600) och den publika till ${written.publicFile}.`);
        ctx.print(`Nyckelns fingeravtryck (SHA-256): ${written.fingerprint}`);
        ctx.print('Håll den privata nyckeln utanför arbetsytan och ge aldrig ut den.');
      }
    });
}
