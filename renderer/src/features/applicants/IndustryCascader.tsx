import { Cascader } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { INDUSTRY_SECTIONS } from '../../../../shared/domain/industries';
import { useLanguage } from '../../hooks/useLanguage';

interface Option {
  value: string;
  label: string;
  children?: Option[];
}

/**
 * GB/T 4754 section → division, named in the interface language; typing filters both levels.
 * Sections open on click, not hover: on the way from a section to one of its ~30 divisions the
 * pointer crosses other sections, and hovering them would swap the list it is heading for.
 */
export function IndustryCascader({ value, onChange, id }: { value?: string[]; onChange?: (value: string[] | undefined) => void; id?: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const options = useMemo<Option[]>(
    () =>
      INDUSTRY_SECTIONS.map((section) => ({
        value: section.code,
        label: `${section.code} ${section.name[language]}`,
        children: section.divisions.map((division) => ({ value: division.code, label: `${division.code} ${division.name[language]}` })),
      })),
    [language],
  );
  return (
    <Cascader
      id={id}
      data-testid="industry-cascader"
      options={options}
      value={value}
      onChange={(next) => onChange?.(next as string[] | undefined)}
      placeholder={t('ui.applicant.industryPlaceholder')}
      showSearch={{ filter: (input, path) => path.some((option) => String(option.label).toLowerCase().includes(input.toLowerCase())) }}
      expandTrigger="click"
      style={{ width: '100%' }}
    />
  );
}
