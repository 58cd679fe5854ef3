import { m } from '../ui/i18n.js';
import { z } from 'zod';
import { freeText } from '../io/free-text.js';
import { MAX_TEXT } from './limits.js';

/** The reserved service id under which the organisation-level (DSO) answers are stored. */
export const ORGANISATION_ID = 'organisation';

export const SERVICE_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
/** Device names Windows will not have as a file name, whatever the extension: a service id becomes one. */
const WINDOWS_DEVICE_NAME = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;
export const ServiceId = z
  .string()
  .regex(SERVICE_ID, { error: () => m().reg_idForm })
  .refine((id) => !WINDOWS_DEVICE_NAME.test(id), { error: (issue) => m().reg_windowsName(String(issue.input)) });

/** KLASSA 4.0 levels: 0 (ingen eller försumbar skada) to 4 (synnerligen allvarlig skada). */
const Level = z.number().int().min(0).max(4);
export const Classification = z.strictObject({ K: Level, R: Level, T: Level, S: Level });
export type Classification = z.infer<typeof Classification>;

/** A register yes/no that may not be known yet: `okänt` is itself a gap to fill in. */
export const RegisterFlag = z.union([z.boolean(), z.literal('okänt')]);
export type RegisterFlag = z.infer<typeof RegisterFlag>;

export const Retirement = z.strictObject({
  at: z.iso.datetime({ offset: true }),
  by: freeText().min(1),
  reason: freeText().trim().min(1),
});

export const Service = z
  .strictObject({
    id: ServiceId.refine((id) => id !== ORGANISATION_ID, { error: () => m().reg_organisationId(ORGANISATION_ID) }),
    name: freeText().trim().min(1),
    owner: freeText().trim().min(1).optional(),
    /** Verksamhetsområde, e.g. HR, Ekonomi, Kommunikation: how the board's reports group services. */
    area: freeText().trim().min(1).optional(),
    /** The external supplier's name, `okänt`, or absent when the service has none. */
    supplier: freeText().trim().min(1).optional(),
    personalData: RegisterFlag,
    sensitiveData: RegisterFlag,
    thirdCountry: RegisterFlag,
    /** null: not classified yet (ej klassad), treated as level 3 for priority. */
    classification: Classification.nullable(),
    /** A retired service leaves the coming years' reviews; its past years keep it. */
    retired: Retirement.optional(),
  })
  .refine((s) => s.personalData !== false || s.sensitiveData === false, {
    path: ['sensitiveData'],
    error: () => m().reg_sensitiveNeedsPersonal,
  })
  .refine((s) => s.personalData !== false || s.thirdCountry === false, {
    path: ['thirdCountry'],
    error: () => m().reg_thirdCountryNeedsPersonal,
  });
export type Service = z.infer<typeof Service>;

/** An earlier state of a service, kept when it is changed, retired or removed. */
export const RegisterChange = z.strictObject({
  service: z.string().min(1),
  /** The service as it stood before the change; null when it was added. */
  before: z.lazy(() => Service).nullable(),
  by: freeText().min(1),
  at: z.iso.datetime({ offset: true }),
});
export type RegisterChange = z.infer<typeof RegisterChange>;

const Organisation = z.strictObject({
  /** A short id for roll-ups of many organisations (a förvaltning, a bolag); else derived from the name. */
  id: ServiceId.optional(),
  name: freeText().trim().min(1),
  owner: freeText().trim().min(1).optional(),
  focusControls: z
    .array(z.string().regex(/^[A-Z][A-Z0-9]*$/))
    .optional()
    .describe('Dataskyddsombudets fokuskontrollpunkter, t.ex. ["KP1", "KP4", "KP5"]; utan: förra årets tre lägsta'),
});

export const ServiceRegister = z.strictObject({
  organisation: Organisation,
  services: z.array(Service),
  history: z.array(RegisterChange).default([]),
});
export type ServiceRegister = z.infer<typeof ServiceRegister>;

/**
 * The register as a year was judged by: taken when the year's first answer is saved, kept in
 * step with the register while the year is open, frozen after. answers/register/<year>.json.
 */
export const RegisterSnapshot = z.strictObject({
  year: z.number().int(),
  takenAt: z.iso.datetime({ offset: true }),
  organisation: Organisation,
  services: z.array(Service),
});
export type RegisterSnapshot = z.infer<typeof RegisterSnapshot>;

export const AnswerValue = z.union([freeText(), z.number()]);
export type AnswerValue = z.infer<typeof AnswerValue>;

export const Answer = z.strictObject({
  value: AnswerValue,
  comment: freeText().max(MAX_TEXT.comment).optional(),
  evidence: freeText().max(MAX_TEXT.evidence).optional(),
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
  /** The catalogue version each checklist's answers were written in; absent in files older than versioning. */
  catalog: z.record(z.string(), z.string()).optional(),
  answers: z.record(z.string(), Answer),
  history: z.array(HistoryEntry),
});
export type AnswerFile = z.infer<typeof AnswerFile>;
