import { mappingProblems, type ColumnMapping } from './column-mapping';
import type { CsvRecord } from './csv-reader';
import { parseDate, parseTimestamp, type DateOrder } from './dates';
import {
  CUSTOM_TARGET_PREFIX,
  CUSTOMER_FIELDS,
  IMPORT_FIELDS,
  ORDER_FIELDS,
  type FieldDefinition,
  type FieldType,
  type ImportEntity,
} from './import-fields';
import { parseDecimal, parseInteger, type DecimalSeparator } from './numbers';
import { cleanText, InvalidValue, isNullToken, parseBoolean, parseCurrencyCode, quoted } from './values';

export interface RowValidatorOptions {
  /** For dates not written year-first. Default 'ymd': only year-first and unambiguous other dates are accepted. */
  dateOrder?: DateOrder;
  /** Settles a single `,` or `.` such as `1,234`. Default '.'. */
  decimalSeparator?: DecimalSeparator;
}

export type ImportValue = string | number | boolean | null | Record<string, string>;

/** A valid row, its values in the order of ROW_COLUMNS[entity]: ready for COPY. */
export type ImportRow = ImportValue[];

export interface RowRejection {
  line: number;
  reason: string;
  raw: string[];
}

/**
 * Output columns per entity: the fields, then `custom_attributes` (customers: an object of text values, or null)
 * or `is_refund` (orders: true when revenue is negative; such rows are valid).
 */
export const ROW_COLUMNS: Record<ImportEntity, readonly string[]> = {
  customers: [...CUSTOMER_FIELDS.map((field) => field.name), 'custom_attributes'],
  orders: [...ORDER_FIELDS.map((field) => field.name), 'is_refund'],
};

const REVENUE = ROW_COLUMNS.orders.indexOf('revenue');
const CUSTOMER_ID = ROW_COLUMNS.customers.indexOf('external_id');
const EMAIL = ROW_COLUMNS.customers.indexOf('email');

const YEAR_RANGES: Record<string, readonly [number, number]> = {
  birth_year: [1900, new Date().getUTCFullYear()],
};

interface FieldPlan {
  field: FieldDefinition;
  type: FieldType;
  required: boolean;
  /** Source columns; more than one only for a name split over first and last name. */
  columns: number[];
  header: string;
}

export function isRejection(result: ImportRow | RowRejection): result is RowRejection {
  return !Array.isArray(result);
}

/** Turns CSV records into typed rows or rejections, for one entity and one confirmed mapping. */
export class RowValidator {
  readonly columns: readonly string[];
  private readonly plans: FieldPlan[];
  private readonly customColumns: { column: number; key: string }[] = [];
  private readonly headerCount: number;
  private readonly dateOrder: DateOrder;
  private readonly decimalSeparator: DecimalSeparator;
  /** Customers keyed by email with no email column get the key as email too. */
  private readonly emailFromId: boolean;

  /** Throws when the mapping has problems (see mappingProblems): the mapping step must settle them first. */
  constructor(
    private readonly entity: ImportEntity,
    headers: readonly string[],
    mapping: ColumnMapping,
    options: RowValidatorOptions = {},
  ) {
    if (mapping.length !== headers.length) throw new Error('The mapping needs one entry per header.');
    const problems = mappingProblems(headers, mapping, entity);
    if (problems.length > 0) throw new Error(problems.join(' '));
    this.headerCount = headers.length;
    this.dateOrder = options.dateOrder ?? 'ymd';
    this.decimalSeparator = options.decimalSeparator ?? '.';
    this.columns = ROW_COLUMNS[entity];
    this.plans = IMPORT_FIELDS[entity].map((field) => {
      const columns = mapping.flatMap((target, column) => (target === field.name ? [column] : []));
      return { field, type: field.type, required: field.required, columns, header: headers[columns[0]] ?? '' };
    });
    mapping.forEach((target, column) => {
      if (target?.startsWith(CUSTOM_TARGET_PREFIX)) {
        this.customColumns.push({ column, key: target.slice(CUSTOM_TARGET_PREFIX.length) });
      }
    });
    this.emailFromId = entity === 'customers' && !mapping.includes('email');
  }

  validate(record: CsvRecord): ImportRow | RowRejection {
    if (record.error !== undefined) return reject(record, `The row could not be read: ${record.error}.`);
    const fields = record.fields;
    if (fields.length > this.headerCount && !allBlankFrom(fields, this.headerCount)) {
      return reject(
        record,
        `The row has ${fields.length} values but the header has ${this.headerCount} columns ` +
          '(is a value containing the delimiter missing its quotes?).',
      );
    }
    const row: ImportRow = [];
    for (let p = 0; p < this.plans.length; p++) {
      const plan = this.plans[p];
      const columns = plan.columns;
      const text = columns.length === 1 ? cleanText(fields[columns[0]]) : joinParts(fields, columns);
      if (text === null || (plan.type !== 'text' && plan.type !== 'id' && isNullToken(text))) {
        if (plan.required) return reject(record, missingMessage(plan));
        row.push(null);
        continue;
      }
      const value = this.parse(plan, text);
      if (value instanceof InvalidValue) return reject(record, `Column "${plan.header}": ${value.reason}`);
      row.push(value);
    }
    if (this.entity === 'orders') row.push((row[REVENUE] as number) < 0);
    else {
      if (this.emailFromId && (row[CUSTOMER_ID] as string).includes('@')) row[EMAIL] = row[CUSTOMER_ID];
      row.push(this.customAttributes(fields));
    }
    return row;
  }

  /** Appends each record's outcome to `rows` or `rejections`. */
  validateBatch(records: readonly CsvRecord[], rows: ImportRow[], rejections: RowRejection[]): void {
    for (let r = 0; r < records.length; r++) {
      const result = this.validate(records[r]);
      if (Array.isArray(result)) rows.push(result);
      else rejections.push(result);
    }
  }

  private parse(plan: FieldPlan, text: string): ImportValue | InvalidValue {
    switch (plan.type) {
      case 'text':
        return text;
      case 'id':
        return text.includes('+') && EXCEL_SCIENTIFIC.test(text)
          ? new InvalidValue(`${quoted(text)} looks like an ID Excel turned into a number; export IDs as text`)
          : text;
      case 'email': {
        const at = text.indexOf('@');
        const looksValid = at > 0 && at < text.length - 1 && !text.includes(' ');
        return looksValid ? text : new InvalidValue(`${quoted(text)} is not an email address`);
      }
      case 'decimal':
        return parseDecimal(text, this.decimalSeparator);
      case 'integer': {
        const value = parseInteger(text, this.decimalSeparator);
        const range = YEAR_RANGES[plan.field.name];
        if (value instanceof InvalidValue || !range || (value >= range[0] && value <= range[1])) return value;
        return new InvalidValue(`${quoted(text)} is not a plausible ${plan.field.label.toLowerCase()}`);
      }
      case 'date':
        return parseDate(text, this.dateOrder);
      case 'timestamp':
        return parseTimestamp(text, this.dateOrder);
      case 'boolean':
        return parseBoolean(text);
      case 'currency':
        return parseCurrencyCode(text);
    }
  }

  private customAttributes(fields: readonly string[]): Record<string, string> | null {
    let attributes: Record<string, string> | null = null;
    for (const { column, key } of this.customColumns) {
      const text = cleanText(fields[column]);
      if (text !== null) (attributes ??= {})[key] = text;
    }
    return attributes;
  }
}

const EXCEL_SCIENTIFIC = /^\d(?:[.,]\d+)?E\+\d+$/i;

function reject(record: CsvRecord, reason: string): RowRejection {
  return { line: record.line, reason, raw: record.fields };
}

function missingMessage(plan: FieldPlan): string {
  return plan.columns.length === 0
    ? `No column is mapped to ${plan.field.label}, which is required.`
    : `Column "${plan.header}" is empty (${plan.field.label} is required).`;
}

function joinParts(fields: readonly string[], columns: readonly number[]): string | null {
  let joined: string | null = null;
  for (const column of columns) {
    const part = cleanText(fields[column]);
    if (part !== null) joined = joined === null ? part : `${joined} ${part}`;
  }
  return joined;
}

function allBlankFrom(fields: readonly string[], start: number): boolean {
  for (let i = start; i < fields.length; i++) if (cleanText(fields[i]) !== null) return false;
  return true;
}
