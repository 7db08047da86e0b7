import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readCrewList, readListDate } from '../../../shared/audit/crewListFile';
import { drawFromSeed } from '../../../shared/audit/draw';
import { csvToGrid } from '../../../shared/wages/parse/grid';
import { CREW_LIST_TEMPLATE } from '../../../main/audit/crewListImport';

describe('reading a declared crew list', () => {
  it('reads the documented template: names to seal, fields in clear, Buddhist-era dates turned into common-era ones', () => {
    const { rows, issues } = readCrewList(csvToGrid(CREW_LIST_TEMPLATE));
    expect(issues).toEqual([]);
    expect(rows).toHaveLength(2);
    expect(rows[0]!.entry).toMatchObject({ role: 'fisher', nationality: 'MMR', contractSeen: 'yes', medicalValidUntil: '2027-01-31', passportHeldBy: 'self', identity: { name: 'Aung Ko Ko', documentNo: 'MA1234567', dateOfBirth: '1994-03-12' } });
    expect(rows[1]!.entry).toMatchObject({ role: 'cook', nationality: 'KHM', contractSeen: 'no', passportHeldBy: 'captain', atmCardHeldBy: 'other', identity: { dateOfBirth: '2001-05-12' } });
  });

  it('finds a Thai port-out form table below its title rows', () => {
    const csv = ['แบบแจ้งรายชื่อลูกเรือ,,', 'เรือ ส.ทะเลทอง 7,,', 'ลำดับ,ชื่อ-สกุล,สัญชาติ,ตำแหน่ง,วันเกิด', '1,Min Thu,พม่า,ลูกเรือ,01/02/2550', '2,Somchai Dee,ไทย,ไต้ก๋ง,1980-07-07'].join('\n');
    const { rows, issues } = readCrewList(csvToGrid(csv));
    expect(issues).toEqual([]);
    expect(rows.map((r) => [r.line, r.entry.identity?.name, r.entry.nationality, r.entry.role, r.entry.identity?.dateOfBirth])).toEqual([
      [4, 'Min Thu', 'MMR', 'fisher', '2007-02-01'],
      [5, 'Somchai Dee', 'THA', 'captain', '1980-07-07'],
    ]);
  });

  it('lists every problem with its line and refuses nothing silently', () => {
    const csv = ['name,nationality,date of birth,contract seen,passport held by', 'A,Atlantis,1990-01-01,yes,self', 'B,MMR,31/02/1990,maybe,the cat', ',,,,', 'A,MMR,1990-01-01,yes,self', ',MMR,,,'].join('\n');
    const { issues } = readCrewList(csvToGrid(csv));
    expect(issues.map((i) => [i.line, i.code])).toEqual([
      [2, 'NATIONALITY'],
      [3, 'DATE'],
      [3, 'YES_NO'],
      [3, 'HOLDER'],
      [6, 'NAME_MISSING'],
      [5, 'DUPLICATE_ROW'],
    ]);
  });

  it('says what a file without a name column is', () => {
    expect(readCrewList(csvToGrid('vessel,port\nSea Star,Songkhla\n')).issues[0]).toMatchObject({ code: 'UNKNOWN_LAYOUT' });
  });

  it('refuses dates that do not exist', () => {
    expect(readListDate('29/02/2567')).toBe('2024-02-29');
    expect(readListDate('29/02/2566')).toBeUndefined();
    expect(readListDate('2026-13-01')).toBeUndefined();
  });
});

describe('drawing interviewees from a seed', () => {
  it('gives the same people for the same seed and pool, distinct and from the pool', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9a-f]{32}$/), fc.uniqueArray(fc.uuid(), { maxLength: 40 }), fc.integer({ min: 1, max: 50 }), (seed, pool, count) => {
        const a = drawFromSeed(seed, pool, count);
        expect(drawFromSeed(seed, pool, count)).toEqual(a);
        expect(a).toHaveLength(Math.min(count, pool.length));
        expect(new Set(a).size).toBe(a.length);
        for (const x of a) expect(pool).toContain(x);
      }),
    );
  });

  it('picks every member of a pool about equally often over many seeds', () => {
    const pool = ['a', 'b', 'c', 'd', 'e'];
    const hits = new Map(pool.map((p) => [p, 0]));
    for (let i = 0; i < 5000; i++) {
      const seed = (i * 2654435761 >>> 0).toString(16).padStart(8, '0').repeat(4);
      for (const p of drawFromSeed(seed, pool, 2)) hits.set(p, hits.get(p)! + 1);
    }
    // 2000 expected each; a biased pick (e.g. always the pool's start) lands far outside.
    for (const n of hits.values()) {
      expect(n).toBeGreaterThan(1800);
      expect(n).toBeLessThan(2200);
    }
  });
});
