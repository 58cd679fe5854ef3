import { loadCatalog, type Catalog } from './catalog/load.js';
import { UsageError } from './errors.js';
import { Assessor, type AssessmentInput, type ServiceResult } from './engine/assess.js';
import { checklistsFor, readAnswerFile } from './store/answers.js';
import { allServices, findService, readRegister, type RegisteredService } from './store/register.js';
import type { AnswerFile, ServiceRegister } from './store/schema.js';
import { openWorkspace, type Workspace } from './store/workspace.js';
import type { Checklist } from './catalog/schema.js';

/** A workspace opened for work: its validated catalogue and service register. */
export interface Review {
  ws: Workspace;
  catalog: Catalog;
  register: ServiceRegister;
  /** Answer files read so far in this command, so that comparing years reads each file once. */
  answerFiles: Map<string, AnswerFile | undefined>;
  /** Years already scored in this command, by year, checklist and services. */
  assessedYears: Map<string, Promise<Assessed[]>>;
}

export async function openReview(ws: Workspace): Promise<Review> {
  await openWorkspace(ws);
  const catalog = loadCatalog(ws.catalog);
  return { ws, catalog, register: readRegister(ws), answerFiles: new Map(), assessedYears: new Map() };
}

/** Refuses a --checklist that the catalogue does not have. */
export function requireChecklist(review: Review, id: string | undefined): void {
  if (id !== undefined && !review.catalog.checklists.some((c) => c.id === id)) {
    throw new UsageError(`Okänd checklista '${id}'.`, `Kända: ${review.catalog.checklists.map((c) => c.id).join(', ')}.`);
  }
}

/** A service's validated answers for a year, read once per command. */
export function answersOf(review: Review, year: number, service: string): AnswerFile | undefined {
  const key = `${year}/${service}`;
  if (!review.answerFiles.has(key)) review.answerFiles.set(key, readAnswerFile(review.ws, review.catalog, year, service));
  return review.answerFiles.get(key);
}

export function assessmentInput(review: Review, service: RegisteredService, year: number): AssessmentInput {
  return {
    service: service.id,
    profile: service.profile,
    year,
    answers: answersOf(review, year, service.id)?.answers ?? {},
    previous: answersOf(review, year - 1, service.id)?.answers ?? {},
  };
}

/** The services to look at: one when asked for, otherwise the organisation and every service. */
export function selectServices(review: Review, serviceId: string | undefined): RegisteredService[] {
  return serviceId === undefined ? allServices(review.register) : [findService(review.register, serviceId)];
}

export interface Assessed {
  service: RegisteredService;
  input: AssessmentInput;
  result: ServiceResult;
}

/**
 * Scores the selected services for a year, keeping each service's input beside its result; the
 * same year is scored once per command. Every answer file is read and validated before the first
 * is scored, so a bad file stops the command before any output.
 */
export function assessYear(
  review: Review,
  year: number,
  services: readonly RegisteredService[],
  checklistFilter?: string,
  assessor?: Assessor,
): Promise<Assessed[]> {
  const key = `${year}|${checklistFilter ?? ''}|${services.map((s) => s.id).join(',')}`;
  let assessed = review.assessedYears.get(key);
  if (assessed === undefined) {
    assessed = assessAll(review, year, services, checklistFilter, assessor ?? new Assessor(review.catalog));
    review.assessedYears.set(key, assessed);
  }
  return assessed;
}

async function assessAll(review: Review, year: number, services: readonly RegisteredService[], checklistFilter: string | undefined, assessor: Assessor): Promise<Assessed[]> {
  const inputs = services.map((s) => ({ service: s, input: assessmentInput(review, s, year) }));
  const assessed: Assessed[] = [];
  for (const { service, input } of inputs) {
    const checklists = checklistsFor(review.catalog, input.service).filter((c: Checklist) => checklistFilter === undefined || c.id === checklistFilter);
    if (checklists.length > 0) assessed.push({ service, input, result: await assessor.assess(input, checklists) });
  }
  return assessed;
}

export async function scoreYear(
  review: Review,
  year: number,
  services: readonly RegisteredService[],
  checklistFilter?: string,
): Promise<ServiceResult[]> {
  return (await assessYear(review, year, services, checklistFilter)).map((a) => a.result);
}
