import { useI18n } from '../../i18n/i18n';

/** Placeholder until the import wizard lands: points to the CLI, which imports already. */
export function ImportPage(_props: { onImported(): void }) {
  const { t } = useI18n();
  return (
    <section className="panel-note">
      <p>{t('import.soon')}</p>
    </section>
  );
}
