import type { Migration } from './types';
import { migration as core } from './0001-core';
import { migration as marine } from './0002-marine';
import { migration as interviews } from './0003-interviews';
import { migration as wages } from './0004-wages';
import { migration as sync } from './0005-sync';
import { migration as vaultRewrap } from './0007-vault-rewrap';
import { migration as resumeState } from './0008-resume-state';
import { migration as auditCrew } from './0010-audit-crew';
import { migration as auditInterviewees } from './0011-audit-interviewees';
import { migration as auditEvidence } from './0012-audit-evidence';
import { migration as evidenceLog } from './0015-evidence-log';
import { migration as gnssClock } from './0016-gnss-clock';

/**
 * Every migration, in order. Numbers are taken, never reused or edited once
 * released: 0002 marine ingest, 0003 interviews and vault, 0004 wages, 0005 sync, 0007 vault re-wrap and wrong-try delay, 0008 file-import resume state,
 * 0010-0012 the audit record (crew list, interviewees, evidence and citations),
 * 0015 the evidence log, 0016 the last live GNSS time.
 */
export const MIGRATIONS: readonly Migration[] = [core, marine, interviews, wages, sync, vaultRewrap, resumeState, auditCrew, auditInterviewees, auditEvidence, evidenceLog, gnssClock];
