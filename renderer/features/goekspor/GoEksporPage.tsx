/**
 * Go Ekspor: featured products per governor's decree, legality and certificates, program
 * activities, the pipeline board with export readiness, and the program's dashboard.
 */
import { useState } from 'react';
import { api } from '../../api/client';
import { download } from '../../files';
import { useI18n } from '../../i18n/i18n';
import { Activities } from './Activities';
import { Board } from './Board';
import { Certificates } from './Certificates';
import { useRun } from './common';
import { Dashboard } from './Dashboard';
import { Featured } from './Featured';

const VIEWS = ['board', 'featured', 'certs', 'activities', 'dashboard'] as const;
type View = (typeof VIEWS)[number];

export function GoEksporPage() {
  const { t } = useI18n();
  const run = useRun();
  const [view, setView] = useState<View>('board');
  return (
    <div className="registry goekspor">
      <div className="subtabs">
        {/* The tablist holds only its tabs; the export button sits beside it. */}
        <div role="tablist" aria-label={t('nav.goekspor')} className="subtab-list">
          {VIEWS.map((v) => (
            <button key={v} type="button" role="tab" aria-selected={view === v} className={view === v ? 'subtab active' : 'subtab'} onClick={() => setView(v)}>
              {t(`ge.tab.${v}`)}
            </button>
          ))}
        </div>
        <button type="button" className="ge-export" onClick={() => void run(api.call('goekspor.exportXlsx', {})).then((r) => r && download(r.name, r.dataBase64))}>
          {t('ge.exportXlsx')}
        </button>
      </div>
      <div className="ge-body" role="tabpanel" aria-label={t(`ge.tab.${view}`)}>
        {view === 'board' && <Board />}
        {view === 'featured' && <Featured />}
        {view === 'certs' && <Certificates />}
        {view === 'activities' && <Activities />}
        {view === 'dashboard' && <Dashboard />}
      </div>
    </div>
  );
}
