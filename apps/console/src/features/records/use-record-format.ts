import { formatDate, formatDateTime } from '@xinfang/client/format';
import type { BilingualMessage } from '@xinfang/domain/messages';
import { roleLabels, type Role } from '@xinfang/domain/staff';
import { useI18n } from 'vue-i18n';
import { currentLanguage } from '../../i18n.ts';
import { describeField, facetValueLabel, type EnumOption, type ScreenKind } from './record-fields.ts';

/** A scalar as text; anything else as JSON (a value no control knows, shown rather than hidden). */
function asText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

/**
 * Labels and values of a kind's records in the current language: the declaration's and the domain's labels first, the
 * console's locale where the domain has none (an enum without a label table, a facet's name).
 */
export function useRecordFormat() {
  const i18n = useI18n();
  const t = i18n.t;
  const te = (key: string) => i18n.te(key);
  const bilingual = (message: BilingualMessage) => message[currentLanguage.value];

  /** An enum value's label: the domain's table, else `records.options.<kind>.<field>.<value>`, else the value. */
  function optionLabel(kind: ScreenKind, fieldKey: string, option: EnumOption): string {
    if (option.label) return bilingual(option.label);
    const key = `records.options.${kind.kind}.${fieldKey}.${option.value}`;
    return te(key) ? t(key) : option.value;
  }

  /** A kind's name inside a sentence: "New care form" in English, 新建健康关爱表 in Chinese. */
  function kindInText(kind: ScreenKind): string {
    const label = bilingual(kind.labels);
    return currentLanguage.value === 'en' ? label.charAt(0).toLowerCase() + label.slice(1) : label;
  }

  function fieldLabel(kind: ScreenKind, key: string): string {
    const declared = kind.fields[key];
    if (declared) return bilingual(declared);
    return te(`records.facets.${key}`) ? t(`records.facets.${key}`) : key;
  }

  /** A value as a person reads it: Beijing dates, enum labels, 是/否; '—' for nothing. */
  function formatValue(kind: ScreenKind, key: string, value: unknown): string {
    if (value === undefined || value === null || value === '') return '—';
    const { control } = describeField(kind, key);
    switch (control.control) {
      case 'instant':
        return formatDateTime(asText(value), currentLanguage.value);
      case 'day':
        return formatDate(`${asText(value)}T00:00:00+08:00`, currentLanguage.value);
      case 'select':
        return optionLabel(kind, key, control.options.find((option) => option.value === value) ?? { value: asText(value), label: undefined });
      case 'multiSelect': {
        const values = value as readonly string[];
        if (values.length === 0) return '—';
        return values.map((item) => optionLabel(kind, key, control.options.find((option) => option.value === item) ?? { value: item, label: undefined })).join(t('records.listSeparator'));
      }
      case 'switch':
        return value ? t('records.yes') : t('records.no');
      case 'petitions':
        return (value as readonly string[]).length === 0 ? '—' : t('records.petitionCount', { n: (value as readonly string[]).length });
      default:
        return asText(value);
    }
  }

  /** A facet's value: its label when the domain has one (a grade), else the value itself. */
  function formatFacet(kind: ScreenKind, key: string, value: unknown): string {
    if (value === undefined || value === null) return '—';
    const label = facetValueLabel(kind, key, value);
    if (label) return bilingual(label);
    if (typeof value === 'boolean') return value ? t('records.yes') : t('records.no');
    return asText(value);
  }

  function roleLabel(role: string | null): string {
    if (!role) return t('records.history.system');
    return Object.hasOwn(roleLabels, role) ? bilingual(roleLabels[role as Role]) : role;
  }

  return { bilingual, kindInText, optionLabel, fieldLabel, formatValue, formatFacet, roleLabel };
}
