import type { ImportEntity } from './import-fields';

/**
 * Normalised header names (see normaliseHeader) per target field, best first, from Shopify, WooCommerce, Stripe,
 * HubSpot, Salesforce, Mailchimp and warehouse exports. Earlier entries win when two headers compete for a field.
 */
export const HEADER_SYNONYMS: Record<ImportEntity, Record<string, readonly string[]>> = {
  customers: {
    external_id: [
      'customer id', 'external id', 'customer external id', 'id', 'customer number', 'customer no', 'client id',
      'contact id', 'record id', 'user id', 'account id', 'member id', 'customer key', 'customer', 'uid',
    ],
    email: ['email', 'e mail', 'email address', 'e mail address', 'customer email', 'contact email', 'mail'],
    name: ['name', 'full name', 'customer name', 'contact name', 'client name', 'display name', 'billing name'],
    signup_date: [
      'signup date', 'sign up date', 'signed up at', 'signup', 'created at', 'created', 'created date', 'create date',
      'date created', 'registration date', 'registered at', 'date registered', 'registered', 'customer since',
      'join date', 'date joined', 'joined', 'first seen', 'optin time', 'date',
    ],
    country: [
      'country', 'country code', 'country region', 'billing country', 'billing country code',
      'default address country code', 'default address country', 'address country', 'mailing country',
      'shipping country', 'country name', 'nation',
    ],
    region: [
      'region', 'state', 'province', 'state province', 'state region', 'province code', 'province name',
      'billing province', 'billing province name', 'billing state', 'default address province code',
      'address state', 'mailing state province', 'county',
    ],
    gender: ['gender', 'sex'],
    birth_year: ['birth year', 'year of birth', 'birthyear', 'yob', 'born'],
    income_band: ['income band', 'income', 'income bracket', 'income range', 'income level', 'household income'],
    education: ['education', 'education level', 'highest education', 'degree'],
    acquisition_channel: [
      'acquisition channel', 'channel', 'acquisition source', 'source', 'original source', 'lead source',
      'utm source', 'referral source', 'signup source', 'first touch channel',
    ],
    marketing_consent: [
      'marketing consent', 'accepts marketing', 'accepts email marketing', 'email marketing consent',
      'marketing opt in', 'email opt in', 'opt in', 'optin', 'newsletter', 'subscribed', 'consent',
      'subscription status', 'email subscription status', 'marketing contact status',
    ],
  },
  orders: {
    external_id: [
      'order id', 'order number', 'order no', 'external id', 'order external id', 'id', 'name', 'order', 'order name',
      'transaction id', 'invoice id', 'invoice number', 'receipt number', 'order reference', 'order ref',
      'payment id', 'charge id',
    ],
    customer_external_id: [
      'customer id', 'customer external id', 'customer number', 'customer no', 'customer', 'client id', 'contact id',
      'user id', 'customer user id', 'account id', 'buyer id', 'member id', 'customer email', 'email',
      'billing email', 'e mail', 'email address',
    ],
    ordered_at: [
      'ordered at', 'order date', 'order time', 'order datetime', 'created at', 'created', 'date', 'created date',
      'date created', 'transaction date', 'purchase date', 'order created at', 'processed at', 'paid at',
      'invoice date', 'date paid', 'timestamp', 'datetime',
    ],
    revenue: [
      'revenue', 'total', 'amount', 'order total', 'total amount', 'order total amount', 'total price', 'grand total',
      'amount paid', 'gross sales', 'total sales', 'net sales', 'sales', 'order value', 'value', 'subtotal',
      'net amount', 'converted amount', 'lineitem price', 'price',
    ],
    cost: [
      'cost', 'cogs', 'cost of goods', 'cost of goods sold', 'total cost', 'item cost', 'unit cost', 'product cost',
      'lineitem cost',
    ],
    currency: ['currency', 'currency code', 'order currency', 'ccy', 'presentment currency', 'converted currency'],
    product_category: [
      'product category', 'category', 'product type', 'item category', 'lineitem category', 'product group',
      'categories', 'department',
    ],
    channel: [
      'channel', 'sales channel', 'source', 'source name', 'order source', 'channel name', 'attribution',
      'utm source', 'platform', 'marketplace', 'store',
    ],
  },
};

/** Words that qualify a header without changing its meaning in that entity's file ("Order Date" is a date). */
export const IGNORED_PREFIXES: Record<ImportEntity, readonly string[]> = {
  customers: ['customer ', 'contact ', 'client ', 'user ', 'default address ', 'billing ', 'mailing ', 'address '],
  orders: ['order ', 'transaction ', 'payment ', 'invoice ', 'sale ', 'billing '],
};

export const IGNORED_SUFFIXES: readonly string[] = [' utc', ' gmt', ' local', ' iso'];
