/**
 * The active shipment's detail panel, as the registry's: its fields, the IKM it belongs to (one
 * click opens it in the registry), where it came from (the import's file — sheet and row when
 * the import recorded them — batch, user, day) and its change history (shipment_audit).
 */
import { useEffect, useState } from 'react';
import type { ShipmentAuditEntry, ShipmentSource } from '../../../shared/contract';
import type { IkmRecord } from '../../../shared/fields';
import { SHIPMENT_FIELDS, type ShipmentRecord } from '../../../shared/shipments';
import { api } from '../../api/client';
import { DetailFrame } from '../../grid/DetailFrame';
import { HistoryList } from '../../grid/HistoryList';
import { useI18n } from '../../i18n/i18n';
import { useNavigate } from '../../navigate';
import { shipmentText, type ShipmentDisplay } from './columns';

const day = (iso: string) => {
  const d = new Date(iso);
  return `${d.getDate()}/${d.getMonth() + 1}/${d.getFullYear()}`;
};

export function ShipmentDetail({ row, display, onClose, version }: { row: ShipmentRecord | undefined; display: ShipmentDisplay; onClose(): void; version: number }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [history, setHistory] = useState<ShipmentAuditEntry[]>([]);
  const [source, setSource] = useState<ShipmentSource | null>(null);
  const [ikm, setIkm] = useState<IkmRecord | null>(null);
  // Reloaded when another shipment becomes active, when it was saved, and after any write (version).
  const id = row?.id;
  const updated = row?.updated_at;
  const ikmId = row?.ikm_id;
  useEffect(() => {
    if (id == null) return setHistory([]);
    let live = true;
    void api.call('shipments.history', { id }).then((h) => live && setHistory(h), () => live && setHistory([]));
    void api.call('shipments.source', { id }).then((s) => live && setSource(s), () => live && setSource(null));
    return () => {
      live = false;
    };
  }, [id, updated, version]);
  useEffect(() => {
    if (ikmId == null) return setIkm(null);
    let live = true;
    void api.call('ikm.get', { id: ikmId }).then((r) => live && setIkm(r), () => live && setIkm(null));
    return () => {
      live = false;
    };
  }, [ikmId, version]);

  // The registry shows that one IKM: a NIB is unique there (a header filter on it, which "Hapus filter" clears).
  const openIkm = (r: IkmRecord) => navigate({ tab: 'registry', filter: r.nib ? { values: [{ field: 'nib', values: [r.nib] }] } : { search: r.business_name } });

  return (
    <DetailFrame label={t('ship.detail.title')} heading={row?.exporter_name} onClose={onClose}>
      {row ? (
        <>
          <dl className="detail-fields">
            {SHIPMENT_FIELDS.map((f) => (
              <div key={f.key}>
                <dt>{t(`ship.${f.key}`)}</dt>
                <dd>{shipmentText(row, f.key, display) || '—'}</dd>
              </div>
            ))}
            <div>
              <dt>{t('ship.detail.ikm')}</dt>
              <dd data-testid="shipment-ikm">
                {ikm ? (
                  <button type="button" className="link" onClick={() => openIkm(ikm)} title={t('ship.detail.openIkm', { name: ikm.business_name })}>
                    {ikm.business_name}
                  </button>
                ) : (
                  <span className="muted">{t('ship.detail.noIkm')}</span>
                )}
              </dd>
            </div>
          </dl>
          <p className="muted" data-testid="shipment-source">
            {!source
              ? t('ship.detail.typed')
              : source.sheet != null && source.row != null
                ? t('ship.detail.source', { file: source.file, sheet: source.sheet, row: source.row, batch: source.batch_id, user: source.os_user, date: day(source.at) })
                : t('ship.detail.sourceFile', { file: source.file, batch: source.batch_id, user: source.os_user, date: day(source.at) })}
          </p>
          <HistoryList items={history} fieldName={(f) => t(`ship.${f}` as 'ship.date')} />
        </>
      ) : null}
    </DetailFrame>
  );
}
