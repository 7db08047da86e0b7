import type { MessageTable } from './field';
import { acknowledge } from './messages/acknowledge';
import { aidToNavigation } from './messages/aid-to-navigation';
import { assignedMode } from './messages/assigned-mode';
import { baseStation } from './messages/base-station';
import { binaryAddressed } from './messages/binary-addressed';
import { binaryBroadcast } from './messages/binary-broadcast';
import { binaryMultiSlot, binarySingleSlot } from './messages/binary-slot';
import { channelManagement } from './messages/channel-management';
import { classB, classBExtended } from './messages/class-b';
import { dataLink } from './messages/data-link';
import { dgnss } from './messages/dgnss';
import { groupAssignment } from './messages/group-assignment';
import { interrogation } from './messages/interrogation';
import { longRange } from './messages/long-range';
import { positionA } from './messages/position-a';
import { safetyAddressed, safetyBroadcast } from './messages/safety-text';
import { sarAircraft } from './messages/sar-aircraft';
import { staticPartA, staticPartB } from './messages/static-b';
import { staticVoyage } from './messages/static-voyage';
import { utcInquiry } from './messages/utc-inquiry';

/** The field table of each message type 1–27 (type 24 has one per part). */
export const MESSAGE_TABLES: Readonly<Record<number, MessageTable>> = {
  1: positionA,
  2: positionA,
  3: positionA,
  4: baseStation,
  5: staticVoyage,
  6: binaryAddressed,
  7: acknowledge,
  8: binaryBroadcast,
  9: sarAircraft,
  10: utcInquiry,
  11: baseStation,
  12: safetyAddressed,
  13: acknowledge,
  14: safetyBroadcast,
  15: interrogation,
  16: assignedMode,
  17: dgnss,
  18: classB,
  19: classBExtended,
  20: dataLink,
  21: aidToNavigation,
  22: channelManagement,
  23: groupAssignment,
  25: binarySingleSlot,
  26: binaryMultiSlot,
  27: longRange,
};

export const STATIC_PARTS = { A: staticPartA, B: staticPartB } as const;

/** The table that describes `type` (and, for 24, its part). */
export function tableFor(type: number, part?: 'A' | 'B' | 'AB'): MessageTable | undefined {
  if (type === 24) return part === 'A' ? staticPartA : part ? staticPartB : undefined;
  return MESSAGE_TABLES[type];
}
