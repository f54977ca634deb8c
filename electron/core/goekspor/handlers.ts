/** The Go Ekspor side of the contract (see shared/goekspor-contract.ts). */
import type { Args } from '../../../shared/contract';
import type { DB } from '../db/open';
import { dashboard } from './dashboard';
import { importGoEkspor } from './import';
import { board, enrolIkm, history, moveStage, readinessOf } from './readiness';
import {
  addFeatured,
  certificateSteps,
  deleteActivity,
  deleteCertificate,
  deleteDecree,
  listActivities,
  listCertificates,
  listDecrees,
  listParticipants,
  localToday,
  removeFeatured,
  removeParticipant,
  saveActivity,
  saveCertificate,
  saveDecree,
  setParticipant,
  setStuckMonths,
  stuckMonths,
} from './store';
import { goEksporWorkbook } from './xlsx';

export const goEksporHandlers = {
  'goekspor.decrees': (db: DB) => listDecrees(db),
  'goekspor.saveDecree': (db: DB, a: Args<'goekspor.saveDecree'>) => saveDecree(db, a),
  'goekspor.deleteDecree': (db: DB, a: Args<'goekspor.deleteDecree'>) => ({ deleted: deleteDecree(db, a.id) }),
  'goekspor.addFeatured': (db: DB, a: Args<'goekspor.addFeatured'>) => addFeatured(db, a),
  'goekspor.removeFeatured': (db: DB, a: Args<'goekspor.removeFeatured'>) => ({ deleted: removeFeatured(db, a.id) }),
  'goekspor.certificates': (db: DB, a: Args<'goekspor.certificates'>) => listCertificates(db, a),
  'goekspor.saveCertificate': (db: DB, a: Args<'goekspor.saveCertificate'>) => saveCertificate(db, a),
  'goekspor.deleteCertificate': (db: DB, a: Args<'goekspor.deleteCertificate'>) => ({ deleted: deleteCertificate(db, a.id) }),
  'goekspor.certificateSteps': (db: DB, a: Args<'goekspor.certificateSteps'>) => certificateSteps(db, a.id),
  'goekspor.stuckMonths': (db: DB) => stuckMonths(db),
  'goekspor.setStuckMonths': (db: DB, a: Args<'goekspor.setStuckMonths'>) => setStuckMonths(db, a.months),
  'goekspor.activities': (db: DB) => listActivities(db),
  'goekspor.saveActivity': (db: DB, a: Args<'goekspor.saveActivity'>) => saveActivity(db, a),
  'goekspor.deleteActivity': (db: DB, a: Args<'goekspor.deleteActivity'>) => ({ deleted: deleteActivity(db, a.id) }),
  'goekspor.participants': (db: DB, a: Args<'goekspor.participants'>) => listParticipants(db, a.activity_id),
  'goekspor.setParticipant': (db: DB, a: Args<'goekspor.setParticipant'>) => setParticipant(db, a).participant,
  'goekspor.removeParticipant': (db: DB, a: Args<'goekspor.removeParticipant'>) => ({ deleted: removeParticipant(db, a.activity_id, a.ikm_id) }),
  'goekspor.import': (db: DB, a: Args<'goekspor.import'>) =>
    importGoEkspor(db, { name: a.file.name, data: Buffer.from(a.file.dataBase64, 'base64') }, { kind: a.kind, activityId: a.activity_id, decreeId: a.decree_id, dryRun: a.dryRun }),
  'goekspor.board': (db: DB, a: Args<'goekspor.board'>) => board(db, a),
  'goekspor.enrol': (db: DB, a: Args<'goekspor.enrol'>) => enrolIkm(db, a.ikm_id),
  'goekspor.move': (db: DB, a: Args<'goekspor.move'>) => moveStage(db, a.ikm_id, a.stage, a.note ?? null),
  'goekspor.history': (db: DB, a: Args<'goekspor.history'>) => history(db, a.ikm_id),
  'goekspor.readiness': (db: DB, a: Args<'goekspor.readiness'>) => readinessOf(db, a.ikm_id),
  'goekspor.dashboard': (db: DB, a: Args<'goekspor.dashboard'>) => dashboard(db, a.province),
  'goekspor.exportXlsx': async (db: DB) => ({ name: `go-ekspor-${localToday()}.xlsx`, dataBase64: (await goEksporWorkbook(db)).toString('base64') }),
};
