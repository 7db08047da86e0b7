import { indexDocName, setShareAggregates } from '../../../shared/sync';
import { publishAllSummaries, sharesAggregates } from '../../impact/publish';
import { impactResults } from '../../impact/results';
import { computeAuditSummary } from '../../impact/summary';
import { mutateDoc } from '../../sync/docStore';
import { deviceIdentity } from '../../sync/mirror';
import type { Handlers } from '../types';

export const impactHandlers: Handlers<'impact.results' | 'impact.summary' | 'impact.sharing' | 'impact.setSharing'> = {
  'impact.results': (query, ctx) => impactResults(ctx.store, query),
  'impact.summary': ({ auditId }, ctx) => computeAuditSummary(ctx.store, auditId),
  'impact.sharing': (_input, ctx) => {
    const { agency, role } = deviceIdentity(ctx.store.db);
    return { agency, role, shareAggregates: sharesAggregates(ctx.store, agency) };
  },
  'impact.setSharing': ({ shareAggregates }, ctx) => {
    const { agency, role } = deviceIdentity(ctx.store.db);
    mutateDoc(ctx.store.db, indexDocName(agency), (doc) => setShareAggregates(doc, shareAggregates));
    publishAllSummaries(ctx.store);
    return { agency, role, shareAggregates: sharesAggregates(ctx.store, agency) };
  },
};
