import { z } from 'zod';
import { freeText } from '../io/free-text.js';
import { MAX_TEXT } from '../store/limits.js';

export const ACTION_STATUSES = ['ej_påbörjad', 'pågår', 'klar', 'accepterad_risk'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The follow-up of one action in the handlingsplan: kept apart from the answers. */
export const FollowUp = z
  .strictObject({
    status: z.enum(ACTION_STATUSES),
    owner: freeText().trim().min(1).optional(),
    due: z.string().regex(ISO_DAY).optional(),
    note: freeText().max(MAX_TEXT.note).optional(),
    motivation: freeText().trim().min(1).max(MAX_TEXT.motivation).optional(),
    acceptedBy: freeText().trim().min(1).optional(),
    by: freeText().min(1),
    at: z.iso.datetime({ offset: true }),
  })
  .refine((f) => f.status !== 'accepterad_risk' || (f.motivation !== undefined && f.acceptedBy !== undefined), {
    message: 'en accepterad risk behöver motivering (motivation) och vem som accepterade (acceptedBy)',
    path: ['status'],
  });
export type FollowUp = z.infer<typeof FollowUp>;

export const PlanFile = z.strictObject({
  year: z.number().int(),
  actions: z.record(freeText(), FollowUp),
  history: z.array(z.strictObject({ action: freeText().min(1), entry: FollowUp })),
});
export type PlanFile = z.infer<typeof PlanFile>;

const ENGLISH_STATUS: Record<string, ActionStatus> = { not_started: 'ej_påbörjad', in_progress: 'pågår', done: 'klar', accepted_risk: 'accepterad_risk' };

/** Statuses as people type them: without å/ä/ö, with spaces or dashes; the English labels of an English export too. */
export function parseStatus(raw: string): ActionStatus | undefined {
  const english = ENGLISH_STATUS[raw.trim().toLowerCase().replace(/[\s-]+/g, '_')];
  if (english !== undefined) return english;
  const s = raw
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
    .replace('paborjad', 'påbörjad')
    .replace(/^pagar$/, 'pågår');
  return (ACTION_STATUSES as readonly string[]).includes(s) ? (s as ActionStatus) : undefined;
}
