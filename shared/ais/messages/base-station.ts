import { f, rows, seq, spare, two, type MessageTable } from '../field';
import { epfd, hidden, lat27, lon28 } from './common';

seq(38);
const fields = rows(
  hidden('year', 14),
  hidden('month', 4),
  hidden('day', 5),
  hidden('hour', 5),
  hidden('minute', 6),
  hidden('second', 6),
  f('accuracy', 1, 'b'),
  lon28(),
  lat27(),
  epfd(),
  spare(10),
  f('raim', 1, 'b'),
  f('radio', 19, 'u'),
);

/** Types 4 (base station report) and 11 (UTC/date response): the same layout. */
export const baseStation: MessageTable = {
  title: 'Base station report / UTC and date response',
  bits: 168,
  minBits: 168,
  maxBits: Infinity,
  fields,
  composites: [
    {
      name: 'timestamp',
      after: 'scaled',
      render: (m) =>
        `${String(m.year).padStart(4, '0')}-${two(Number(m.month))}-${two(Number(m.day))}T${two(Number(m.hour))}:${two(Number(m.minute))}:${two(Number(m.second))}Z`,
    },
  ],
};
