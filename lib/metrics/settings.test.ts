import { describe, expect, it } from 'vitest';
import { valueEngineSettingsSchema } from './settings';

describe('value engine settings input', () => {
  it('accepts form values and coerces them to numbers', () => {
    expect(
      valueEngineSettingsSchema.parse({ defaultMarginPct: '35.5', rfmBins: '4', clvHorizonMonths: '24', monthlyDiscountRatePct: '0.8', clvBasis: 'margin' }),
    ).toEqual({ defaultMarginPct: 35.5, rfmBins: 4, clvHorizonMonths: 24, monthlyDiscountRatePct: 0.8, clvBasis: 'margin' });
  });

  it('names the field and the limit of every out-of-range value', () => {
    const result = valueEngineSettingsSchema.safeParse({
      defaultMarginPct: '120', rfmBins: '2.5', clvHorizonMonths: '0', monthlyDiscountRatePct: 'abc', clvBasis: 'profit',
    });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'defaultMarginPct: Default margin: at most 100.',
        'rfmBins: Score bins: at least 3.',
        'clvHorizonMonths: CLV horizon: at least 1.',
        'monthlyDiscountRatePct: Monthly discount rate must be a number.',
        'clvBasis: Choose revenue or margin.',
      ]),
    );
  });
});
