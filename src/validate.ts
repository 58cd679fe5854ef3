import { m as tr } from './ui/i18n.js';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog, type Catalog } from './catalog/load.js';
import { ruleExampleProblems } from './engine/examples.js';
import { InvalidInputError, type Problem } from './errors.js';
import { shownPath } from './io/paths.js';
import { readPlan } from './plan/store.js';
import { readObservations } from './store/observations.js';
import { readAnswerFile, yearsIn } from './store/answers.js';
import { allServices, readRegister, readSnapshot } from './store/register.js';
import { SERVICE_ID, type ServiceRegister } from './store/schema.js';
import type { Workspace } from './store/workspace.js';
import { workspaceFileProblems } from './store/guard.js';
import { incidentFilePath, incidentYears, readIncidents } from './incidents/store.js';
import { readYearRecord } from './years/record.js';

export interface ValidationReport {
  problems: Problem[];
  checklists: number;
  ruleFiles: number;
  rules: number;
  services: number;
  answerFiles: number;
  planFiles: number;
  incidentFiles: number;
}

function collect<T>(problems: Problem[], load: () => T): T | undefined {
  try {
    return load();
  } catch (err) {
    if (err instanceof InvalidInputError) {
      problems.push(...err.problems);
      return undefined;
    }
    throw err;
  }
}

/** Checks the whole workspace, gathering every problem instead of stopping at the first. */
export async function validateWorkspace(ws: Workspace): Promise<ValidationReport> {
  const problems: Problem[] = workspaceFileProblems(ws);
  // A link or special file is reported once, by the guard, and not read.
  const refused = new Set(problems.map((p) => p.file));
  const catalog: Catalog | undefined = collect(problems, () => loadCatalog(ws.catalog));
  const register: ServiceRegister | undefined = refused.has(shownPath(ws.registerFile))
    ? undefined
    : existsSync(ws.registerFile)
    ? collect(problems, () => readRegister(ws))
    : (problems.push({ file: shownPath(ws.registerFile), message: tr().va_noRegister }), undefined);
  if (catalog !== undefined) problems.push(...(await ruleExampleProblems(catalog)));
  let answerFiles = 0;
  if (catalog !== undefined && register !== undefined) {
    const known = new Set(allServices(register).map((s) => s.id));
    for (const year of yearsIn(ws)) {
      const dir = join(ws.answersDir, String(year));
      for (const name of readdirSync(dir).filter((f) => f.endsWith('.json') && !f.startsWith('.')).sort()) {
        const id = name.slice(0, -'.json'.length);
        const shown = shownPath(join(dir, name));
        if (refused.has(shown)) continue;
        if (!SERVICE_ID.test(id)) {
          problems.push({ file: shown, message: tr().e_badServiceId(id) });
          continue;
        }
        if (!known.has(id)) {
          problems.push({ file: shown, message: tr().va_notRegistered(id) });
          continue;
        }
        answerFiles++;
        collect(problems, () => readAnswerFile(ws, catalog, year, id));
      }
    }
  }
  // The handlingsplan's follow-up and the special observations: one file a year each.
  const yearly = (folder: string, read: (year: number) => unknown): number => {
    const dir = join(ws.answersDir, folder);
    if (!existsSync(dir)) return 0;
    let count = 0;
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.json') && !f.startsWith('.')).sort()) {
      const year = name.slice(0, -'.json'.length);
      if (refused.has(shownPath(join(dir, name)))) continue;
      if (!/^\d{4}$/.test(year)) problems.push({ file: shownPath(join(dir, name)), message: tr().va_fileNames(folder) });
      else if (collect(problems, () => read(Number(year))) !== undefined) count++;
    }
    return count;
  };
  const planFiles = yearly('plan', (year) => readPlan(ws, year));
  yearly('observations', (year) => readObservations(ws, year));
  yearly('register', (year) => readSnapshot(ws, year));
  const incidentFiles = yearly('incidents', (year) => readIncidents(ws, year));
  yearly('closed', (year) => readYearRecord(ws, year));
  if (register !== undefined) {
    // Every incident names a registered service, and an id is used once across the years.
    const seen = new Map<string, string>();
    for (const year of incidentYears(ws)) {
      const shown = shownPath(incidentFilePath(ws, year));
      const file = collect(problems, () => readIncidents(ws, year));
      file?.incidents.forEach((i, n) => {
        if (!register.services.some((s) => s.id === i.service)) problems.push({ file: shown, pointer: `/incidents/${n}/service`, message: tr().va_notRegistered(i.service) });
        const other = seen.get(i.id);
        if (other !== undefined && other !== shown) problems.push({ file: shown, pointer: `/incidents/${n}/id`, message: `incidenten '${i.id}' finns redan i ${other}` });
        seen.set(i.id, shown);
      });
    }
  }
  const rules = catalog === undefined ? 0 : [...catalog.rulesByChecklist.values()].reduce((n, r) => n + r.length, 0);
  return {
    problems,
    checklists: catalog?.files.checklists ?? 0,
    ruleFiles: catalog?.files.rules ?? 0,
    rules,
    services: register?.services.length ?? 0,
    answerFiles,
    planFiles,
    incidentFiles,
  };
}
