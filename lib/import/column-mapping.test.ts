import { describe, expect, it } from 'vitest';
import {
  customTarget,
  headerSignature,
  mappingProblems,
  missingRequired,
  normaliseHeader,
  suggestMapping,
  type ColumnMapping,
} from './column-mapping';
import type { ImportEntity } from './import-fields';

/** The suggestion as header → target, leaving out ignored columns. */
function suggested(headers: string[], entity: ImportEntity): Record<string, string> {
  const mapping = suggestMapping(headers, entity);
  return Object.fromEntries(headers.flatMap((header, i) => (mapping[i] ? [[header, mapping[i]]] : [])));
}

describe('normaliseHeader', () => {
  it('folds case, punctuation, camelCase, accents and "#"', () => {
    expect(normaliseHeader(' Customer_ID ')).toBe('customer id');
    expect(normaliseHeader('customerId')).toBe('customer id');
    expect(normaliseHeader('CustomerID')).toBe('customer id');
    expect(normaliseHeader('E-mail')).toBe('e mail');
    expect(normaliseHeader('Created (UTC)')).toBe('created utc');
    expect(normaliseHeader('Order #')).toBe('order number');
    expect(normaliseHeader('Année de naissance')).toBe('annee de naissance');
  });
});

describe('suggestMapping', () => {
  it('maps a Shopify orders export', () => {
    const headers = [
      'Name', 'Email', 'Financial Status', 'Paid at', 'Accepts Marketing', 'Currency', 'Subtotal', 'Shipping',
      'Taxes', 'Total', 'Discount Amount', 'Created at', 'Lineitem quantity', 'Lineitem name', 'Lineitem price',
      'Billing Name', 'Billing Country', 'Refunded Amount', 'Id', 'Source',
    ];
    expect(suggested(headers, 'orders')).toEqual({
      Id: 'external_id',
      Email: 'customer_external_id',
      'Created at': 'ordered_at',
      Total: 'revenue',
      Currency: 'currency',
      Source: 'channel',
    });
  });

  it('maps Shopify customer exports, with and without a customer ID column', () => {
    const current = [
      'Customer ID', 'First Name', 'Last Name', 'Email', 'Accepts Email Marketing', 'Default Address City',
      'Default Address Province Code', 'Default Address Country Code', 'Accepts SMS Marketing', 'Total Spent', 'Tags',
    ];
    expect(suggested(current, 'customers')).toEqual({
      'Customer ID': 'external_id',
      'First Name': 'name',
      'Last Name': 'name',
      Email: 'email',
      'Accepts Email Marketing': 'marketing_consent',
      'Default Address Province Code': 'region',
      'Default Address Country Code': 'country',
    });
    const older = ['First Name', 'Last Name', 'Email', 'Province', 'Country Code', 'Accepts Marketing', 'Total Spent'];
    expect(suggested(older, 'customers')).toEqual({
      'First Name': 'name',
      'Last Name': 'name',
      Email: 'external_id',
      Province: 'region',
      'Country Code': 'country',
      'Accepts Marketing': 'marketing_consent',
    });
  });

  it('maps WooCommerce exports', () => {
    const analyticsOrders = ['Date', 'Order #', 'Status', 'Customer', 'Customer type', 'Product(s)', 'Items sold', 'Net Sales', 'Attribution'];
    expect(suggested(analyticsOrders, 'orders')).toEqual({
      Date: 'ordered_at',
      'Order #': 'external_id',
      Customer: 'customer_external_id',
      'Net Sales': 'revenue',
      Attribution: 'channel',
    });
    const pluginOrders = ['Order ID', 'Order Number', 'Order Date', 'Customer User ID', 'Billing Email', 'Order Total Amount', 'Order Currency', 'Item Cost', 'Category'];
    expect(suggested(pluginOrders, 'orders')).toEqual({
      'Order ID': 'external_id',
      'Order Date': 'ordered_at',
      'Customer User ID': 'customer_external_id',
      'Order Total Amount': 'revenue',
      'Order Currency': 'currency',
      'Item Cost': 'cost',
      Category: 'product_category',
    });
    const customers = ['Name', 'Username', 'Last active', 'Date registered', 'Email', 'Orders', 'Country / Region', 'City', 'Region'];
    expect(suggested(customers, 'customers')).toEqual({
      Name: 'name',
      'Date registered': 'signup_date',
      Email: 'external_id',
      'Country / Region': 'country',
      Region: 'region',
    });
  });

  it('maps Stripe payments and customers exports', () => {
    const payments = ['id', 'Description', 'Created (UTC)', 'Amount', 'Amount Refunded', 'Currency', 'Converted Amount', 'Converted Currency', 'Customer ID', 'Customer Email', 'Card ID', 'Invoice ID'];
    expect(suggested(payments, 'orders')).toEqual({
      id: 'external_id',
      'Created (UTC)': 'ordered_at',
      Amount: 'revenue',
      Currency: 'currency',
      'Customer ID': 'customer_external_id',
    });
    const customers = ['id', 'Description', 'Email', 'Name', 'Created (UTC)', 'Address State', 'Address Country'];
    expect(suggested(customers, 'customers')).toEqual({
      id: 'external_id',
      Email: 'email',
      Name: 'name',
      'Created (UTC)': 'signup_date',
      'Address State': 'region',
      'Address Country': 'country',
    });
  });

  it('maps CRM contacts and a hand-made file, ignoring unknown columns', () => {
    const hubspot = ['Record ID', 'First Name', 'Last Name', 'Email', 'Create Date', 'Country/Region', 'State/Region', 'Original Source', 'Lifecycle Stage'];
    expect(suggested(hubspot, 'customers')).toEqual({
      'Record ID': 'external_id',
      'First Name': 'name',
      'Last Name': 'name',
      Email: 'email',
      'Create Date': 'signup_date',
      'Country/Region': 'country',
      'State/Region': 'region',
      'Original Source': 'acquisition_channel',
    });
    const handMade = ['customer_id', 'E-mail', 'Gender', 'Birth year', 'Income', 'Education', 'Channel', 'Favourite colour'];
    expect(suggested(handMade, 'customers')).toEqual({
      customer_id: 'external_id',
      'E-mail': 'email',
      Gender: 'gender',
      'Birth year': 'birth_year',
      Income: 'income_band',
      Education: 'education',
      Channel: 'acquisition_channel',
    });
    const orders = ['Order ID', 'Customer Id', 'Order Date', 'Amount', 'COGS', 'Currency', 'Product Type', 'Channel'];
    expect(suggested(orders, 'orders')).toEqual({
      'Order ID': 'external_id',
      'Customer Id': 'customer_external_id',
      'Order Date': 'ordered_at',
      Amount: 'revenue',
      COGS: 'cost',
      Currency: 'currency',
      'Product Type': 'product_category',
      Channel: 'channel',
    });
  });

  it('gives a field to one header only, the best match', () => {
    expect(suggested(['Lineitem price', 'Total', 'Subtotal'], 'orders')).toEqual({ Total: 'revenue' });
    expect(suggested(['Order Number', 'Order ID'], 'orders')).toEqual({ 'Order ID': 'external_id' });
  });
});

describe('missingRequired and mappingProblems', () => {
  it('lists required fields without a column', () => {
    const headers = ['Order ID', 'Order Date', 'Total'];
    const mapping = suggestMapping(headers, 'orders');
    expect(missingRequired(mapping, 'orders').map((field) => field.name)).toEqual(['customer_external_id']);
    expect(mappingProblems(headers, mapping, 'orders')).toEqual(['Choose a column for Customer ID: it is required.']);
  });

  it('points at the delimiter when a semicolon file was read with commas', () => {
    const headers = ['order_id;customer_id;ordered_at;revenue'];
    const mapping = suggestMapping(headers, 'orders');
    expect(mapping).toEqual([null]);
    expect(missingRequired(mapping, 'orders')).toHaveLength(4);
    expect(mappingProblems(headers, mapping, 'orders')[0]).toMatch(/^Only one column was found, so the file probably uses another delimiter/);
  });

  it('refuses two columns on one field, except the name parts, and unknown targets', () => {
    const headers = ['id', 'Total', 'Subtotal', 'Tier'];
    const mapping: ColumnMapping = ['external_id', 'revenue', 'revenue', customTarget('Tier')];
    expect(mappingProblems(headers, mapping, 'orders')).toEqual([
      'Choose a column for Customer ID and Order date: they are required.',
      '"Total" and "Subtotal" are both mapped to Revenue: keep one.',
      '"Tier" cannot be imported as "custom:tier" in orders.',
    ]);
    const customers: ColumnMapping = ['external_id', 'name', 'name', 'custom:tier'];
    expect(mappingProblems(['id', 'First', 'Last', 'Tier'], customers, 'customers')).toEqual([]);
  });
});

describe('headerSignature', () => {
  it('is equal for headers that differ only in case and punctuation, and differs otherwise', () => {
    const signature = headerSignature(['Customer ID', 'E-mail', 'Created at']);
    expect(signature).toBe(headerSignature(['customer_id', 'e mail', 'CREATED AT']));
    expect(signature).not.toBe(headerSignature(['E-mail', 'Customer ID', 'Created at']));
    expect(signature).not.toBe(headerSignature(['Customer ID', 'E-mail']));
    expect(signature).toMatch(/^3-[0-9a-f]{14}$/);
  });
});
