import type { ServiceRegister } from '../store/schema.js';
import { t, type Lang } from './i18n.js';
import { table } from './score.js';
import { bold, dim } from './style.js';

export function renderServiceList(register: ServiceRegister, lang: Lang): string {
  const rows = table([t('id', lang), t('name', lang), t('owner', lang), t('supplier', lang), t('personalData', lang), t('classification', lang)]);
  for (const s of register.services) {
    const personal = s.personalData
      ? [t('yes', lang), s.sensitiveData ? t('sensitive', lang) : '', s.thirdCountry ? t('thirdCountry', lang) : ''].filter(Boolean).join(', ')
      : t('no', lang);
    const c = s.classification;
    rows.push([s.id, s.name, s.owner ?? dim('–'), s.supplier ?? dim('–'), personal, `K${c.K}R${c.R}T${c.T}S${c.S}`]);
  }
  return `${bold(register.organisation.name)}: ${register.services.length} ${lang === 'sv' ? 'tjänster' : 'services'}\n${rows.toString()}`;
}
