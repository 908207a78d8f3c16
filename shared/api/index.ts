export * from './errors';
export * from './contract';
export * from './events';
export * from './schemas';
export * from './cycles';
export * from './app';
export * from './issues-to-field-errors';
