import { eq } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { organizations } from '@/lib/db/schema';

export type ValueEngineSettings = {
  defaultMarginPct: number;
  rfmBins: number;
  clvHorizonMonths: number;
  monthlyDiscountRate: number;
  clvBasis: 'revenue' | 'margin';
};

export async function valueEngineSettings(db: Database, orgId: string): Promise<ValueEngineSettings> {
  const [settings] = await db
    .select({
      defaultMarginPct: organizations.defaultMarginPct,
      rfmBins: organizations.rfmBins,
      clvHorizonMonths: organizations.clvHorizonMonths,
      monthlyDiscountRate: organizations.monthlyDiscountRate,
      clvBasis: organizations.clvBasis,
    })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  return settings;
}
