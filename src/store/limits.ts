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

/** The field in a message, and the adjective's gender: "kommentaren är för lång", "underlaget är för långt". */
const LABEL: Record<keyof typeof MAX_TEXT, [string, string]> = {
  comment: ['kommentaren', 'lång'],
  evidence: ['underlaget', 'långt'],
  note: ['anteckningen', 'lång'],
  motivation: ['motiveringen', 'lång'],
  observation: ['iakttagelsen', 'lång'],
  name: ['namnet', 'långt'],
};

/** Why a text is too long for its field, or undefined. */
export function lengthProblem(field: keyof typeof MAX_TEXT, text: string | undefined): string | undefined {
  if (text === undefined || text.length <= MAX_TEXT[field]) return undefined;
  const [label, long] = LABEL[field];
  return `${label} är för ${long} (${text.length} tecken, högst ${MAX_TEXT[field]})`;
}
