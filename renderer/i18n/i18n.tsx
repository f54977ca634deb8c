import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { format, message, type Lang, type MessageKey } from '../../shared/messages';
import { api } from '../api/client';
import { setFormatLang } from '../format';
import { DICTIONARY, type UiKey } from './dictionary';

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: UiKey, params?: Record<string, string | number>): string;
  /** A key built at run time (a chart's `chart.<id>`, a stage's `ge.stage.<stage>`): its text, or `fallback` when the dictionary has none. */
  tr(key: string, fallback: string): string;
  /** A message from the core (validation, errors) in the current language. */
  m(key: MessageKey, params?: Record<string, string | number>): string;
}

const Ctx = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>('id');
  useEffect(() => {
    api.call('settings.get', { key: 'ui.lang' }).then((v) => (v === 'en' || v === 'id') && setLangState(v), () => {});
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18n>(() => {
    // Before any screen below renders with the new language, numbers and dates switch with it.
    setFormatLang(lang);
    return {
      lang,
      setLang(next) {
        setLangState(next);
        void api.call('settings.set', { key: 'ui.lang', value: next });
      },
      t: (key, params) => format(DICTIONARY[lang][key] ?? key, params),
      tr: (key, fallback) => (DICTIONARY[lang] as Record<string, string | undefined>)[key] ?? fallback,
      m: (key, params) => message(lang, key, params),
    };
  }, [lang]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
