import { IMPORT_FIELDS, type FieldType, type ImportEntity } from './import-fields';
import { ROW_COLUMNS } from './row-validator';

const SQL_TYPES: Record<FieldType, string> = {
  id: 'text',
  text: 'text',
  email: 'text',
  currency: 'text',
  date: 'date',
  timestamp: 'timestamptz',
  integer: 'integer',
  decimal: 'numeric(14, 2)',
  boolean: 'boolean',
};

const EXTRA_TYPES: Record<string, string> = { custom_attributes: 'jsonb', is_refund: 'boolean' };

/** The staging table's columns for an entity: the source line, then ROW_COLUMNS with their SQL types. */
export function stagingColumns(entity: ImportEntity): { name: string; sqlType: string }[] {
  const typeOf = new Map(IMPORT_FIELDS[entity].map((field) => [field.name, SQL_TYPES[field.type]]));
  return [
    { name: 'line', sqlType: 'integer' },
    ...ROW_COLUMNS[entity].map((name) => ({ name, sqlType: typeOf.get(name) ?? EXTRA_TYPES[name] })),
  ];
}
