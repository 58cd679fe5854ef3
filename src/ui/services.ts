import type { RegisterChange, Service } from '../store/schema.js';
import { formatClassification } from '../store/classification.js';
import { serviceDiff } from '../store/service-fields.js';
import { msg, t, type Lang } from './i18n.js';
import { grid, labelled, terminalWidth, wrap } from './layout.js';
import { bold, dim } from './style.js';

const unknown = (s: string) => dim(s);
/** ja, nej or okänt (yes, no, unknown) in the language shown. */
const flag = (v: boolean | 'okänt', lang: Lang): string => (v === 'okänt' ? t('unknownValue', lang) : t(v ? 'yes' : 'no', lang));

function personal(s: Service, lang: Lang): string {
  if (s.personalData === false) return t('no', lang);
  const parts = [s.personalData === 'okänt' ? unknown(t('unknownValue', lang)) : t('yes', lang)];
  if (s.sensitiveData === true) parts.push(t('sensitive', lang));
  else if (s.sensitiveData === 'okänt') parts.push(unknown(t('reg_sensitiveUnknown', lang)));
  if (s.thirdCountry === true) parts.push(t('thirdCountry', lang));
  else if (s.thirdCountry === 'okänt') parts.push(unknown(t('reg_thirdCountryUnknown', lang)));
  return parts.join(', ');
}

export function renderServiceList(organisation: string, services: readonly Service[], lang: Lang, width = terminalWidth()): string {
  const head = [t('id', lang), t('name', lang), t('owner', lang), t('reg_area', lang), t('supplier', lang), t('personalData', lang), t('classification', lang)];
  const rows: string[][] = [];
  for (const s of services) {
    rows.push([
      s.id + (s.retired ? dim(t('reg_retiredTag', lang)) : ''),
      s.name,
      s.owner ?? dim('–'),
      s.area ?? dim('–'),
      s.supplier === 'okänt' ? unknown(t('unknownValue', lang)) : s.supplier ?? dim('–'),
      personal(s, lang),
      s.classification === null ? unknown(t('reg_notClassified', lang)) : formatClassification(s.classification),
    ]);
  }
  const table = grid(head, rows, { width, columns: [{ fit: 'keep' }, { fit: 'text', min: 12 }, { fit: 'text', min: 12 }, { fit: 'text', min: 8 }, { fit: 'text', min: 12 }] });
  return `${bold(wrap(msg(lang).reg_count(organisation, services.length), width))}\n${table}`;
}

export function renderServiceDetail(s: Service, history: readonly RegisterChange[], lang: Lang, width = terminalWidth()): string {
  const l = msg(lang);
  const field = (label: string, value: string) => labelled(label, value, width, '  ');
  const out = [
    wrap(`${bold(s.name)} ${dim(`(${s.id})`)}${s.retired ? ` · ${l.reg_retired} ${s.retired.at.slice(0, 10)}: ${s.retired.reason}` : ''}`, width, { hanging: '  ' }),
    field(t('owner', lang), s.owner ?? '–'),
    field(l.reg_area, s.area ?? '–'),
    field(t('supplier', lang), s.supplier === 'okänt' ? t('unknownValue', lang) : s.supplier ?? l.reg_noSupplier),
    field(l.reg_personalData, `${flag(s.personalData, lang)}, ${t('sensitive', lang)}: ${flag(s.sensitiveData, lang)}, ${t('thirdCountry', lang)}: ${flag(s.thirdCountry, lang)}`),
    field(t('classification', lang), s.classification === null ? l.reg_notClassified : formatClassification(s.classification)),
  ];
  if (history.length > 0) {
    out.push('', bold(l.reg_history));
    const versions = [...history.map((h) => h.before), s];
    history.forEach((h, i) => {
      const next = versions[i + 1]!;
      const what = h.before === null ? l.reg_registered : serviceDiff(h.before, next, lang).join('; ') || (next.retired && !h.before.retired ? l.reg_retired : l.reg_unchanged);
      out.push(wrap(`  ${h.at.slice(0, 16).replace('T', ' ')} ${h.by}: ${what}`, width, { hanging: '    ' }));
    });
  }
  return out.join('\n');
}
