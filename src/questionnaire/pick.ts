import { confirm, input, select } from '@inquirer/prompts';
import type { Catalog } from '../catalog/load.js';
import { appliesTo } from '../catalog/profile.js';
import { checklistsFor, readAnswerFile } from '../store/answers.js';
import { addService, allServices, type RegisteredService, type YearRegister } from '../store/register.js';
import { Service } from '../store/schema.js';
import { terminalWidth, visibleWidth } from '../ui/layout.js';
import { confirmTheme, themeFor } from './prompts.js';
import { msg, type Lang } from '../ui/i18n.js';
import type { Workspace } from '../store/workspace.js';
import { parseClassification } from '../store/classification.js';

export interface ServiceProgress {
  service: RegisteredService;
  answered: number;
  applicable: number;
  lastBy?: string | undefined;
  lastAt?: string | undefined;
}

/** How far each service has come this year: answered of applicable, and who answered last. */
export function progressOf(ws: Workspace, catalog: Catalog, register: YearRegister, year: number): ServiceProgress[] {
  return allServices(register).map((service) => {
    const answers = readAnswerFile(ws, catalog, year, service.id)?.answers ?? {};
    const applicable = checklistsFor(catalog, service.id, year)
      .flatMap((c) => c.controls.flatMap((k) => k.questions))
      .filter((q) => appliesTo(q, service.profile));
    const latest = Object.values(answers).sort((a, b) => b.at.localeCompare(a.at))[0];
    return {
      service,
      answered: applicable.filter((q) => answers[q.id] !== undefined).length,
      applicable: applicable.length,
      lastBy: latest?.by,
      lastAt: latest?.at.slice(0, 10),
    };
  });
}

/** Where the picker's cursor starts: the first service not yet done this year. */
export function firstUnfinished(progress: readonly ServiceProgress[]): string | undefined {
  return progress.find((p) => p.answered < p.applicable)?.service.id;
}

export async function pickService(progress: readonly ServiceProgress[], year: number, lang: Lang = 'sv'): Promise<RegisteredService> {
  const m = msg(lang);
  const id = await select<string>({
    message: m.q_whichService(year),
    pageSize: 15,
    default: firstUnfinished(progress),
    theme: themeFor(lang),
    choices: progress.map((p) => {
      const name = `${p.service.name} (${p.service.id})  ${p.answered}/${p.applicable}`;
      const last = p.lastAt ? m.q_lastBy(p.lastBy ?? '', p.lastAt) : '';
      // One line each: who answered last is left out where it would not fit (inquirer would break the line mid-word).
      return { name: visibleWidth(name + last) + 4 <= terminalWidth() ? name + last : name, value: p.service.id };
    }),
  });
  return progress.find((p) => p.service.id === id)!.service;
}

/** Registers an unknown service by asking for its register fields; only in a terminal. */
export async function registerInteractively(ws: Workspace, id: string, by: string, lang: Lang = 'sv'): Promise<Service | undefined> {
  const m = msg(lang);
  const required = (label: string) => (s: string) => (s.trim() === '' ? m.q_required(label) : true);
  const yesNo = confirmTheme(lang);
  if (!(await confirm({ message: m.q_registerNow(id), default: false, theme: yesNo }))) return undefined;
  const name = await input({ message: m.q_name, validate: required(m.q_aName) });
  const owner = await input({ message: m.q_ownerPrompt });
  const supplier = await input({ message: m.q_supplierPrompt });
  const personalData = await confirm({ message: m.q_personalDataPrompt, default: true, theme: yesNo });
  const sensitiveData = personalData && (await confirm({ message: m.q_sensitivePrompt, default: false, theme: yesNo }));
  const thirdCountry = personalData && (await confirm({ message: m.q_thirdCountryPrompt, default: false, theme: yesNo }));
  const classification = await input({
    message: m.q_classificationPrompt,
    validate: (s) => {
      try {
        parseClassification(s);
        return true;
      } catch (err) {
        return (err as Error).message;
      }
    },
  });
  const service = Service.parse({
    id,
    name: name.trim(),
    ...(owner.trim() ? { owner: owner.trim() } : {}),
    ...(supplier.trim() ? { supplier: supplier.trim() } : {}),
    personalData,
    sensitiveData,
    thirdCountry,
    classification: parseClassification(classification),
  });
  await addService(ws, service, by);
  return service;
}
