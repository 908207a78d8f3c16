export * from './languages';
export { resources, localeFiles } from './resources';
