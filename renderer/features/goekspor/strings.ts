/** UI strings of the Go Ekspor screens, merged into renderer/i18n/dictionary.ts. */
export const GOEKSPOR_ID = {
  'nav.goekspor': 'Go Ekspor',
} as const;

export const GOEKSPOR_EN: Record<keyof typeof GOEKSPOR_ID, string> = {
  'nav.goekspor': 'Go Export',
};
