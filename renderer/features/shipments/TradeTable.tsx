/** The province's BPS export/import figures: a small table typed in or imported, feeding the trade-balance report. */
import { useEffect, useState } from 'react';
import { monthName } from '../../../shared/locale';
import { TRADE_FIELD_KEYS, type TradeStat } from '../../../shared/shipments';
import { parseIdNumber } from '../../../shared/parse';
import { api } from '../../api/client';
import { ProvinceSelect } from '../../components/AreaSelect';
import { formatNumber } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { useToast } from '../../toast';
import { ImportDialog, type ImportFile } from '../../components/ImportDialog';

const EMPTY = { year: String(new Date().getFullYear() - 1), month: '0', export_usd: '', import_usd: '' };

export function TradeTable() {
  const { t, lang } = useI18n();
  const notify = useToast();
  const [rows, setRows] = useState<TradeStat[]>([]);
  const [draft, setDraft] = useState(EMPTY);
  // BPS figures are per province: the table shows and edits one province's at a time (at first,
  // the province that already has figures; else the core's office province).
  const [province, setProvince] = useState<string | null>(null);
  // Only a province the user picked is sent with an import: else the table's title names it (or the office's is taken).
  const [chosen, setChosen] = useState(false);
  useEffect(() => {
    if (province) void api.call('trade.list', { province }).then(setRows);
    else void api.call('trade.list', {}).then((all) => setProvince(all[0]?.province_code ?? '62'));
  }, [province]);
  const fail = (e: unknown) => notify(e instanceof Error ? e.message : String(e), { tone: 'error' });

  const save = async () => {
    const ex = parseIdNumber(draft.export_usd);
    const im = parseIdNumber(draft.import_usd);
    if (!ex.ok || !im.ok) return notify(t('error.generic', { message: 'Nilai ekspor/impor bukan angka.' }), { tone: 'error' });
    try {
      setRows(await api.call('trade.set', { province_code: province ?? undefined, year: Number(draft.year), month: Number(draft.month), export_usd: ex.value, import_usd: im.value, source: 'Diketik' }));
      notify(t('trade.saved'));
      setDraft({ ...EMPTY, year: draft.year });
    } catch (e) {
      fail(e);
    }
  };
  const importFile = (files: ImportFile[], dryRun: boolean) => {
    const { name, dataBase64, mapping } = files[0]!;
    return api.call('trade.import', { file: { name, dataBase64 }, mapping, dryRun, province: chosen ? (province ?? undefined) : undefined });
  };
  const years = Array.from({ length: 30 }, (_, i) => new Date().getFullYear() - i);
  return (
    <div className="trade">
      <h2>{t('trade.title')}</h2>
      <p className="muted">{t('trade.hint')}</p>
      <form
        className="trade-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label>
          {t('trade.province')}
          <ProvinceSelect value={province ?? undefined} onChange={(code) => {
              if (!code) return;
              setProvince(code);
              setChosen(true);
            }}
          />
        </label>
        <label>
          {t('trade.year')}
          <select value={draft.year} onChange={(e) => setDraft({ ...draft, year: e.target.value })}>
            {years.map((y) => (
              <option key={y}>{y}</option>
            ))}
          </select>
        </label>
        <label>
          {t('trade.month')}
          <select value={draft.month} onChange={(e) => setDraft({ ...draft, month: e.target.value })}>
            <option value="0">{t('trade.wholeYear')}</option>
            {Array.from({ length: 12 }, (_, i) => (
              <option key={i + 1} value={i + 1}>
                {monthName(i + 1, lang)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('trade.export')}
          <input inputMode="decimal" value={draft.export_usd} onChange={(e) => setDraft({ ...draft, export_usd: e.target.value })} />
        </label>
        <label>
          {t('trade.import')}
          <input inputMode="decimal" value={draft.import_usd} onChange={(e) => setDraft({ ...draft, import_usd: e.target.value })} />
        </label>
        <button type="submit" className="primary">
          {t('trade.save')}
        </button>
        <ImportDialog
          label={t('trade.importFile')}
          accept=".xlsx,.xlsm,.xls,.ods,.csv"
          fields={TRADE_FIELD_KEYS}
          fieldLabel={(k) => t(`trade.field.${k}` as never)}
          run={importFile}
          done={(r) => {
            const f = r.files[0]!;
            return t('ship.preview', { file: f.file, accepted: f.accepted, updated: f.updated, unchanged: f.unchanged, refused: f.refused.length });
          }}
          onImported={(r) => {
            // Show the province the figures went to (the table's title may name another than the one shown).
            const went = r.files.find((f) => f.status === 'imported')?.provinces?.[0]?.code;
            if (went && went !== province) setProvince(went);
            else void api.call('trade.list', { province: province ?? undefined }).then(setRows, fail);
          }}
        />
      </form>
      {rows.length === 0 ? (
        <p className="muted">{t('trade.empty')}</p>
      ) : (
        <table className="data-table trade-table">
          <thead>
            <tr>
              <th>{t('trade.year')}</th>
              <th>{t('trade.month')}</th>
              <th className="num">{t('trade.export')}</th>
              <th className="num">{t('trade.import')}</th>
              <th className="num">{t('trade.balance')}</th>
              <th>
                <span className="sr-only">{t('trade.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.province_code}-${r.year}-${r.month}`}>
                <td>{r.year}</td>
                <td>{r.month === 0 ? t('trade.wholeYear') : monthName(r.month, lang)}</td>
                <td className="num">{formatNumber(r.export_usd)}</td>
                <td className="num">{formatNumber(r.import_usd)}</td>
                <td className="num">{r.export_usd != null && r.import_usd != null ? formatNumber(r.export_usd - r.import_usd) : ''}</td>
                <td className="actions">
                  <button type="button" onClick={() => setDraft({ year: String(r.year), month: String(r.month), export_usd: String(r.export_usd ?? ''), import_usd: String(r.import_usd ?? '') })}>
                    {t('trade.edit')}
                  </button>
                  <button type="button" onClick={() => void api.call('trade.delete', { province_code: r.province_code, year: r.year, month: r.month }).then(setRows, fail)}>
                    {t('trade.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
