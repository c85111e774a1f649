import type { UsageRow } from './usage-row.js';

/** Which rows are the CMG's: every given criterion must hold; all are case-insensitive. */
export interface RowSelector {
  readonly resourceGroups?: readonly string[];
  readonly resourceIdPrefixes?: readonly string[];
  /** key=value, or key alone (any value). */
  readonly tags?: readonly { key: string; value?: string }[];
}

export function describeSelector(s: RowSelector): string {
  const parts = [
    s.resourceGroups?.length ? `resource group ${s.resourceGroups.join(' or ')}` : '',
    s.resourceIdPrefixes?.length ? `resource id starting ${s.resourceIdPrefixes.join(' or ')}` : '',
    s.tags?.length ? `tag ${s.tags.map((t) => (t.value === undefined ? t.key : `${t.key}=${t.value}`)).join(' and ')}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'every row';
}

/**
 * Tags as a map with lower-case keys: the JSON object of MCA/FOCUS/API rows or the brace-less
 * `"k": "v", ...` list of EA exports. Unreadable tags are no tags.
 */
export function parseTags(raw: string): Map<string, string> {
  const text = raw.trim();
  const tags = new Map<string, string>();
  if (!text) return tags;
  try {
    const parsed: unknown = JSON.parse(text.startsWith('{') ? text : `{${text}}`);
    if (parsed && typeof parsed === 'object') {
      for (const [k, v] of Object.entries(parsed)) tags.set(k.toLowerCase(), String(v ?? ''));
    }
  } catch {
    // not JSON: no tags
  }
  return tags;
}

/** A predicate for the selector; the strings are lower-cased once. */
export function rowSelector(s: RowSelector): (row: UsageRow) => boolean {
  const groups = s.resourceGroups?.map((g) => g.toLowerCase());
  const prefixes = s.resourceIdPrefixes?.map((p) => p.toLowerCase());
  const tags = s.tags?.map((t) => ({ key: t.key.toLowerCase(), value: t.value?.toLowerCase() }));
  return (row) => {
    if (groups?.length && !groups.includes(row.resourceGroup.toLowerCase())) return false;
    if (prefixes?.length) {
      const id = row.resourceId.toLowerCase();
      if (!prefixes.some((p) => id.startsWith(p))) return false;
    }
    if (tags?.length) {
      const rowTags = parseTags(row.tags);
      if (!tags.every((t) => rowTags.has(t.key) && (t.value === undefined || rowTags.get(t.key)!.toLowerCase() === t.value))) return false;
    }
    return true;
  };
}
