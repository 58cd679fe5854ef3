import type { Catalog } from '../catalog/load.js';
import { shownPath } from '../io/paths.js';
import { canonicalPlan, parsePlan, planFilePath, withMovedIds } from '../plan/store.js';
import { answerFilePath, canonicalAnswerFile, parseAnswerFile, versionsFor } from './answers.js';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_ID } from './schema.js';
import { transact } from './transaction.js';
import type { Workspace } from './workspace.js';
import { yearsWithAnswers } from './years.js';
import { closingIn } from '../years/record.js';

export interface MigratedFile {
  file: string;
  from: string;
  to: string;
}

/** A closed year, which migrate leaves as it was closed. */
export interface SkippedYear {
  year: number;
  closedBy: string;
  closedAt: string;
}

/**
 * Rewrites a workspace's answer files and follow-ups in the catalogue's current version, one
 * unit per year: what every reader already sees through the migrations, now also on disk.
 * A closed year is skipped (its files are what was closed; readers still see them migrated).
 */
export async function migrateWorkspace(ws: Workspace, catalog: Catalog, dryRun: boolean): Promise<{ files: MigratedFile[]; skipped: SkippedYear[] }> {
  const files: MigratedFile[] = [];
  const skipped: SkippedYear[] = [];
  for (const year of yearsWithAnswers(ws)) {
    // Every answer file of the year, a retired service's too.
    const services = readdirSync(join(ws.answersDir, String(year)))
      .map((f) => /^([a-z0-9][a-z0-9-]*)\.json$/.exec(f)?.[1])
      .filter((id): id is string => id !== undefined && SERVICE_ID.test(id))
      .map((id) => ({ id }));
    const paths = [...services.map((s) => answerFilePath(ws, year, s.id)), planFilePath(ws, year)];
    const result = await transact(ws, paths, (tx): { out: MigratedFile[]; closed?: SkippedYear } => {
      const out: MigratedFile[] = [];
      const closing = closingIn(tx, ws, year);
      if (closing !== undefined) return { out, closed: { year, closedBy: closing.manifest.closedBy, closedAt: closing.manifest.closedAt } };
      for (const s of services) {
        const path = answerFilePath(ws, year, s.id);
        const text = tx.read(path);
        if (text === undefined) continue;
        const before = JSON.parse(text) as { catalog?: Record<string, string> };
        const now = versionsFor(catalog, s.id, year);
        const next = canonicalAnswerFile(parseAnswerFile(text, path, catalog, year, s.id));
        if (next === text) continue;
        const fromText = Object.keys(now).map((c) => `${c} ${before.catalog?.[c] ?? 'utan version'}`).join(', ');
        out.push({ file: shownPath(path), from: fromText, to: Object.entries(now).map(([c, v]) => `${c} ${v}`).join(', ') });
        if (!dryRun) tx.write(path, next);
      }
      const planPath = planFilePath(ws, year);
      const planText = tx.read(planPath);
      if (planText !== undefined) {
        const next = canonicalPlan(withMovedIds(parsePlan(planText, planPath, year), catalog.migrations));
        if (next !== planText) {
          out.push({ file: shownPath(planPath), from: 'tidigare regelnamn', to: 'nuvarande regelnamn' });
          if (!dryRun) tx.write(planPath, next);
        }
      }
      return { out };
    });
    files.push(...result.out);
    if (result.closed !== undefined) skipped.push(result.closed);
  }
  return { files, skipped };
}
