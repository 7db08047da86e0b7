import { f, rows, seq, spare } from '../field';
import { LIGHT_STATUS, RACON_STATUS } from '../legends';
import type { BinaryTable } from './table';

/** Analogue voltages in 0.05 V steps (GLA AtoN monitoring, as gpsd's AIVDM.adoc). */
const volts = (name: string) => f(name, 10, 'u', { scale: 20, digits: 2 });

seq(88);
const fields = rows(
  volts('ana_int'),
  volts('ana_ext1'),
  volts('ana_ext2'),
  f('racon', 2, 'u', { legend: { values: RACON_STATUS, fallback: '', style: 'pair' } }),
  f('light', 2, 'u', { legend: { values: LIGHT_STATUS, fallback: '', style: 'pair' } }),
  f('alarm', 1, 'b'),
  f('stat_ext', 8, 'u'),
  f('off_pos', 1, 'b'),
  spare(4),
);

/** 6/235/10 and 6/250/10: UK and Irish lighthouse authorities' AtoN monitoring data; gpsd needs exactly 136 bits. */
export const atonMonitoring: BinaryTable = {
  title: 'AtoN monitoring data (GLA)',
  bits: 136,
  fields,
  accept: (bits) => bits === 136,
  jsonOrder: ['off_pos', 'alarm', 'stat_ext', 'ana_int', 'ana_ext1', 'ana_ext2', 'racon', 'light'],
};
