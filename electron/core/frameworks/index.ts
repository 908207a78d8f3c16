export { frameworkFingerprint } from './fingerprint';
export type { LoadedFramework } from './loaded-framework';
export { loadFrameworkFromJsonFile } from './load-json';
export {
  loadFrameworkFromXlsx,
  XLSX_META_SHEET,
  XLSX_NODE_COLUMNS,
  XLSX_NODES_SHEET,
} from './load-xlsx';
export { saveFrameworkXlsx } from './save-xlsx';
export { loadBuiltInFrameworks, type BuiltInFrameworks } from './built-in';
