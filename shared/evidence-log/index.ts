export * from './entry';
export * from './merkle';
export * from './note';
