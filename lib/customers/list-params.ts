import { z } from 'zod';
import { customerSorts } from './queries';

export const CUSTOMERS_PAGE_SIZE = 25;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** Parses the customers table's URL parameters, falling back to defaults for anything malformed. */
export const customerListParams = z.object({
  q: z.preprocess(first, z.string().max(200).optional().catch(undefined)),
  sort: z.preprocess(first, z.enum(customerSorts).catch('revenue')),
  dir: z.preprocess(first, z.enum(['asc', 'desc']).catch('desc')),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(100_000).catch(1)),
  r: z.preprocess(first, z.coerce.number().int().min(1).max(10).optional().catch(undefined)),
  f: z.preprocess(first, z.coerce.number().int().min(1).max(10).optional().catch(undefined)),
  segment: z.preprocess(first, z.string().max(100).optional().catch(undefined)),
});

export type CustomerListParams = z.infer<typeof customerListParams>;
