import { m } from '../ui/i18n.js';
import type { Command } from 'commander';
import { contextOf } from './context.js';

export function defineGit(program: Command): void {
  const git = program.command('git').description(m().c_git);

  git
    .command('setup')
    .description(m().c_gitSetup)
    .addHelpText(
      'after',
      `
Skriver .gitattributes i arbetsytan (svaren, handlingsplanerna, incidentregistren, de särskilda
iakttagelserna och tjänsteregistren slås ihop med merge=efterlev) och .gitignore (lås, temporära
filer och journalen för en pågående skrivning checkas aldrig in), och registrerar drivrutinen i
förrådets git config: merge.efterlev.driver kör just den efterlev som kör setup (Node och
bin/efterlev.js med absoluta sökvägar). git config följer inte med en kloning: varje granskare
kör setup i sin klon; .gitattributes och .gitignore checkas in. Att köra setup igen ändrar bara det som behövs.

Exempel:
  git init && efterlev git setup && git add .gitattributes .gitignore answers && git commit -m "Arbetsytan"
  git merge --no-edit granskning-hr   slår ihop per fråga; ändrat på båda sidor: det senare gäller`,
    )
    .action(async (_opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { openWorkspace } = await import('../store/workspace.js');
      await openWorkspace(ctx.ws);
      const { setupGit, MERGED_FILES } = await import('../git/setup.js');
      const { shownPath } = await import('../io/paths.js');
      const result = setupGit(ctx.ws);
      if (ctx.json) {
        ctx.printJson(result);
        return;
      }
      const what = (changed: boolean, done: string) => (changed ? done : 'oförändrad');
      const unchanged = !result.gitattributes.changed && !result.gitignore.changed && !result.driver.changed;
      ctx.print(`${unchanged ? 'Git var redan inställt' : 'Git är inställt'} för efterlev i ${ctx.ws.root} (git-förrådet ${result.repository}).`);
      ctx.print(`  ${shownPath(result.gitattributes.file)}: ${what(result.gitattributes.changed, 'skriven')}; merge=efterlev för ${MERGED_FILES.map((f) => f.what).join(', ')}`);
      ctx.print(`  ${shownPath(result.gitignore.file)}: ${what(result.gitignore.changed, 'skriven')}; lås, temporära filer och journalen checkas aldrig in`);
      ctx.print(`  git config merge.efterlev.driver: ${what(result.driver.changed, 'satt')}`);
      ctx.print(`Sammanslagningen kör den här efterlev: ${result.driver.command}`);
      ctx.print('  (Node och bin/efterlev.js med absoluta sökvägar; flyttas eller installeras efterlev om någon annanstans, kör efterlev git setup igen.)');
      ctx.print('git config följer inte med när förrådet klonas: varje granskare kör efterlev git setup i sin egen klon.');
      const commit = [result.gitattributes, result.gitignore].filter((f) => f.changed).map((f) => shownPath(f.file));
      if (commit.length > 0) ctx.print(`Checka in ${commit.join(' och ')}: git add ${commit.join(' ')} && git commit -m "efterlev: sammanslagning per fråga"`);
    });

  git
    .command('merge-file')
    .description(m().c_gitMergeFile)
    .argument('<bas>', 'den gemensamma basen (%O); tom när båda sidor lagt till filen')
    .argument('<vår>', 'vår sida (%A): resultatet skrivs hit')
    .argument('<deras>', 'deras sida (%B)')
    .argument('[sökväg]', 'filens sökväg i förrådet (%P): avgör vad det är för fil')
    .addHelpText(
      'after',
      `
Körs av git under git merge när efterlev git setup har ställt in det. Svar slås ihop per fråga,
handlingsplanen per åtgärd, incidentregistret per incident, iakttagelserna som en union och
tjänsteregistret per tjänst. Ändrat på båda sidor: det senare svaret (efter tidpunkten) gäller och
det andra läggs i historiken; varje sådant beslut skrivs på stderr. Det som inte går att slå ihop
(trasig JSON, olika tjänster eller år, en okänd fil, samma tjänst ändrad på båda sidor i registret)
blir en vanlig konflikt: filen får git:s konfliktmarkeringar med båda sidorna, slutkoden är 1 och
efterlev vägrar läsa filen tills konflikten är löst.

Exempel:
  efterlev git merge-file bas.json vår.json deras.json answers/2025/office365.json`,
    )
    .action(async (base: string, ours: string, theirs: string, path: string | undefined, _opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { runMergeDriver, MARKERS } = await import('../git/merge-file.js');
      const { StoppedError } = await import('../errors.js');
      const result = runMergeDriver({ base, ours, theirs }, path);
      const file = path ?? ours;
      if (ctx.json) ctx.printJson({ file, ...result });
      if (result.merged) {
        for (const note of result.notes) ctx.warn(`efterlev: ${file}: ${note}.`);
        return;
      }
      const resolve = `Lös konflikten i en editor, eller ta en sida med git checkout --ours (eller --theirs) -- ${file}; kör sedan efterlev validate och git add ${file}.`;
      const left = {
        markers: `Filen har git:s vanliga konfliktmarkeringar (<<<<<<< ${MARKERS.ours} … >>>>>>> ${MARKERS.theirs}) med båda sidornas text; efterlev vägrar läsa den tills konflikten är löst. ${resolve}`,
        'line-merge': `Git:s radvisa sammanslagning gick utan krockar och står i filen, men den är inte kontrollerad av efterlev: granska den. ${resolve}`,
        ours: `Filen står kvar som på vår sida; deras version finns i git (git show :3:${file}). ${resolve}`,
      }[result.left];
      throw new StoppedError(`${file} kunde inte slås ihop per fråga: ${result.reason}.`, left);
    });
}
