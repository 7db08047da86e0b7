export * from './bits';
export * from './decode';
export * from './field';
export * from './fragment';
export * from './gpsd-json';
export * from './message';
export * from './reassembler';
export * from './tables';
export { binaryTable, BINARY_TABLES } from './binary';
