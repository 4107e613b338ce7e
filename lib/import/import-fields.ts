/** What an import can fill, per entity: the mapping step renders from this, the validator types values by it. */

export type ImportEntity = 'customers' | 'orders';

export type FieldType = 'id' | 'text' | 'email' | 'date' | 'timestamp' | 'integer' | 'decimal' | 'boolean' | 'currency';

export interface FieldDefinition {
  name: string;
  label: string;
  type: FieldType;
  required: boolean;
  description: string;
}

export const CUSTOMER_FIELDS: readonly FieldDefinition[] = [
  { name: 'external_id', label: 'Customer ID', type: 'id', required: true, description: 'Your ID for the customer; orders refer to it. An email address works too.' },
  { name: 'email', label: 'Email', type: 'email', required: false, description: 'Filled from the customer ID when that is an email address and no column is mapped here.' },
  { name: 'name', label: 'Name', type: 'text', required: false, description: 'Map first and last name columns both here to join them.' },
  { name: 'signup_date', label: 'Signup date', type: 'date', required: false, description: 'When the customer signed up or was created.' },
  { name: 'country', label: 'Country', type: 'text', required: false, description: 'Country name or code.' },
  { name: 'region', label: 'Region', type: 'text', required: false, description: 'State, province or region.' },
  { name: 'gender', label: 'Gender', type: 'text', required: false, description: '' },
  { name: 'birth_year', label: 'Birth year', type: 'integer', required: false, description: 'A year such as 1985.' },
  { name: 'income_band', label: 'Income band', type: 'text', required: false, description: '' },
  { name: 'education', label: 'Education', type: 'text', required: false, description: '' },
  { name: 'acquisition_channel', label: 'Acquisition channel', type: 'text', required: false, description: 'Where the customer came from.' },
  { name: 'marketing_consent', label: 'Marketing consent', type: 'boolean', required: false, description: 'yes/no, true/false, 1/0, subscribed/unsubscribed.' },
];

export const ORDER_FIELDS: readonly FieldDefinition[] = [
  { name: 'external_id', label: 'Order ID', type: 'id', required: true, description: 'Your ID or number for the order.' },
  { name: 'customer_external_id', label: 'Customer ID', type: 'id', required: true, description: 'The customer ID used in the customer import (or the email address).' },
  { name: 'ordered_at', label: 'Order date', type: 'timestamp', required: true, description: 'Date or date and time; without a time zone it is read as UTC.' },
  { name: 'revenue', label: 'Revenue', type: 'decimal', required: true, description: 'Order total; negative amounts are refunds.' },
  { name: 'cost', label: 'Cost', type: 'decimal', required: false, description: 'Cost of goods, for margins.' },
  { name: 'currency', label: 'Currency', type: 'currency', required: false, description: '3-letter code such as USD.' },
  { name: 'product_category', label: 'Product category', type: 'text', required: false, description: '' },
  { name: 'channel', label: 'Channel', type: 'text', required: false, description: 'Sales channel or source.' },
];

export const IMPORT_FIELDS: Record<ImportEntity, readonly FieldDefinition[]> = {
  customers: CUSTOMER_FIELDS,
  orders: ORDER_FIELDS,
};

/** Columns a customer import can keep as free-form attributes; the key is derived from the header. */
export const CUSTOM_TARGET_PREFIX = 'custom:';

export function entityAcceptsCustomAttributes(entity: ImportEntity): boolean {
  return entity === 'customers';
}

/** Only names split over columns are joined; any other field takes one column. */
export function fieldAcceptsSeveralColumns(field: FieldDefinition): boolean {
  return field.name === 'name';
}
