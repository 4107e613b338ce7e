import { z } from 'zod';

export const AUDIT_PAGE_SIZE = 50;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** A trimmed text filter; blank (as an empty GET form field sends it) means no filter. */
const textFilter = (max: number) =>
  z.preprocess(
    first,
    z
      .string()
      .trim()
      .max(max)
      .transform((value) => value || undefined)
      .optional()
      .catch(undefined),
  );

/** A real calendar day as YYYY-MM-DD; years before 1000 are refused (Postgres has no year 0). */
const day = z.preprocess(
  first,
  z
    .string()
    .regex(/^[1-9]\d{3}-\d{2}-\d{2}$/)
    .refine((value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
    })
    .optional()
    .catch(undefined),
);

/** Parses the audit trail's URL parameters, falling back to no filter for anything malformed. */
export const auditListParams = z.object({
  action: textFilter(100),
  actor: textFilter(200),
  from: day,
  to: day,
  page: z.preprocess(first, z.coerce.number().int().min(1).max(100_000).catch(1)),
});

export type AuditListParams = z.infer<typeof auditListParams>;
