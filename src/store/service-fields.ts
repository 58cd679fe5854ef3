import { m, msg, t, type Lang } from '../ui/i18n.js';
import { parseClassification, parseFlag } from './classification.js';
import { Service, type RegisterFlag } from './schema.js';

/**
 * A service's register fields as a user gives them: on the command line (`service add|set`) or in
 * a spreadsheet row (`service import`). Undefined: not given, keep what is there. An empty string:
 * given as empty, which for a yes/no or the classification means not known yet.
 */
export interface ServiceFields {
  name?: string | undefined;
  owner?: string | undefined;
  area?: string | undefined;
  supplier?: string | undefined;
  personalData?: string | boolean | undefined;
  sensitiveData?: string | boolean | undefined;
  thirdCountry?: string | boolean | undefined;
  classification?: string | undefined;
}

const NO_SUPPLIER = /^(ingen|inga|nej|-|egen drift|none)$/i;

function flag(raw: string | boolean | undefined, field: keyof ServiceFields, errors: string[]): RegisterFlag | undefined {
  if (raw === undefined) return undefined;
  if (raw === '') return 'okänt';
  const parsed = parseFlag(raw);
  if (parsed === undefined) errors.push(m().reg_notAFlag(fieldLabel(field), String(raw)));
  return parsed;
}

const text = (raw: string | undefined): string | undefined | null => (raw === undefined ? undefined : raw.normalize('NFC').trim() === '' ? null : raw.normalize('NFC').trim());

/**
 * The service that results from fields given for an id: a new one (`base` undefined) or a change
 * of one in the register. A new service's unstated yes/no fields are unknown (`okänt`), its
 * classification unset; stating that it processes personal data states no sensitive data and no
 * third-country transfer unless those are given too. Returns the service or what is wrong.
 */
export function serviceFrom(id: string, fields: ServiceFields, base?: Service): { service: Service } | { errors: string[] } {
  const errors: string[] = [];
  const personalData = flag(fields.personalData, 'personalData', errors);
  let sensitiveData = flag(fields.sensitiveData, 'sensitiveData', errors);
  let thirdCountry = flag(fields.thirdCountry, 'thirdCountry', errors);
  let classification: Service['classification'] | undefined;
  if (fields.classification !== undefined) {
    try {
      classification = parseClassification(fields.classification === '' ? 'ej klassad' : fields.classification);
    } catch (err) {
      errors.push(`${fieldLabel('classification')}: ${(err as Error).message} ${(err as { hint?: string }).hint ?? ''}`.trim());
    }
  }
  if (errors.length > 0) return { errors };

  const pd: RegisterFlag = personalData ?? (sensitiveData === true || thirdCountry === true ? true : base?.personalData ?? 'okänt');
  if (base === undefined || personalData !== undefined) {
    // What follows from a stated "processes personal data" (or not), unless stated itself.
    const implied: RegisterFlag = pd === 'okänt' ? 'okänt' : false;
    sensitiveData ??= base === undefined || pd === false ? implied : base.sensitiveData;
    thirdCountry ??= base === undefined || pd === false ? implied : base.thirdCountry;
  }
  const name = text(fields.name);
  const owner = text(fields.owner);
  const area = text(fields.area);
  const supplierText = text(fields.supplier);
  const supplier = supplierText === null ? 'okänt' : supplierText !== undefined && NO_SUPPLIER.test(supplierText) ? null : supplierText;

  const keep = (key: 'owner' | 'area' | 'supplier', given: string | null | undefined) => {
    const value = given === undefined ? base?.[key] : given ?? undefined;
    return value === undefined ? {} : { [key]: value };
  };
  const next = {
    id,
    name: name ?? base?.name,
    ...keep('owner', owner),
    ...keep('area', area),
    ...keep('supplier', supplier),
    personalData: pd,
    sensitiveData: sensitiveData ?? base?.sensitiveData ?? 'okänt',
    thirdCountry: thirdCountry ?? base?.thirdCountry ?? 'okänt',
    classification: classification !== undefined ? classification : base === undefined ? null : base.classification,
    ...(base?.retired ? { retired: base.retired } : {}),
  };
  if (next.name === undefined) return { errors: ['namn saknas (--name)'] };
  const parsed = Service.safeParse(next);
  if (!parsed.success) return { errors: parsed.error.issues.map((i) => `${i.path.join('.') || 'id'}: ${i.message}`) };
  return { service: parsed.data };
}

/** A field's name in this run's language, for errors made far from a command. */
const fieldLabel = (k: keyof ServiceFields): string => m()[`field_${k}`];

/** The fields that differ between two versions of a service, as `klassning: K2R2T2S2 → K3R2T2S2`. */
export function serviceDiff(before: Service, after: Service, lang: Lang = 'sv'): string[] {
  const labels = (k: keyof ServiceFields): string => msg(lang)[`field_${k}`];
  const show = (v: unknown): string => (v === undefined || v === null ? '–' : v === true ? t('yes', lang) : v === false ? t('no', lang) : v === 'okänt' ? t('unknownValue', lang) : typeof v === 'object' ? `K${(v as Record<string, number>)['K']}R${(v as Record<string, number>)['R']}T${(v as Record<string, number>)['T']}S${(v as Record<string, number>)['S']}` : String(v));
  const keys: (keyof Service & keyof ServiceFields)[] = ['name', 'owner', 'area', 'supplier', 'personalData', 'sensitiveData', 'thirdCountry', 'classification'];
  return keys
    .filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null))
    .map((k) => `${labels(k)}: ${show(before[k])} → ${show(after[k])}`.replace('→ –', k === 'classification' ? `→ ${msg(lang).reg_notClassified}` : '→ –'));
}
