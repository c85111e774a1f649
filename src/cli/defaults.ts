/**
 * Defaults the command line shows in its help, taken from the modules that own them (modules that
 * load nothing heavy: the help must not load axios or the Azure SDK).
 */
export { DEFAULT_DRAWS, DEFAULT_SEED } from '../range/monte-carlo.js';
export { ARM_ENDPOINT } from '../actuals/arm-endpoint.js';
export { RETAIL_PRICES_ENDPOINT, DEFAULT_TIMEOUT_MS, DEFAULT_RETRY_POLICY } from '../pricing/retail-defaults.js';
