import { m } from '../ui/i18n.js';

/**
 * Lengths the store accepts, enforced when text is written (and by the schemas when it is read),
 * so that no workspace can write itself a file it would refuse to read.
 */
export const MAX_TEXT = {
  comment: 5000,
  evidence: 1000,
  note: 5000,
  motivation: 2000,
  observation: 10000,
  name: 300,
} as const;

/** Why a text is too long for its field, or undefined. */
export function lengthProblem(field: keyof typeof MAX_TEXT, text: string | undefined): string | undefined {
  if (text === undefined || text.length <= MAX_TEXT[field]) return undefined;
  return m().lim_tooLong(field, text.length, MAX_TEXT[field]);
}
