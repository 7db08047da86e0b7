import type { crewMethods } from '../../../shared/api/methods/crew';
import { CREW_LIST_TEMPLATE, importCrewList } from '../../audit/crewListImport';
import { crewReconciliation } from '../../audit/reconciliation';
import { addToCrewList, updateAuditCrew } from '../../store/repos/auditCrew';
import { drawInterviewees, listDraws } from '../../store/repos/auditDraws';
import { vaultFor } from '../../vault/vault';
import type { Handlers } from '../types';

export const crewHandlers: Handlers<keyof typeof crewMethods> = {
  'crew.list': ({ auditId }, ctx) => crewReconciliation(ctx.store.db, auditId),
  'crew.add': ({ auditId, entries }, ctx) => addToCrewList(ctx.store.db, vaultFor(ctx.store.db), auditId, entries),
  'crew.update': ({ auditId, crewMemberIds, fields }, ctx) => updateAuditCrew(ctx.store.db, auditId, crewMemberIds, fields),
  'crew.import': ({ auditId, filename, data, preview }, ctx) => importCrewList(ctx.store.db, vaultFor(ctx.store.db), auditId, filename, Buffer.from(data, 'base64'), preview),
  'crew.template': () => ({ filename: 'gangway-crew-list.csv', csv: CREW_LIST_TEMPLATE }),
  'crew.draw': ({ auditId, count }, ctx) => drawInterviewees(ctx.store.db, auditId, count),
  'crew.draws': ({ auditId }, ctx) => listDraws(ctx.store.db, auditId),
};
