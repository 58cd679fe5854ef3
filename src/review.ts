import { loadCatalog, type Catalog } from './catalog/load.js';
import { Assessor, type AssessmentInput, type ServiceResult } from './engine/assess.js';
import { checklistsFor, readAnswerFile } from './store/answers.js';
import { allServices, findService, readRegister, type RegisteredService } from './store/register.js';
import type { ServiceRegister } from './store/schema.js';
import { requireWorkspace, type Workspace } from './store/workspace.js';
import type { Checklist } from './catalog/schema.js';

/** A workspace opened for work: its validated catalogue and service register. */
export interface Review {
  ws: Workspace;
  catalog: Catalog;
  register: ServiceRegister;
}

export function openReview(ws: Workspace): Review {
  requireWorkspace(ws);
  const catalog = loadCatalog(ws.catalog);
  return { ws, catalog, register: readRegister(ws) };
}

export function assessmentInput(review: Review, service: RegisteredService, year: number): AssessmentInput {
  return {
    service: service.id,
    profile: service.profile,
    year,
    answers: readAnswerFile(review.ws, review.catalog, year, service.id)?.answers ?? {},
    previous: readAnswerFile(review.ws, review.catalog, year - 1, service.id)?.answers ?? {},
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
 * Scores the selected services for a year, keeping each service's input beside its result.
 * Every answer file is read and validated before the first is scored, so a bad file stops the
 * command before any output.
 */
export async function assessYear(
  review: Review,
  year: number,
  services: readonly RegisteredService[],
  checklistFilter?: string,
  assessor: Assessor = new Assessor(review.catalog),
): Promise<Assessed[]> {
  const inputs = services.map((s) => ({ service: s, input: assessmentInput(review, s, year) }));
  const assessed: Assessed[] = [];
  for (const { service, input } of inputs) {
    const checklists = checklistsFor(review.catalog, input.service).filter(
      (c: Checklist) => checklistFilter === undefined || c.id === checklistFilter,
    );
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
