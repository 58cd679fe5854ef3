import { z } from 'zod';
import { freeText } from '../io/free-text.js';

/** The reserved service id under which the organisation-level (DSO) answers are stored. */
export const ORGANISATION_ID = 'organisation';

export const SERVICE_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
/** Device names Windows will not have as a file name, whatever the extension: a service id becomes one. */
const WINDOWS_DEVICE_NAME = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;
export const ServiceId = z
  .string()
  .regex(SERVICE_ID, 'Tjänste-id skrivs med a–z, 0–9 och bindestreck (högst 63 tecken), t.ex. office365')
  .refine((id) => !WINDOWS_DEVICE_NAME.test(id), { error: (issue) => `'${String(issue.input)}' är ett reserverat namn i Windows och kan inte bli ett filnamn` });

const Level = z.number().int().min(1).max(4);
export const Classification = z.strictObject({ K: Level, R: Level, T: Level, S: Level });
export type Classification = z.infer<typeof Classification>;

export const Service = z
  .strictObject({
    id: ServiceId.refine((id) => id !== ORGANISATION_ID, `'${ORGANISATION_ID}' är reserverat för organisationens svar`),
    name: freeText().trim().min(1),
    owner: freeText().trim().min(1).optional(),
    supplier: freeText().trim().min(1).optional(),
    personalData: z.boolean(),
    sensitiveData: z.boolean(),
    thirdCountry: z.boolean(),
    classification: Classification,
  })
  .refine((s) => s.personalData || !s.sensitiveData, {
    path: ['sensitiveData'],
    message: 'Känsliga personuppgifter kräver att tjänsten behandlar personuppgifter (personalData: true)',
  });
export type Service = z.infer<typeof Service>;

export const ServiceRegister = z.strictObject({
  organisation: z.strictObject({
    name: freeText().trim().min(1),
    owner: freeText().trim().min(1).optional(),
    focusControls: z
      .array(z.string().regex(/^[A-Z][A-Z0-9]*$/))
      .optional()
      .describe('Dataskyddsombudets fokuskontrollpunkter, t.ex. ["KP1", "KP4", "KP5"]; utan: förra årets tre lägsta'),
  }),
  services: z.array(Service),
});
export type ServiceRegister = z.infer<typeof ServiceRegister>;

export const AnswerValue = z.union([freeText(), z.number()]);
export type AnswerValue = z.infer<typeof AnswerValue>;

export const Answer = z.strictObject({
  value: AnswerValue,
  comment: freeText().optional(),
  evidence: freeText().optional(),
  by: freeText().min(1),
  at: z.iso.datetime({ offset: true }),
});
export type Answer = z.infer<typeof Answer>;

/** A superseded answer, exactly as it stood before it was replaced. */
export const HistoryEntry = z.strictObject({ question: z.string().min(1), ...Answer.shape });
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const AnswerFile = z.strictObject({
  service: z.string().min(1),
  year: z.number().int(),
  answers: z.record(z.string(), Answer),
  history: z.array(HistoryEntry),
});
export type AnswerFile = z.infer<typeof AnswerFile>;
