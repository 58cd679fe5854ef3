import type { ServiceProfile } from '../catalog/profile.js';
import type { AnswerValue } from '../catalog/values.js';
import type { IncidentFacts } from '../incidents/facts.js';

/** Everything a rule may look at for one service and year (the facts of docs/authoring.md). */
export interface RuleInput {
  answers: Readonly<Record<string, AnswerValue>>;
  previous: Readonly<Record<string, AnswerValue>>;
  service: ServiceProfile;
  year: number;
  /** YYYY-MM-DD */
  reviewDate: string;
  incidents: IncidentFacts;
}
