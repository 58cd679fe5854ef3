import { m } from './ui/i18n.js';
import { loadCatalog, type Catalog } from './catalog/load.js';
import { UsageError } from './errors.js';
import { Assessor, type AssessmentInput, type ServiceResult } from './engine/assess.js';
import { checklistsFor, readAnswerFile } from './store/answers.js';
import { allServices, findService, readRegister, registerOfYear, type RegisteredService, type YearRegister } from './store/register.js';
import { ORGANISATION_ID, type AnswerFile, type ServiceRegister } from './store/schema.js';
import { allIncidents, incidentYears } from './incidents/store.js';
import type { Incident } from './incidents/schema.js';
import { openWorkspace, type Workspace } from './store/workspace.js';
import type { Checklist } from './catalog/schema.js';
import { didYouMean } from './suggest.js';

/** A workspace opened for work: its validated catalogue and service register. */
export interface Review {
  ws: Workspace;
  catalog: Catalog;
  register: ServiceRegister;
  /** Answer files read so far in this command, so that comparing years reads each file once. */
  answerFiles: Map<string, AnswerFile | undefined>;
  /** Years already scored in this command, by year, checklist and services. */
  assessedYears: Map<string, Promise<Assessed[]>>;
  /** The register each year is judged by, read once per command. */
  yearRegisters: Map<number, YearRegister>;
  /** The incident register, read once per command. */
  incidents: { list: Incident[]; years: Set<number>; byService: Map<string, { list: Incident[]; years: Set<number> }> } | undefined;
}

export async function openReview(ws: Workspace, options: { readOnly?: boolean } = {}): Promise<Review> {
  await openWorkspace(ws, options);
  const catalog = loadCatalog(ws.catalog);
  return { ws, catalog, register: readRegister(ws), answerFiles: new Map(), assessedYears: new Map(), yearRegisters: new Map(), incidents: undefined };
}

/** Refuses a --checklist that the catalogue does not have. */
export function requireChecklist(review: Review, id: string | undefined): void {
  if (id !== undefined && !review.catalog.checklists.some((c) => c.id === id)) {
    const known = review.catalog.checklists.map((c) => c.id);
    const meant = didYouMean(id, known);
    throw new UsageError(`${m().e_unknownChecklist(id)}${meant ? ` ${meant}` : ''}`, m().e_known(known));
  }
}

/** A service's validated answers for a year, read once per command. */
export function answersOf(review: Review, year: number, service: string): AnswerFile | undefined {
  const key = `${year}/${service}`;
  if (!review.answerFiles.has(key)) review.answerFiles.set(key, readAnswerFile(review.ws, review.catalog, year, service));
  return review.answerFiles.get(key);
}

/** A service's incidents (the organisation: every service's) with the years the register covers. */
export function incidentsOf(review: Review, service: string): { list: Incident[]; years: Set<number> } {
  if (review.incidents === undefined) {
    const years = new Set(incidentYears(review.ws));
    const list = allIncidents(review.ws);
    review.incidents = { list, years, byService: new Map() };
  }
  const all = review.incidents;
  if (service === ORGANISATION_ID) return all;
  let mine = all.byService.get(service);
  if (mine === undefined) all.byService.set(service, (mine = { list: all.list.filter((i) => i.service === service), years: all.years }));
  return mine;
}

export function assessmentInput(review: Review, service: RegisteredService, year: number): AssessmentInput {
  return {
    service: service.id,
    profile: service.profile,
    year,
    answers: answersOf(review, year, service.id)?.answers ?? {},
    previous: answersOf(review, year - 1, service.id)?.answers ?? {},
    incidents: incidentsOf(review, service.id),
  };
}

/** The register a year is judged by: its snapshot, else today's register as it applies to that year. */
export function yearRegister(review: Review, year: number): YearRegister {
  let found = review.yearRegisters.get(year);
  if (found === undefined) review.yearRegisters.set(year, (found = registerOfYear(review.ws, review.register, year)));
  return found;
}

/**
 * The services to look at in a year, as that year's register has them (classification, personal
 * data …): one when asked for, otherwise the organisation and every service reviewed that year.
 */
export function selectServices(review: Review, year: number, serviceId?: string): RegisteredService[] {
  const register = yearRegister(review, year);
  return serviceId === undefined ? allServices(register) : [findService(register, serviceId)];
}

export interface Assessed {
  service: RegisteredService;
  input: AssessmentInput;
  result: ServiceResult;
}

/** Which services and checklist a command looks at; each year resolves the services from its own register. */
export interface Selection {
  service?: string | undefined;
  checklist?: string | undefined;
}

/**
 * Scores the selected services of a year, each as that year's register describes it, keeping
 * each service's input beside its result; the same year is scored once per command. Every answer
 * file is read and validated before the first is scored, so a bad file stops the command before
 * any output. A service the year's register does not hold is simply not in that year.
 */
export function assessYear(review: Review, year: number, selection: Selection = {}, assessor?: Assessor): Promise<Assessed[]> {
  const key = `${year}|${selection.checklist ?? ''}|${selection.service ?? ''}`;
  let assessed = review.assessedYears.get(key);
  if (assessed === undefined) {
    const services = allServices(yearRegister(review, year)).filter((s) => selection.service === undefined || s.id === selection.service);
    assessed = assessAll(review, year, services, selection.checklist, assessor ?? new Assessor(review.catalog));
    review.assessedYears.set(key, assessed);
  }
  return assessed;
}

async function assessAll(review: Review, year: number, services: readonly RegisteredService[], checklistFilter: string | undefined, assessor: Assessor): Promise<Assessed[]> {
  const inputs = services.map((s) => ({ service: s, input: assessmentInput(review, s, year) }));
  const assessed: Assessed[] = [];
  for (const { service, input } of inputs) {
    const checklists = checklistsFor(review.catalog, input.service, year).filter((c: Checklist) => checklistFilter === undefined || c.id === checklistFilter);
    if (checklists.length > 0) assessed.push({ service, input, result: await assessor.assess(input, checklists) });
  }
  return assessed;
}

export async function scoreYear(review: Review, year: number, selection: Selection = {}): Promise<ServiceResult[]> {
  return (await assessYear(review, year, selection)).map((a) => a.result);
}
