export * from './names';
export * from './roles';
export * from './evidenceRef';
export * from './auditDoc';
export * from './vesselDoc';
export * from './indexDoc';
export * from './protectedContent';
export * from './syncState';
