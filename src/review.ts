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

/**
 * Scores the selected services for a year. Every answer file is read and validated before the
 * first is scored, so a bad file stops the command before any output.
 */
export async function scoreYear(
  review: Review,
  year: number,
  services: readonly RegisteredService[],
  checklistFilter?: string,
): Promise<ServiceResult[]> {
  const inputs = services.map((s) => assessmentInput(review, s, year));
  const assessor = new Assessor(review.catalog);
  const results: ServiceResult[] = [];
  for (const input of inputs) {
    const checklists = checklistsFor(review.catalog, input.service).filter(
      (c: Checklist) => checklistFilter === undefined || c.id === checklistFilter,
    );
    if (checklists.length > 0) results.push(await assessor.assess(input, checklists));
  }
  return results;
}
