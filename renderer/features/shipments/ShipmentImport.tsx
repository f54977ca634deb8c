/** Importing shipment lists (PEB recaps, SKA registers): the shared import dialog over `shipments.import`. */
import { SHIPMENT_FIELD_KEYS } from '../../../shared/shipments';
import { api } from '../../api/client';
import { ImportDialog } from '../../components/ImportDialog';
import { useI18n } from '../../i18n/i18n';

export function ShipmentImport({ onImported }: { onImported(): void }) {
  const { t } = useI18n();
  return (
    <ImportDialog
      label={t('ship.import')}
      accept=".xlsx,.xlsm,.xls,.ods,.csv,.txt"
      multiple
      fields={SHIPMENT_FIELD_KEYS}
      fieldLabel={(k) => t(`ship.${k}` as never)}
      run={(files, dryRun) => api.call('shipments.import', { files, dryRun })}
      done={(r) => t('ship.imported', { n: r.files.reduce((s, f) => s + f.accepted, 0), u: r.files.reduce((s, f) => s + f.updated, 0) })}
      onImported={onImported}
    />
  );
}
