import type { ApiClient } from '../../shared/api/client';
import { CREW, FLOOR, camt053, contractsCsv, payrollXlsx, thaiStatementBytes } from '../fixtures/wages/scenario';

export const SEED_PASSPHRASE = 'correct horse battery staple at sea';
const b64 = (bytes: Uint8Array | string) => Buffer.from(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes).toString('base64');

/**
 * One vessel with a crew of 20 (the wage scenario's known shortfalls and card
 * control) and three interviews with known answers in its latest audit, one
 * more in an older audit; a second vessel audited with nobody interviewed yet.
 */
export async function seedFleet(api: ApiClient): Promise<void> {
  await api.call('vault.setup', { passphrase: SEED_PASSPHRASE });
  const vessel = await api.call('vessels.create', { name: 'Sea Star 7', flag: 'THA' });
  const other = await api.call('vessels.create', { name: 'Ocean Pride', flag: 'THA' });
  await api.call('audits.create', { vesselId: other.id, place: 'Pattani', date: '2026-11-20', inspector: 'K' });
  const older = await api.call('audits.create', { vesselId: vessel.id, place: 'Songkhla', date: '2026-01-10', inspector: 'K' });
  const audit = await api.call('audits.create', { vesselId: vessel.id, place: 'Songkhla', date: '2026-11-27', inspector: 'K' });
  const crewIds: Record<string, string> = {};
  for (const pseudonym of CREW) crewIds[pseudonym] = (await api.call('interviews.crew.add', { vesselId: vessel.id, pseudonym, role: 'fisher', nationality: 'MMR', languages: ['my'] })).id;

  const safety = { present: [], place: 'Port welfare office', canBeOverheard: false };
  const consent = { language: 'my', purposeExplained: true, useExplained: true, rightToStopExplained: true, agreed: true, recordingAgreed: false };
  const interview = async (auditId: string, crew: string, answers: Record<string, string | number>) => {
    const s = await api.call('interviews.start', { auditId, crewMemberId: crewIds[crew]!, crewLanguage: 'my', safety, consent });
    for (const [path, value] of Object.entries(answers)) await api.call('interviews.answer', { interviewId: s.interview.id, path, value });
  };
  // C01: documents held by the captain (coercion) and a job not as promised (involuntariness): a strong signal.
  await interview(audit.id, 'C01', { documents_holder: 'captain', job_as_promised: 'no' });
  // C02: documents held by the captain only.
  await interview(audit.id, 'C02', { documents_holder: 'captain', job_as_promised: 'yes' });
  // C03: nothing to report.
  await interview(audit.id, 'C03', { documents_holder: 'self', job_as_promised: 'yes' });
  // An older audit of the same vessel is not counted again.
  await interview(older.id, 'C04', { documents_holder: 'broker' });

  for (const entry of FLOOR) await api.call('wages.floor.set', entry);
  await api.call('wages.import', { vesselId: vessel.id, kind: 'contracts', filename: 'contracts.csv', data: b64(contractsCsv()) });
  for (const crew of CREW.slice(0, 17)) await api.call('wages.import', { vesselId: vessel.id, kind: 'statement', filename: `${crew}.csv`, data: b64(thaiStatementBytes(crew)) });
  await api.call('wages.import', { vesselId: vessel.id, kind: 'statement', filename: 'others.xml', data: b64(camt053()) });
  await api.call('wages.import', { vesselId: vessel.id, kind: 'payroll', filename: 'payroll.xlsx', data: b64(await payrollXlsx()) });
}
