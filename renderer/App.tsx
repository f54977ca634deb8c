import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { AppInfo, IkmFilter, IkmSort, ShipmentFilter, ShipmentSort } from '../shared/contract';
import { api } from './api/client';
import { AreasProvider } from './areas';
import { BackupsPage } from './features/backups/BackupsPage';
import { DashboardPage } from './features/dashboard/DashboardPage';
import { GoEksporPage } from './features/goekspor/GoEksporPage';
import { ImportPage } from './features/import/ImportPage';
import { ReportsPage } from './features/reports/ReportsPage';
import { ShipmentsPage } from './features/shipments/ShipmentsPage';
import { TrashPage } from './features/trash/TrashPage';
import { ConfirmProvider, useConfirm } from './components/ConfirmDialog';
import { formatNumber } from './format';
import { RegistryPage } from './features/registry/RegistryPage';
import { I18nProvider, useI18n } from './i18n/i18n';
import { NavigateProvider, type DrillRequest, type NavTarget } from './navigate';
import { ToastProvider, useToast } from './toast';

const TABS = ['registry', 'shipments', 'goekspor', 'reports', 'dashboard', 'import', 'trash', 'backups'] as const;
type Tab = (typeof TABS)[number];
const TAB_LABEL = { registry: 'nav.registry', shipments: 'nav.shipments', goekspor: 'nav.goekspor', reports: 'nav.reports', dashboard: 'nav.dashboard', import: 'nav.import', trash: 'nav.trash', backups: 'nav.backups' } as const;

function Shell() {
  const { t, lang, setLang } = useI18n();
  const [tab, setTab] = useState<Tab>('registry');
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [seeding, setSeeding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Bumped after a restore: every screen is mounted afresh and reads the restored registry.
  const [opened, setOpened] = useState(0);
  // Drill-down requests (renderer/navigate.tsx): the last filter asked of each grid.
  const [registryDrill, setRegistryDrill] = useState<DrillRequest<IkmFilter, IkmSort>>();
  const [shipmentsDrill, setShipmentsDrill] = useState<DrillRequest<ShipmentFilter, ShipmentSort>>();
  const drillSeq = useRef(0);
  const navigate = useCallback((target: NavTarget) => {
    const seq = ++drillSeq.current;
    if (target.tab === 'registry') setRegistryDrill({ filter: target.filter ?? {}, sort: target.sort ?? [], seq });
    else setShipmentsDrill({ filter: target.filter ?? {}, sort: target.sort ?? [], seq });
    setTab(target.tab);
  }, []);
  // A workbook the desktop app was opened with: the import wizard shows its preview.
  const showImport = useCallback(() => setTab('import'), []);
  const refreshInfo = () =>
    void api.call('app.info', {}).then(
      (i) => {
        setInfo(i);
        setError(null);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  // Re-read the count when coming back to the registry (an import may have filled it).
  useEffect(refreshInfo, [tab]);
  // A large registry is checked in the background after opening: ask again until it is done.
  useEffect(() => {
    if (!info?.checking) return;
    const timer = setTimeout(refreshInfo, 2000);
    return () => clearTimeout(timer);
  }, [info]);

  // The first-run screen only for a registry that never had a record: one emptied by deleting
  // keeps its grid, toolbar and undo history (the deleted rows are in Sampah).
  const empty = info != null && info.ikmCount === 0 && info.deletedCount === 0;
  const confirm = useConfirm();
  const notify = useToast();
  const [registryKey, setRegistryKey] = useState(0);
  const removeDemo = async () => {
    if (!info) return;
    const n = formatNumber(info.demoCount);
    if (!(await confirm({ title: t('demo.removeTitle'), body: t('demo.removeBody', { n }), confirm: t('demo.remove'), danger: true }))) return;
    try {
      const r = await api.call('demo.remove', {});
      notify(t('demo.removed', { ikm: formatNumber(r.ikm), s: formatNumber(r.shipments), t: formatNumber(r.trade), g: formatNumber(r.goEkspor) }));
      setRegistryKey((k) => k + 1);
      refreshInfo();
    } catch (e) {
      notify((e as Error).message, { tone: 'error' });
    }
  };
  // A tab picked by hand opens its grid unfiltered, as before; a drill-down is one visit.
  const pickTab = (k: Tab) => {
    setRegistryDrill(undefined);
    setShipmentsDrill(undefined);
    setTab(k);
  };
  // ARIA tabs: one tab in the Tab order (roving tabindex); ←/→ move to the neighbour, Home/End to the ends.
  const onTabKey = (e: KeyboardEvent) => {
    const i = TABS.indexOf(tab);
    const next = e.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length] : e.key === 'ArrowLeft' ? TABS[(i - 1 + TABS.length) % TABS.length] : e.key === 'Home' ? TABS[0] : e.key === 'End' ? TABS[TABS.length - 1] : undefined;
    if (!next) return;
    e.preventDefault();
    pickTab(next);
    document.getElementById(`tab-${next}`)?.focus();
  };
  return (
    <NavigateProvider value={navigate}>
      <div className="app">
        <header className="app-header" role="banner">
          <div className="brand">
            <img src="./icon.svg" alt="" width={28} height={28} />
            <div>
              <div className="brand-name">{t('app.title')}</div>
              <div className="brand-sub">{t('app.subtitle')}</div>
            </div>
          </div>
          <nav className="tabs" role="tablist" aria-label={t('nav.tabs')} onKeyDown={(e) => onTabKey(e)}>
            {TABS.map((k) => (
              <button key={k} type="button" role="tab" id={`tab-${k}`} aria-selected={tab === k} tabIndex={tab === k ? 0 : -1} className={tab === k ? 'tab active' : 'tab'} onClick={() => pickTab(k)}>
                {t(TAB_LABEL[k])}
              </button>
            ))}
          </nav>
          <div className="header-end">
            {info && <span className="db-path" title={info.dbPath}>{info.user} · v{info.version}</span>}
            <button type="button" className="lang" onClick={() => setLang(lang === 'id' ? 'en' : 'id')}>
              {t('lang.switch')}
            </button>
          </div>
        </header>
        {info?.readOnly && (
          <p className="registry-banner" role="alert">
            {t('banner.readOnly', { reason: info.readOnly })}
          </p>
        )}
        {info?.checking && (
          <p className="registry-banner notice" role="status">
            {t('banner.checking')}
          </p>
        )}
        {info?.damaged && (
          <div className="registry-banner damaged" role="alert">
            <p>{info.damaged}</p>
            <button type="button" onClick={() => setTab('backups')}>
              {t('banner.toBackups')}
            </button>
          </div>
        )}
        {info?.notices?.map((n) => (
          <p key={n} className="registry-banner notice" role="status">
            {n}
          </p>
        ))}
        <main className="app-main" key={opened} aria-labelledby="page-title">
          <h1 id="page-title" className="sr-only">{t(TAB_LABEL[tab])}</h1>
          {tab === 'registry' && empty && (
            <section className="first-run" aria-labelledby="first-run-title">
              <h1 id="first-run-title">{t('firstRun.title')}</h1>
              <p>{t('firstRun.body')}</p>
              <div className="first-run-actions">
                <button
                  type="button"
                  className="primary"
                  disabled={seeding}
                  onClick={() => {
                    setSeeding(true);
                    void api.call('demo.seed', { rows: 1000 }).then(
                      () => {
                        setSeeding(false);
                        refreshInfo();
                      },
                      (e: unknown) => {
                        setSeeding(false);
                        setError(e instanceof Error ? e.message : String(e));
                      },
                    );
                  }}
                >
                  {seeding ? t('firstRun.loading') : t('firstRun.demo')}
                </button>
                <button type="button" onClick={() => setTab('import')}>
                  {t('firstRun.import')}
                </button>
              </div>
            </section>
          )}
          {tab === 'registry' && info && info.demoCount > 0 && (
            <div className="demo-bar" role="note">
              <span>{t('demo.bar', { n: formatNumber(info.demoCount) })}</span>
              <button type="button" onClick={() => void removeDemo()}>
                {t('demo.remove')}
              </button>
            </div>
          )}
          {tab === 'registry' && info && !empty && <RegistryPage key={registryKey} onCountChange={refreshInfo} drill={registryDrill} />}
          {error && (
            <section className="panel-note error-note" role="alert">
              <p>{t('error.generic', { message: error })}</p>
              <button type="button" onClick={refreshInfo}>
                {t('error.retry')}
              </button>
            </section>
          )}
          {tab === 'registry' && !info && !error && <p className="panel-note muted">{t('grid.loading')}</p>}
          {tab === 'shipments' && <ShipmentsPage drill={shipmentsDrill} />}
          {tab === 'goekspor' && <GoEksporPage />}
          {tab === 'reports' && <ReportsPage />}
          {tab === 'dashboard' && <DashboardPage />}
          {tab === 'trash' && <TrashPage onRestored={refreshInfo} />}
          {tab === 'backups' && (
            <BackupsPage
              currentCount={info?.ikmCount ?? null}
              onRestored={() => {
                setOpened((n) => n + 1);
                refreshInfo();
              }}
            />
          )}
          {/* Kept mounted while hidden: a running import keeps its progress bar and Batalkan. */}
          <div className="tab-panel" hidden={tab !== 'import'}>
            <ImportPage onImported={refreshInfo} onOpened={showImport} visible={tab === 'import'} />
          </div>
        </main>
      </div>
    </NavigateProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <AreasProvider>
        <ToastProvider>
          <ConfirmProvider>
            <Shell />
          </ConfirmProvider>
        </ToastProvider>
      </AreasProvider>
    </I18nProvider>
  );
}
