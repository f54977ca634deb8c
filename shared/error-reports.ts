/**
 * Which error reports an import gives: one per district (the file a trade office sends back to
 * it), holding its files' refused rows and the cells the province fixed in the wizard; a file
 * refused whole without a known district has a report of its own, named after the file. The core
 * writes them (electron/core/import/error-report.ts); the wizard offers one button per report.
 */
import type { DistrictResolver } from './areas';
import type { FileReport } from './import';

export interface ErrorReportGroup {
  /** "6208" for a district, "berkas:<file name>" for a refused file of no known district. */
  key: string;
  /** "Kabupaten Seruyan", or the file's name. */
  label: string;
  files: FileReport[];
  refused: number;
  fixed: number;
}

export function errorReportGroups(files: readonly FileReport[], resolver: DistrictResolver): ErrorReportGroup[] {
  const groups = new Map<string, ErrorReportGroup>();
  for (const f of files) {
    const fixed = f.fixed?.length ?? 0;
    if (f.refused.length === 0 && fixed === 0 && f.status !== 'refused') continue;
    const code = f.district?.code ?? f.district?.suggested ?? null;
    const d = code ? resolver.get(code) : undefined;
    const key = d ? d.code : `berkas:${f.file}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, label: d ? `${d.type} ${d.name}` : f.file, files: [], refused: 0, fixed: 0 }));
    g.files.push(f);
    g.refused += f.refused.length;
    g.fixed += fixed;
  }
  return [...groups.values()];
}
