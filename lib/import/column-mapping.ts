import { HEADER_SYNONYMS, IGNORED_PREFIXES, IGNORED_SUFFIXES } from './header-synonyms';
import {
  CUSTOM_TARGET_PREFIX,
  entityAcceptsCustomAttributes,
  fieldAcceptsSeveralColumns,
  IMPORT_FIELDS,
  type FieldDefinition,
  type ImportEntity,
} from './import-fields';

/** The target of each column, by column index: a field name, `custom:<key>` (customers only), or null to ignore it. */
export type ColumnMapping = (string | null)[];

/** "Customer_ID", "customerId", "Customer ID (UTC)" → "customer id", "customer id", "customer id utc". */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/#/g, ' number ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The custom attribute a column becomes when the user keeps it: "Loyalty Tier" → "custom:loyalty_tier". */
export function customTarget(header: string): string {
  return CUSTOM_TARGET_PREFIX + normaliseHeader(header).replace(/ /g, '_');
}

const EXACT_MATCH = 1000;
const QUALIFIED_MATCH = 500;
const FIRST_NAME_HEADERS = new Set(['first name', 'firstname', 'given name', 'fname', 'forename']);
const LAST_NAME_HEADERS = new Set(['last name', 'lastname', 'surname', 'family name', 'lname']);

/**
 * A target per header from its name. Each field takes at most one column and each column at most one field: the
 * closest match wins (an exact synonym over one reached by dropping a qualifier such as "Order", then the earlier
 * synonym, then the earlier column). Unrecognised columns are left null (ignored) for the user to decide.
 */
export function suggestMapping(headers: readonly string[], entity: ImportEntity): ColumnMapping {
  const candidates: { column: number; field: string; score: number }[] = [];
  headers.forEach((header, column) => {
    const variants = headerVariants(normaliseHeader(header), entity);
    for (const [field, synonyms] of Object.entries(HEADER_SYNONYMS[entity])) {
      const score = matchScore(variants, synonyms);
      if (score > 0) candidates.push({ column, field, score });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);

  const mapping: ColumnMapping = headers.map(() => null);
  const mappedFields = new Set<string>();
  for (const { column, field } of candidates) {
    if (mapping[column] !== null || mappedFields.has(field)) continue;
    mapping[column] = field;
    mappedFields.add(field);
  }
  if (entity === 'customers') {
    if (!mappedFields.has('name')) mapNameParts(headers, mapping);
    // Exports without a customer ID (Shopify's older one, Mailchimp) key customers by email address.
    const emailColumn = mapping.indexOf('email');
    if (!mappedFields.has('external_id') && emailColumn !== -1) mapping[emailColumn] = 'external_id';
  }
  return mapping;
}

/** The header itself, then without the qualifiers that do not change its meaning in this entity's file. */
function headerVariants(header: string, entity: ImportEntity): { text: string; qualified: boolean }[] {
  const variants = [{ text: header, qualified: false }];
  const prefix = IGNORED_PREFIXES[entity].find((p) => header.startsWith(p) && header.length > p.length);
  const withoutPrefix = prefix ? header.slice(prefix.length) : header;
  const suffix = IGNORED_SUFFIXES.find((s) => withoutPrefix.endsWith(s) && withoutPrefix.length > s.length);
  const withoutSuffix = suffix ? withoutPrefix.slice(0, -suffix.length) : withoutPrefix;
  for (const text of [withoutPrefix, withoutSuffix]) if (text !== header) variants.push({ text, qualified: true });
  return variants;
}

function matchScore(variants: { text: string; qualified: boolean }[], synonyms: readonly string[]): number {
  let best = 0;
  for (const { text, qualified } of variants) {
    const rank = synonyms.indexOf(text);
    if (rank !== -1) best = Math.max(best, (qualified ? QUALIFIED_MATCH : EXACT_MATCH) - rank);
  }
  return best;
}

function mapNameParts(headers: readonly string[], mapping: ColumnMapping): void {
  for (const names of [FIRST_NAME_HEADERS, LAST_NAME_HEADERS]) {
    const column = headers.findIndex((header, index) => mapping[index] === null && names.has(normaliseHeader(header)));
    if (column !== -1) mapping[column] = 'name';
  }
}

export function missingRequired(mapping: ColumnMapping, entity: ImportEntity): FieldDefinition[] {
  return IMPORT_FIELDS[entity].filter((field) => field.required && !mapping.includes(field.name));
}

/** What keeps a mapping from being used, as sentences for the mapping step; empty when it can be confirmed. */
export function mappingProblems(headers: readonly string[], mapping: ColumnMapping, entity: ImportEntity): string[] {
  const problems: string[] = [];
  const missing = missingRequired(mapping, entity);
  if (missing.length > 0 && headers.length === 1) {
    problems.push(
      'Only one column was found, so the file probably uses another delimiter (such as ";" or tab). ' +
        'Choose the delimiter and try again.',
    );
  } else if (missing.length > 0) {
    const labels = missing.map((field) => field.label);
    const list = labels.length === 1 ? labels[0] : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
    problems.push(`Choose a column for ${list}: ${labels.length === 1 ? 'it is' : 'they are'} required.`);
  }

  const fields = new Map(IMPORT_FIELDS[entity].map((field) => [field.name, field]));
  const columnsPerTarget = new Map<string, number[]>();
  mapping.forEach((target, column) => {
    if (target !== null) columnsPerTarget.set(target, [...(columnsPerTarget.get(target) ?? []), column]);
  });
  for (const [target, columns] of columnsPerTarget) {
    const field = fields.get(target);
    const isCustom = target.startsWith(CUSTOM_TARGET_PREFIX) && target.length > CUSTOM_TARGET_PREFIX.length;
    const headerList = columns.map((column) => `"${headers[column]}"`).join(' and ');
    if (!field && !(isCustom && entityAcceptsCustomAttributes(entity))) {
      problems.push(`${headerList} cannot be imported as "${target}" in ${entity}.`);
    } else if (columns.length > 1 && !(field && fieldAcceptsSeveralColumns(field))) {
      const quantifier = columns.length === 2 ? 'both' : 'all';
      problems.push(`${headerList} are ${quantifier} mapped to ${field?.label ?? target}: keep one.`);
    }
  }
  return problems;
}

/**
 * A short key for a header row, equal for files whose headers match after normalising (case, spacing,
 * punctuation), so a confirmed mapping can be offered again. Column order counts: mappings are by position.
 */
export function headerSignature(headers: readonly string[]): string {
  return `${headers.length}-${hash53(headers.map(normaliseHeader).join('\u001f'))}`;
}

/** cyrb53 (public domain): a 53-bit string hash, plenty to tell one org's header layouts apart. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}
