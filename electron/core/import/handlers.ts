/** The import wizard's side of the contract: preview (a dry run), commit, history, undo, reports. */
import type { Args } from '../../../shared/contract';
import type { DB } from '../db/open';
import { districtResolver } from '../reference/areas';
import { writeErrorReports } from './error-report';
import type { ImportProgress } from '../../../shared/import';
import { ImportFileError } from './errors';
import { importFiles } from './run';
import { importSource } from './provenance';
import { listBatches, undoBatch } from './undo';

type Files = Args<'import.preview'>['files'];
const inputs = (files: Files) =>
  files.map((f) => ({ name: f.name, data: Buffer.from(f.dataBase64, 'base64'), district: f.district ?? null, mapping: f.mapping, fixes: f.fixes, decisions: f.decisions }));

/** The import in progress (one at a time): its progress for the bar, its switch for "Batalkan". */
let running: { controller: AbortController; progress: ImportProgress | null } | null = null;

export const importHandlers = {
  'import.preview': (db: DB, a: Args<'import.preview'>) => importFiles(db, inputs(a.files), { dryRun: true }),
  'import.commit': async (db: DB, a: Args<'import.commit'>) => {
    if (running) throw ImportFileError.of('imp.busy');
    const job: { controller: AbortController; progress: ImportProgress | null } = { controller: new AbortController(), progress: null };
    running = job;
    try {
      return await importFiles(db, inputs(a.files), { signal: job.controller.signal, onProgress: (p) => (job.progress = p) });
    } finally {
      running = null;
    }
  },
  'import.progress': () => running?.progress ?? null,
  'import.cancel': () => {
    running?.controller.abort();
    return { cancelled: running != null };
  },
  'import.history': (db: DB) => listBatches(db),
  'import.undo': (db: DB, a: Args<'import.undo'>) => undoBatch(db, a.batchId),
  'import.source': (db: DB, a: Args<'import.source'>) => importSource(db, a.id),
  'import.errorReports': async (db: DB, a: Args<'import.errorReports'>) => {
    const preview = await importFiles(db, inputs(a.files), { dryRun: true });
    const reports = await writeErrorReports(preview.files, districtResolver(db), { only: a.report });
    return reports.map((r) => ({ name: r.name, dataBase64: r.data.toString('base64') }));
  },
};
