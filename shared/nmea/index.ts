export * from './checksum';
export * from './framing';
export * from './reject';
export * from './tag-block';
export * from './gnss';
export * from './decoder';
