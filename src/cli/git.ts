import { m, msg } from '../ui/i18n.js';
import type { Command } from 'commander';
import { contextOf } from './context.js';

export function defineGit(program: Command): void {
  const git = program.command('git').description(m().c_git);

  git
    .command('setup')
    .description(m().c_gitSetup)
    .addHelpText('after', m().hx_gitSetup)
    .action(async (_opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { openWorkspace } = await import('../store/workspace.js');
      await openWorkspace(ctx.ws);
      const { setupGit } = await import('../git/setup.js');
      const { shownPath } = await import('../io/paths.js');
      const result = setupGit(ctx.ws, undefined, ctx.lang);
      if (ctx.json) {
        ctx.printJson(result);
        return;
      }
      const t = msg(ctx.lang);
      const what = (changed: boolean, done: string) => (changed ? done : t.g_unchanged);
      const unchanged = !result.gitattributes.changed && !result.gitignore.changed && !result.driver.changed;
      ctx.print(t.g_setUp(unchanged, ctx.ws.root, result.repository));
      ctx.print(`  ${shownPath(result.gitattributes.file)}: ${what(result.gitattributes.changed, t.g_written)}; ${t.g_mergedFiles}`);
      ctx.print(`  ${shownPath(result.gitignore.file)}: ${what(result.gitignore.changed, t.g_written)}; ${t.g_ignored}`);
      ctx.print(`  git config merge.efterlev.driver: ${what(result.driver.changed, t.g_set)}`);
      ctx.print(t.g_driverRuns(result.driver.command));
      ctx.print(t.g_absolutePaths);
      ctx.print(t.g_perClone);
      const commit = [result.gitattributes, result.gitignore].filter((f) => f.changed).map((f) => shownPath(f.file));
      if (commit.length > 0) ctx.print(t.g_commit(commit));
    });

  git
    .command('merge-file')
    .description(m().c_gitMergeFile)
    .argument(m().ph_base, m().o_mergeBase)
    .argument(m().ph_ours, m().o_mergeOurs)
    .argument(m().ph_theirs, m().o_mergeTheirs)
    .argument(m().ph_path, m().o_mergePath)
    .addHelpText('after', m().hx_gitMergeFile)
    .action(async (base: string, ours: string, theirs: string, path: string | undefined, _opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { runMergeDriver, markers } = await import('../git/merge-file.js');
      const { StoppedError } = await import('../errors.js');
      const result = runMergeDriver({ base, ours, theirs }, path);
      const file = path ?? ours;
      if (ctx.json) ctx.printJson({ file, ...result });
      if (result.merged) {
        for (const note of result.notes) ctx.warn(`efterlev: ${file}: ${note}.`);
        return;
      }
      const t = msg(ctx.lang);
      const resolve = t.g_resolve(file);
      const left = {
        markers: t.g_leftMarkers(markers().ours, markers().theirs, resolve),
        'line-merge': t.g_leftLineMerge(resolve),
        ours: t.g_leftOurs(file, resolve),
      }[result.left];
      throw new StoppedError(t.g_notMerged(file, result.reason), left);
    });
}
