import axios, { AxiosError, type AxiosInstance, type AxiosResponse } from 'axios';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { HttpProxyAgent } from 'http-proxy-agent';
import { getProxyForUrl } from 'proxy-from-env';
import { ExternalError } from '../model/errors.js';
import { describeIssue, fieldPath } from '../model/validation.js';
import { snapshotEnvelopeSchema } from '../pricing/price-item.js';
import { DEFAULT_RETRY_POLICY, backoffMs, parseRetryAfter, type RetryPolicy } from '../http/retry.js';

import { DEFAULT_TIMEOUT_MS, RETAIL_PRICES_API_VERSION, RETAIL_PRICES_ENDPOINT } from './retail-defaults.js';

export { DEFAULT_TIMEOUT_MS, RETAIL_PRICES_API_VERSION, RETAIL_PRICES_ENDPOINT };
/** A paging loop that never ends is cut here (a query for the model's meters is a few pages). */
export const MAX_PAGES_PER_QUERY = 500;

export interface RetailClientOptions {
  readonly endpoint: string;
  readonly apiVersion: string;
  readonly currency: string;
  readonly timeoutMs: number;
  readonly retry: RetryPolicy;
  /** Proxy settings (HTTPS_PROXY, HTTP_PROXY, NO_PROXY); the process environment by default. */
  readonly env?: Record<string, string | undefined>;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  readonly now?: () => number;
  /** Called after each page: what the user sees as progress. */
  readonly onPage?: (progress: { query: string; page: number; items: number; totalItems: number }) => void;
  /** Called before each retry: what is retried and how long the wait is. */
  readonly onRetry?: (info: { url: string; attempt: number; waitMs: number; reason: string }) => void;
}

export interface RetailFetchResult {
  readonly items: unknown[];
  readonly requests: number;
  readonly pages: number;
}

const sleepReal = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One request's failure, kept for the retry decision and the final message. */
interface Failure {
  readonly retryable: boolean;
  readonly reason: string;
  readonly retryAfterMs?: number;
}

function describeFailure(error: unknown, now: number): Failure {
  if (error instanceof AxiosError) {
    const status = error.response?.status;
    if (status !== undefined) {
      const header = error.response?.headers?.['retry-after'];
      const retryAfterMs = parseRetryAfter(typeof header === 'string' ? header : undefined, now);
      const body = error.response?.data;
      const detail = typeof body === 'object' && body !== null && 'Error' in body ? `: ${JSON.stringify((body as { Error: unknown }).Error)}` : typeof body === 'string' && body.length < 300 && body.trim() ? `: ${body.trim()}` : '';
      if (status === 429) return { retryable: true, reason: 'HTTP 429 Too Many Requests (throttled)', retryAfterMs };
      if (status >= 500) return { retryable: true, reason: `HTTP ${status} ${error.response?.statusText ?? ''}`.trim(), retryAfterMs };
      return { retryable: false, reason: `HTTP ${status} ${error.response?.statusText ?? ''}${detail}`.trim() };
    }
    if (error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT' || /timeout/i.test(error.message)) {
      return { retryable: true, reason: 'no answer within the timeout' };
    }
    const message = error.message || error.code || 'no details';
    return { retryable: true, reason: `network error: ${error.code && !message.includes(error.code) ? `${error.code} ` : ''}${message}` };
  }
  return { retryable: false, reason: (error as Error).message };
}

/** The API's page as JSON, checked: an object with an Items list. */
function readPage(response: AxiosResponse<string>, url: string): { Items: unknown[]; NextPageLink?: string | null } {
  let data: unknown;
  try {
    data = JSON.parse(response.data);
  } catch {
    throw new ExternalError(`the Retail Prices API answered ${url} with something that is not JSON (${response.data.slice(0, 80).replace(/\s+/g, ' ')}...)`);
  }
  const page = snapshotEnvelopeSchema.safeParse(data, { reportInput: true });
  if (!page.success) {
    const { path, message } = describeIssue(page.error.issues[0]!);
    throw new ExternalError(`the Retail Prices API answered ${url} with an unexpected page (${path.length ? `${fieldPath(path)}: ` : ''}${message})`);
  }
  return page.data;
}

function httpClient(options: RetailClientOptions): AxiosInstance {
  return axios.create({
    timeout: options.timeoutMs,
    // proxies are set per request from the environment below (axios' own proxy support does not tunnel HTTPS)
    proxy: false,
    // the body is parsed here, so that malformed JSON is reported and not silently kept as text
    responseType: 'text',
    transformResponse: [(data: string) => data],
    headers: { Accept: 'application/json', 'User-Agent': 'cmg-planner' },
    maxRedirects: 5,
  });
}

function agentsFor(url: string, env: Record<string, string | undefined>) {
  const proxy = getProxyForUrl(url, env);
  if (!proxy) return {};
  return url.startsWith('https:') ? { httpsAgent: new HttpsProxyAgent(proxy) } : { httpAgent: new HttpProxyAgent(proxy) };
}

/** The first page's URL: endpoint, api-version, currencyCode and $filter (already built). */
export function firstPageUrl(options: Pick<RetailClientOptions, 'endpoint' | 'apiVersion' | 'currency'>, filter: string): string {
  const url = new URL(options.endpoint);
  url.searchParams.set('api-version', options.apiVersion);
  url.searchParams.set('currencyCode', `'${options.currency}'`);
  url.searchParams.set('$filter', filter);
  return url.toString();
}

/**
 * Fetches every page of one query, following NextPageLink to the end. Each request is retried on
 * 429, 5xx, timeouts and network errors, within the retry policy; any final failure is an
 * ExternalError naming the request.
 */
export async function fetchAllPages(filter: string, options: RetailClientOptions): Promise<RetailFetchResult> {
  const client = httpClient(options);
  const sleep = options.sleep ?? sleepReal;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const env = options.env ?? process.env;
  const items: unknown[] = [];
  const seen = new Set<string>();
  let url: string | null | undefined = firstPageUrl(options, filter);
  let requests = 0;
  let pages = 0;

  while (url) {
    if (seen.has(url)) throw new ExternalError(`the Retail Prices API sent the same NextPageLink twice (${url}); stopped so that no page is counted twice`);
    if (pages >= MAX_PAGES_PER_QUERY) throw new ExternalError(`the Retail Prices API query ${filter} ran past ${MAX_PAGES_PER_QUERY} pages; stopped`);
    seen.add(url);
    const started = now();
    let response: AxiosResponse<string> | undefined;
    for (let attempt = 1; ; attempt++) {
      requests++;
      try {
        response = await client.get<string>(url, agentsFor(url, env));
        break;
      } catch (error) {
        const failure = describeFailure(error, now());
        const elapsed = now() - started;
        const wait = failure.retryAfterMs ?? backoffMs(options.retry, attempt, random);
        const outOfTime = elapsed + wait > options.retry.maxTotalMs;
        if (!failure.retryable || attempt >= options.retry.maxAttempts || outOfTime) {
          const budget = failure.retryable && outOfTime && attempt < options.retry.maxAttempts ? ` (the next wait, ${Math.ceil(wait / 1000)} s, would pass the ${Math.round(options.retry.maxTotalMs / 1000)} s retry budget)` : '';
          const tried = `${attempt > 1 ? ` after ${attempt} attempts` : ''}${budget}`;
          throw new ExternalError(`the Retail Prices API request failed${tried}: GET ${url}: ${failure.reason}`);
        }
        options.onRetry?.({ url, attempt, waitMs: wait, reason: failure.reason });
        await sleep(wait);
      }
    }
    const page = readPage(response, url);
    pages++;
    items.push(...page.Items);
    options.onPage?.({ query: filter, page: pages, items: page.Items.length, totalItems: items.length });
    url = page.NextPageLink;
  }
  return { items, requests, pages };
}

export const DEFAULT_RETAIL_CLIENT = {
  endpoint: RETAIL_PRICES_ENDPOINT,
  apiVersion: RETAIL_PRICES_API_VERSION,
  timeoutMs: DEFAULT_TIMEOUT_MS,
  retry: DEFAULT_RETRY_POLICY,
} as const;
