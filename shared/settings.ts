/**
 * The settings `settings.get`/`settings.set` may touch, each with its own schema: screen
 * preferences only. Everything else kept in the settings table (letterhead and signer, Go Ekspor
 * limits, saved import mappings) has its own method with its own validation, so no generic call
 * can remap future imports or lift a limit.
 */
import { z } from 'zod';
import { COMPUTED_KEYS, IKM_FIELD_KEYS } from './fields';
import { SHIPMENT_FIELD_KEYS } from './shipments';

const columnKey = z.enum([...COMPUTED_KEYS, ...IKM_FIELD_KEYS] as [string, ...string[]]);
const shipmentKey = z.enum(SHIPMENT_FIELD_KEYS as [string, ...string[]]);
const width = z.number().int().min(20).max(2000);

export const UI_SETTINGS = {
  'ui.lang': z.enum(['id', 'en']),
  /** The registry grid's column order, hidden columns and widths. */
  'registry.columns': z
    .object({ order: z.array(columnKey).max(100), hidden: z.array(columnKey).max(100), widths: z.partialRecord(columnKey, width) })
    .strict(),
  'shipments.widths': z.partialRecord(shipmentKey, width),
  /** The office's own province (BPS code), where the dashboard and the reports open; "all" for all of Kalimantan. */
  'office.province': z.string().regex(/^(\d{2}|all)$/),
} as const;

export type UiSettingKey = keyof typeof UI_SETTINGS;
export const UI_SETTING_KEYS = Object.keys(UI_SETTINGS) as [UiSettingKey, ...UiSettingKey[]];
