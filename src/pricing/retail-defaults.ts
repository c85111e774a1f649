export { DEFAULT_RETRY_POLICY } from '../http/retry.js';

/** The public Retail Prices API (https://learn.microsoft.com/rest/api/cost-management/retail-prices/azure-retail-prices). */
export const RETAIL_PRICES_ENDPOINT = 'https://prices.azure.com/api/retail/prices';
/** The version that returns savingsPlan prices. */
export const RETAIL_PRICES_API_VERSION = '2023-01-01-preview';
export const DEFAULT_TIMEOUT_MS = 30_000;
