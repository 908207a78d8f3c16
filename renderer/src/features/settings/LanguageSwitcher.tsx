import { Select, Space, Typography } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../../shared/i18n/languages';
import { call } from '../../bridge';

/** The choice is saved in the workspace settings, so the next start opens in the same language. */
export function LanguageSwitcher({ value, onChange }: { value: Language; onChange(language: Language): void }) {
  const { t, i18n } = useTranslation();
  const change = async (language: Language) => {
    const saved = await call('settings.update', { language });
    await i18n.changeLanguage(saved.language);
    document.documentElement.lang = saved.language;
    onChange(saved.language);
  };
  return (
    <Space>
      <GlobalOutlined style={{ color: '#fff' }} aria-hidden />
      <Typography.Text style={{ color: '#fff' }}>{t('app.language')}</Typography.Text>
      <Select
        data-testid="language-select"
        aria-label={t('app.language')}
        value={value}
        onChange={(language) => void change(language)}
        style={{ width: 120 }}
        options={LANGUAGES.map((language) => ({ value: language, label: t(`languages.${language}`) }))}
      />
    </Space>
  );
}
