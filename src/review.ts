import { m } from './ui/i18n.js';
import { loadCatalog, type Catalog } from './catalog/load.js';
import { UsageError } from './errors.js';
import { Assessor, reviewDateOf, type AssessmentInput, type ServiceResult } from './engine/assess.js';
import { answerRow, rowAnswers, type AnswerRow } from './store/answer-row.js';
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
  /**
   * The answer values of each service and year read so far, by `year/service`: a year's rules
   * read last year's answers, and comparing years reads the values of both. Files themselves
   * are not kept: a city's two years are 20,000 of them.
   */
  answerRows: Map<string, AnswerRow>;
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
  return { ws, catalog, register: readRegister(ws), answerRows: new Map(), assessedYears: new Map(), yearRegisters: new Map(), incidents: undefined };
}

/** Refuses a --checklist that the catalogue does not have. */
export function requireChecklist(review: Review, id: string | undefined): void {
  if (id !== undefined && !review.catalog.checklists.some((c) => c.id === id)) {
    const known = review.catalog.checklists.map((c) => c.id);
    const meant = didYouMean(id, known);
    throw new UsageError(`${m().e_unknownChecklist(id)}${meant ? ` ${meant}` : ''}`, m().e_known(known));
  }
}

/** A service's validated answers for a year, read from its file. */
export function answersOf(review: Review, year: number, service: string): AnswerFile | undefined {
  return readAnswerFile(review.ws, review.catalog, year, service);
}

/** A service's answer values of a year (read once per command; empty when it has no file). */
export function answerRowOf(review: Review, year: number, service: string, answers?: AnswerFile['answers']): AnswerRow {
  const key = `${year}/${service}`;
  let row = review.answerRows.get(key);
  if (row === undefined) review.answerRows.set(key, (row = answerRow(review.catalog, service, answers ?? answersOf(review, year, service)?.answers ?? {})));
  return row;
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

/** What the engine scores a service's year by: its answers, read from the file, and last year's values. */
export function assessmentInput(review: Review, service: RegisteredService, year: number, answers: AnswerFile['answers'] = answersOf(review, year, service.id)?.answers ?? {}): AssessmentInput {
  return {
    service: service.id,
    profile: service.profile,
    year,
    answers,
    previous: rowAnswers(review.catalog, service.id, answerRowOf(review, year - 1, service.id)),
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

/**
 * A service's year as scored. The answers it was scored from are not kept (a city's would not fit
 * in memory): `values` has what comparing needs, and `readInput` reads the file again for the few
 * places that need every answer with its comment and evidence.
 */
export interface Assessed {
  service: RegisteredService;
  result: ServiceResult;
  values: AnswerRow;
  /** YYYY-MM-DD: the day of the latest answer that year, at most 31 December. */
  reviewDate: string;
  readInput(): AssessmentInput;
}

/** Called with each service's full input while it is in memory, as its year is scored. */
export type WithInput = (assessed: Assessed, input: AssessmentInput) => void;

/** Which services and checklist a command looks at; each year resolves the services from its own register. */
export interface Selection {
  service?: string | undefined;
  checklist?: string | undefined;
}

/**
 * Scores the selected services of a year, each as that year's register describes it; the same
 * year is scored once per command. Each answer file is read, validated and scored in turn, and
 * only its result and values kept; a bad file stops the command before any output (commands
 * print once every year they need is scored). `withInput`, when this call scores the year, sees
 * each service's full input. A service the year's register does not hold is not in that year.
 */
export function assessYear(review: Review, year: number, selection: Selection = {}, assessor?: Assessor, withInput?: WithInput): Promise<Assessed[]> {
  const key = yearKey(year, selection);
  let assessed = review.assessedYears.get(key);
  if (assessed === undefined) {
    const services = allServices(yearRegister(review, year)).filter((s) => selection.service === undefined || s.id === selection.service);
    assessed = assessAll(review, year, services, selection.checklist, assessor ?? new Assessor(review.catalog), withInput);
    review.assessedYears.set(key, assessed);
  }
  return assessed;
}

const yearKey = (year: number, selection: Selection): string => `${year}|${selection.checklist ?? ''}|${selection.service ?? ''}`;
const yearOfKey = (key: string): number => Number(key.slice(0, key.indexOf('|')));


async function assessAll(review: Review, year: number, services: readonly RegisteredService[], checklistFilter: string | undefined, assessor: Assessor, withInput: WithInput | undefined): Promise<Assessed[]> {
  const assessed: Assessed[] = [];
  for (const service of services) {
    const answers = answersOf(review, year, service.id)?.answers ?? {};
    const input = assessmentInput(review, service, year, answers);
    const values = answerRowOf(review, year, service.id, answers);
    const checklists = checklistsFor(review.catalog, service.id, year).filter((c: Checklist) => checklistFilter === undefined || c.id === checklistFilter);
    if (checklists.length === 0) continue;
    const a: Assessed = { service, result: await assessor.assess(input, checklists), values, reviewDate: reviewDateOf(year, answers), readInput: () => assessmentInput(review, service, year) };
    withInput?.(a, input);
    assessed.push(a);
  }
  return assessed;
}

/**
 * Drops what scoring has kept: each year's results, and each service's answer values (with
 * `before`, only the results of the years before it). A command that has taken what it needs from
 * the years frees them before it goes on (a city's year is some 30 MB). A year asked for again is
 * scored again.
 */
export function forgetScoredYears(review: Review, options: { before?: number } = {}): void {
  if (options.before === undefined) {
    review.assessedYears.clear();
    review.answerRows.clear();
    return;
  }
  for (const key of review.assessedYears.keys()) if (yearOfKey(key) < options.before) review.assessedYears.delete(key);
}

export async function scoreYear(review: Review, year: number, selection: Selection = {}): Promise<ServiceResult[]> {
  return (await assessYear(review, year, selection)).map((a) => a.result);
}
