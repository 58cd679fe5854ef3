import { z } from 'zod';
import { freeText } from '../io/free-text.js';
import { MAX_TEXT } from '../store/limits.js';

/**
 * The incident register (answers/incidents/<year>.json, by the year the incident occurred):
 * major incidents, personal-data breaches (personuppgiftsincidenter), information-security
 * incidents and significant incidents under the cybersäkerhetslag, with the dates and the
 * reporting chain the rules read.
 */
export const INCIDENT_KINDS = ['major_incident', 'personuppgiftsincident', 'informationssakerhetsincident', 'betydande_incident'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export const INCIDENT_STATUSES = ['pågår', 'åtgärdad', 'stängd'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const INCIDENT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,40}$/;

const ISO_DAY = z.iso.date();
/** A moment with its time zone, as the reporting deadlines (24 h, 72 h) are counted in hours. */
const MOMENT = z.iso.datetime({ offset: true });

/** A documented decision not to notify IMY (GDPR art. 33.5: every breach is documented, notified or not). */
export const NotNotified = z.strictObject({
  reason: freeText().trim().min(1).max(MAX_TEXT.motivation),
  decidedBy: freeText().trim().min(1).max(MAX_TEXT.name).optional(),
});

export const Incident = z.strictObject({
  id: z.string().regex(INCIDENT_ID, 'Incident-id skrivs med A–Z, 0–9, punkt, - och _ (högst 41 tecken)'),
  service: z.string().min(1),
  kind: z.enum(INCIDENT_KINDS),
  title: freeText().trim().min(1).max(MAX_TEXT.name),
  description: freeText().max(MAX_TEXT.comment).optional(),
  occurred: ISO_DAY,
  /** When the organisation became aware of it (kännedom): the reporting deadlines run from here. */
  detected: MOMENT.optional(),
  resolved: ISO_DAY.optional(),
  supplier: freeText().trim().min(1).max(MAX_TEXT.name).optional().describe('Leverantör eller underleverantör som var inblandad'),
  rootCauseAnalysis: z.boolean().optional().describe('Om en rotorsaksanalys är gjord'),
  actions: freeText().max(MAX_TEXT.comment).optional().describe('Vidtagna åtgärder'),
  status: z.enum(INCIDENT_STATUSES),
  // The reporting chain of a personal-data breach (IMY) and of a significant incident (CSIRT unit).
  imyNotified: MOMENT.optional(),
  /** Why IMY was notified after 72 hours (GDPR art. 33.1 asks for the reasons of a delay). */
  delayReason: freeText().trim().min(1).max(MAX_TEXT.motivation).optional(),
  notNotified: NotNotified.optional(),
  subjectsInformed: z.enum(['ja', 'nej', 'ej_aktuellt']).optional().describe('Om de registrerade har informerats (art. 34)'),
  earlyWarning: MOMENT.optional().describe('Tidig varning till CSIRT-enheten (inom 24 timmar)'),
  notification: MOMENT.optional().describe('Incidentanmälan till CSIRT-enheten (inom 72 timmar)'),
  finalReport: ISO_DAY.optional().describe('Slutrapport till CSIRT-enheten (inom en månad efter incidentanmälan)'),
  by: freeText().min(1),
  at: MOMENT,
});
export type Incident = z.infer<typeof Incident>;

export const IncidentChange = z.strictObject({
  incident: z.string().min(1),
  /** The incident as it stood before; null when it was added. */
  before: Incident.nullable(),
  by: freeText().min(1),
  at: MOMENT,
});

export const IncidentFile = z.strictObject({
  year: z.number().int(),
  incidents: z.array(Incident),
  history: z.array(IncidentChange),
});
export type IncidentFile = z.infer<typeof IncidentFile>;

export const KIND_LABEL: Record<IncidentKind, { sv: string; en: string }> = {
  major_incident: { sv: 'Major incident', en: 'Major incident' },
  personuppgiftsincident: { sv: 'Personuppgiftsincident', en: 'Personal data breach' },
  informationssakerhetsincident: { sv: 'Informationssäkerhetsincident', en: 'Information security incident' },
  betydande_incident: { sv: 'Betydande incident (cybersäkerhetslagen)', en: 'Significant incident (Cybersecurity Act)' },
};

/** Kinds as people type them: `pui`, `MI`, `personuppgiftsincident`, `betydande`. */
export function parseKind(raw: string): IncidentKind | undefined {
  const s = raw.trim().toLowerCase().replace(/[\s-]+/g, '_');
  const aliases: Record<string, IncidentKind> = {
    mi: 'major_incident',
    major: 'major_incident',
    major_incident: 'major_incident',
    pui: 'personuppgiftsincident',
    personuppgiftsincident: 'personuppgiftsincident',
    personal_data_breach: 'personuppgiftsincident',
    breach: 'personuppgiftsincident',
    informationssakerhetsincident: 'informationssakerhetsincident',
    informationssäkerhetsincident: 'informationssakerhetsincident',
    isi: 'informationssakerhetsincident',
    betydande: 'betydande_incident',
    betydande_incident: 'betydande_incident',
    significant: 'betydande_incident',
  };
  return aliases[s];
}

export function parseIncidentStatus(raw: string): IncidentStatus | undefined {
  const s = raw.trim().toLowerCase().replace('pagar', 'pågår').replace('atgardad', 'åtgärdad').replace('stangd', 'stängd');
  return (INCIDENT_STATUSES as readonly string[]).includes(s) ? (s as IncidentStatus) : undefined;
}

/** Where a notification chain applies: breaches go to IMY, significant incidents to the CSIRT unit. */
export const notifiesImy = (i: Pick<Incident, 'kind'>): boolean => i.kind === 'personuppgiftsincident';
export const notifiesCsirt = (i: Pick<Incident, 'kind'>): boolean => i.kind === 'betydande_incident';
