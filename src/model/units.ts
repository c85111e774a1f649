/** 1 GB = 1024 MB, as the Azure price list counts a GB (and as ConfigMgr reports MB). */
export const MB_PER_GB = 1024;
/** 1 MB = 1024 KB. */
export const KB_PER_MB = 1024;
/** Azure's pricing calculator month: 730 hours (8,760 h a year / 12). */
export const HOURS_PER_MONTH_DEFAULT = 730;
export const HOURS_PER_DAY = 24;
export const HOURS_PER_MONTH_SOURCE = 'Azure pricing calculator: 730 hours a month (https://azure.microsoft.com/pricing/calculator/)';
