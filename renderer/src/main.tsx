import { createRoot } from 'react-dom/client';
import { StrictMode } from 'react';
import './styles.css';
import notoSansScUrl from '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf?url';
import { App } from './app/App';
import { call } from './bridge';
import { initI18n } from './i18n';
import { DEFAULT_LANGUAGE } from '../../shared/i18n/languages';

/** Noto Sans SC ships with the app so Chinese never falls back to boxes on machines without CJK fonts. */
function loadBundledFont(): void {
  const face = new FontFace('Noto Sans SC', `url(${notoSansScUrl})`, { weight: '400', display: 'swap' });
  document.fonts.add(face);
  void face.load().catch(() => undefined);
}

async function boot(): Promise<void> {
  loadBundledFont();
  const settings = await call('settings.get', {}).catch(() => ({ language: DEFAULT_LANGUAGE }));
  await initI18n(settings.language);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App initialLanguage={settings.language} />
    </StrictMode>,
  );
}

void boot();
