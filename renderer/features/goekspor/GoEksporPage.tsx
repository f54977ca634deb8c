import { useI18n } from '../../i18n/i18n';

export function GoEksporPage() {
  const { t } = useI18n();
  return <section className="page">{t('nav.goekspor')}</section>;
}
