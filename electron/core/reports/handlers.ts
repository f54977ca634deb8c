/** The Reports screen's side of the contract: preview, .xlsx, PDF, and the kop surat settings. */
import type { Args } from '../../../shared/contract';
import type { DB } from '../db/open';
import { fileName, getLetterhead, previewReport, reportPdf, reportXlsx, setLetterhead, type PdfPrinter } from './service';

export function reportHandlers(print: PdfPrinter | undefined) {
  return {
    'reports.preview': (db: DB, a: Args<'reports.preview'>) => previewReport(db, a.name, a.params),
    'reports.xlsx': async (db: DB, a: Args<'reports.xlsx'>) => ({ name: fileName(a.name, a.params, 'xlsx'), dataBase64: (await reportXlsx(db, a.name, a.params)).toString('base64') }),
    'reports.pdf': async (db: DB, a: Args<'reports.pdf'>) => {
      if (!print) throw new Error('PDF tidak dapat dibuat di sini: tidak ada Chromium.');
      return { name: fileName(a.name, a.params, 'pdf'), dataBase64: (await reportPdf(db, a.name, a.params, print)).toString('base64') };
    },
    'reports.letterhead': (db: DB) => getLetterhead(db),
    'reports.setLetterhead': (db: DB, a: Args<'reports.setLetterhead'>) => setLetterhead(db, a),
  };
}
