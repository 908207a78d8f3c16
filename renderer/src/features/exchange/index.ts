export { ExchangePage } from './ExchangePage';
export { OpenReviewPackageButton } from './OpenReviewPackageButton';
