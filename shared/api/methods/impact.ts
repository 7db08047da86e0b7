import { z } from 'zod';
import { Id } from '../../domain/ids';
import { ImpactResults, ResultsQuery } from '../../impact/aggregate';
import { AuditSummary } from '../../impact/summary';
import { method } from '../contract';

export const AggregateSharing = z.object({ agency: z.string(), role: z.string().nullable(), shareAggregates: z.boolean() });

export const impactMethods = {
  'impact.results': method({
    summary: 'Impact figures from the audit summaries this device holds (all of them at the port office): by port, month, quarter, flag or owner, with intervals, disclosure control and a before/after comparison (docs/impact-export.md)',
    input: ResultsQuery.default({ by: [] }),
    output: ImpactResults,
  }),
  'impact.summary': method({
    summary: "An audit's impact summary as this device would publish it: crew counts, indicator counts, the forced-labour flag count and illicit profit lines (no identities, no answers)",
    input: z.object({ auditId: Id }),
    output: AuditSummary.nullable(),
  }),
  'impact.sharing': method({
    summary: "Whether this agency's union-confidential audits publish their summaries (counts and sums) to the hub",
    input: z.object({}).default({}),
    output: AggregateSharing,
  }),
  'impact.setSharing': method({
    summary: "Turns sharing of aggregates on or off for this device's agency (all its devices follow), and republishes every summary",
    input: z.object({ shareAggregates: z.boolean() }),
    output: AggregateSharing,
  }),
};
