/**
 * Cadangan: the registry's backups (date, why it was made, IKM count, size), a backup made on
 * request, a restore (confirmed, the current registry backed up first, every screen reloaded on
 * the restored file), and a copy to a folder the user picks (a flash drive) — a save through
 * Electron's folder dialog, or a download in the browser host.
 */
import { useCallback, useEffect, useState } from 'react';
import { BACKUP_REASON_LABEL, type BackupInfo } from '../../../shared/backups';
import type { Result } from '../../../shared/contract';
import { api } from '../../api/client';
import { useConfirm } from '../../components/ConfirmDialog';
import { download } from '../../files';
import { LOCALES } from '../../../shared/locale';
import { useI18n } from '../../i18n/i18n';
import { useToast } from '../../toast';

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function BackupsPage({ currentCount, onRestored }: { currentCount: number | null; onRestored(): void }) {
  const { t, lang } = useI18n();
  const notify = useToast();
  const [list, setList] = useState<Result<'backups.list'> | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const confirm = useConfirm();

  const locale = LOCALES[lang];
  const when = (iso: string) => new Date(iso).toLocaleString(locale, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  const size = (n: number) => `${(n / 1024 / 1024).toLocaleString(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 })} MB`;
  const num = (n: number | null) => (n == null ? t('bk.unreadable') : n.toLocaleString(locale));

  const load = useCallback(() => void api.call('backups.list', {}).then(setList, (e: unknown) => notify(errorText(e), { tone: 'error' })), [notify]);
  useEffect(load, [load]);

  const run = async (label: string, work: () => Promise<void>) => {
    setBusy(label);
    try {
      await work();
    } catch (e) {
      notify(errorText(e), { tone: 'error' });
    } finally {
      setBusy(null);
      load();
    }
  };

  const create = () =>
    run(t('bk.creating'), async () => {
      const b = await api.call('backups.create', {});
      notify(t('bk.created', { name: b.id }));
    });

  const copy = (b: BackupInfo) =>
    run(b.id, async () => {
      const r = await api.call('backups.copy', { id: b.id });
      if ('dataBase64' in r) {
        download(r.name, r.dataBase64);
        notify(t('bk.downloaded', { name: r.name }));
      } else if (r.path) notify(t('bk.copied', { path: r.path }));
    });

  const restore = async (b: BackupInfo) => {
    const ok = await confirm({
      title: t('bk.confirmTitle', { at: when(b.at) }),
      body: t('bk.confirmBody', { count: num(b.ikmCount), current: num(currentCount) }),
      confirm: t('bk.confirm'),
      danger: true,
    });
    if (!ok) return;
    await run(t('bk.restoring'), async () => {
      const r = await api.call('backups.restore', { id: b.id });
      notify(t('bk.restored', { at: when(b.at), count: num(r.ikmCount) }));
      onRestored();
    });
  };

  return (
    <section className="backups" aria-labelledby="backups-title">
      <header className="backups-head">
        <div>
          <h1 id="backups-title">{t('bk.title')}</h1>
          <p className="muted">{t('bk.intro', { keep: list?.keep ?? 10 })}</p>
          {list && <p className="backups-dir muted">{t('bk.folder', { dir: list.dir })}</p>}
        </div>
        <button type="button" className="primary" disabled={busy != null} onClick={() => void create()}>
          {busy === t('bk.creating') ? t('bk.creating') : t('bk.create')}
        </button>
      </header>

      {busy === t('bk.restoring') && <p className="backups-busy" role="status">{t('bk.restoring')}</p>}

      {list && list.backups.length === 0 && <p className="panel-note muted">{t('bk.none')}</p>}
      {list && list.backups.length > 0 && (
        <table className="data-table backups-table" aria-label={t('bk.title')}>
          <thead>
            <tr>
              <th>{t('bk.col.at')}</th>
              <th>{t('bk.col.reason')}</th>
              <th className="num">{t('bk.col.count')}</th>
              <th className="num">{t('bk.col.size')}</th>
              <th>{t('bk.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.backups.map((b) => (
              <tr key={b.id} data-backup={b.id}>
                <td title={b.id}>{when(b.at)}</td>
                <td>{BACKUP_REASON_LABEL[b.reason][lang]}</td>
                <td className="num">{num(b.ikmCount)}</td>
                <td className="num">{size(b.size)}</td>
                <td>
                  <div className="backup-actions">
                    <button type="button" disabled={busy != null || b.ikmCount == null} onClick={() => void restore(b)}>
                      {t('bk.restore')}
                    </button>
                    <button type="button" disabled={busy != null} onClick={() => void copy(b)}>
                      {t('bk.copy')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="backups-howto muted">{t('bk.howto')}</p>
    </section>
  );
}
