import { seededRandom } from '../../shared/impact/bootstrap';
import type { AuditSummary } from '../../shared/impact/summary';

/**
 * A seeded year of port inspections for the impact figures: 40 vessels
 * (four owners, two flags), three busy ports and one small one, an audit of
 * every vessel about every other month from January to December 2026, and a
 * programme starting 1 July 2026. Planted: the share of crew meeting the
 * forced-labour definition falls from about 20 % to about 7 % after the
 * programme, and withheld wages rise from about 1,000 to about 2,500 THB per
 * crew member. "Ranong" sees a handful of small audits: its cells must be
 * withheld, and stay unrecoverable from the totals.
 */
export const PROGRAMME_DATE = '2026-07-01';
export const PORTS = ['Songkhla', 'Pattani', 'Samut Sakhon'];
export const SMALL_PORT = 'Ranong';

const uuid = (n: number, kind: number) => `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

export function impactScenario(seed = 2026): AuditSummary[] {
  const random = seededRandom(seed);
  const binomial = (n: number, p: number) => Array.from({ length: n }, () => random() < p).filter(Boolean).length;
  const out: AuditSummary[] = [];
  let audit = 0;
  for (let v = 0; v < 40; v++) {
    const vesselId = uuid(v + 1, 1);
    const owner = `Owner ${'ABCD'[v % 4]}`;
    const flag = v % 3 === 0 ? 'MMR' : 'THA';
    for (let month = 1 + (v % 2); month <= 12; month += 2) {
      const date = `2026-${String(month).padStart(2, '0')}-${String(3 + (v % 20)).padStart(2, '0')}`;
      const small = v % 13 === 0 && month % 4 === 1;
      const port = small ? SMALL_PORT : PORTS[(v + month) % 3]!;
      const after = date >= PROGRAMME_DATE;
      const interviewed = small ? 2 : 6 + Math.floor(random() * 5);
      const forced = binomial(interviewed, after ? 0.07 : 0.2);
      const withholding = Math.min(interviewed, forced + binomial(interviewed - forced, 0.2));
      const crew = interviewed + 8;
      const withheldPerCrew = (after ? 250_000 : 100_000) * (0.6 + 0.8 * random());
      out.push({
        version: 1,
        auditId: uuid(++audit, 2),
        vesselId,
        date,
        port,
        flag,
        owner,
        agency: 'dof-songkhla',
        confidentiality: v % 5 === 0 ? 'union' : 'agency',
        status: 'completed',
        crew: { declared: crew, present: crew - 1, selectedAtRandom: interviewed, interviewed, interviewedWithoutOfficers: interviewed - (random() < 0.2 ? 1 : 0) },
        signals: {
          interviewed,
          indicators: [
            { indicator: 'withholding_of_wages', crewWithSignal: withholding },
            { indicator: 'retention_of_documents', crewWithSignal: forced },
          ],
          forcedLabour: forced,
        },
        wageRecords: { crew, months: crew * 2 },
        money: [
          { category: 'withheld_wages', basis: 'documented', currency: 'THB', amount: Math.round(withheldPerCrew * crew), crew },
          { category: 'withdrawn_while_card_held', basis: 'documented', currency: 'THB', amount: Math.round(50_000 * random() * crew), crew },
        ],
        computedAt: '2026-12-31T00:00:00.000Z',
      });
    }
  }
  return out;
}
