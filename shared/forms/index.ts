export * from './model';
export * from './evaluator';
export * from './profile';
export * from './safety';
export * from './referrals';
export { buildFisherInterview, fisherInterviewKeys, FISHER_INTERVIEW_ID, FISHER_INTERVIEW_VERSION } from './fisherInterview';
export { TRANSLATIONS, Translation } from './translations';
