import { parseArgs } from 'node:util';
import { parseDate } from '@/lib/import/dates';
import type { TimeUnit } from '@/lib/models/customer-summary';

export const CLV_USAGE =
  'Usage: npm run clv -- --transactions FILE --calibration-end YYYY-MM-DD [--unit weeks|days] [--out FILE] ' +
  '[--horizon-months 12] [--discount-rate 0.01]\n' +
  '  FILE: CSV with a header naming customer_id, date (YYYY-MM-DD or ISO timestamp), amount; .gz is read too.\n' +
  '  Prints the BG/NBD and Gamma-Gamma fits as JSON; --out writes per-customer predictions as CSV.\n' +
  '  --discount-rate is monthly. Exit codes: 0 done, 1 bad input, 2 BG/NBD did not converge (no predictions).';

export interface ClvCliOptions {
  transactionsFile: string;
  calibrationEnd: string;
  unit: TimeUnit;
  outFile?: string;
  horizonMonths: number;
  monthlyDiscountRate: number;
  /** Not a flag: tests pin expected_purchases_horizon to an exact number of model units with it. */
  purchaseHorizon?: number;
}

/** Bad or missing flags; `message` ends with the usage. */
export class UsageError extends Error {
  constructor(problem: string) {
    super(`${problem}\n${CLV_USAGE}`);
    this.name = 'UsageError';
  }
}

/** The CLI's arguments (without `node script`) → options; 'help' for --help. Throws UsageError. */
export function parseClvArgs(args: readonly string[]): ClvCliOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        transactions: { type: 'string' },
        'calibration-end': { type: 'string' },
        unit: { type: 'string', default: 'weeks' },
        out: { type: 'string' },
        'horizon-months': { type: 'string', default: '12' },
        'discount-rate': { type: 'string', default: '0.01' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return 'help';

  const transactionsFile = values.transactions;
  if (!transactionsFile) throw new UsageError('--transactions FILE is required.');
  const calibrationEnd = values['calibration-end'];
  if (!calibrationEnd) throw new UsageError('--calibration-end YYYY-MM-DD is required.');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(calibrationEnd) || typeof parseDate(calibrationEnd, 'ymd') !== 'string') {
    throw new UsageError(`--calibration-end must be a real date YYYY-MM-DD, got "${calibrationEnd}".`);
  }
  const unit = values.unit;
  if (unit !== 'weeks' && unit !== 'days') throw new UsageError(`--unit must be weeks or days, got "${unit}".`);
  if (values.out === '') throw new UsageError('--out needs a file name.');

  const horizonText = values['horizon-months']!;
  const horizonMonths = Number(horizonText);
  if (!/^\d+$/.test(horizonText) || horizonMonths < 1) {
    throw new UsageError(`--horizon-months must be a whole number of months, 1 or more, got "${horizonText}".`);
  }
  const rateText = values['discount-rate']!;
  const monthlyDiscountRate = Number(rateText);
  if (rateText.trim() === '' || !Number.isFinite(monthlyDiscountRate) || monthlyDiscountRate < 0) {
    throw new UsageError(`--discount-rate must be a monthly rate of 0 or more, such as 0.01, got "${rateText}".`);
  }
  return { transactionsFile, calibrationEnd, unit, outFile: values.out, horizonMonths, monthlyDiscountRate };
}
