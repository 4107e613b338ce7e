export interface Transaction {
  customerId: string;
  /** Calendar date, YYYY-MM-DD. */
  date: string;
  amount: number;
}

export type TimeUnit = 'days' | 'weeks';

export interface SummaryOptions {
  /** Last day of the calibration period (inclusive), YYYY-MM-DD. */
  calibrationEnd: string;
  unit: TimeUnit;
}

/** One customer's repeat-purchase summary, the input of BG/NBD and Gamma-Gamma. */
export interface CustomerSummary {
  customerId: string;
  /** x: purchase days after the first one. */
  frequency: number;
  /** t_x: time from the first to the last purchase day. */
  recency: number;
  /** Time from the first purchase day to the calibration end. */
  T: number;
  /** Mean value of the repeat purchase days (the first day excluded); 0 when frequency is 0. */
  monetaryValue: number;
}

const MS_PER_DAY = 86_400_000;
const DAYS_PER_UNIT: Record<TimeUnit, number> = { days: 1, weeks: 7 };

// (x, t_x, T) as in Fader, Hardie & Lee (2005); zbar over the repeat transactions only, as in Fader & Hardie (2013).
export function summarizeTransactions(
  transactions: readonly Transaction[],
  options: SummaryOptions,
): CustomerSummary[] {
  const end = dayNumber(options.calibrationEnd);
  const daysPerUnit = DAYS_PER_UNIT[options.unit];

  // Same-day purchases become one transaction whose value is their sum.
  const spendByDayOfCustomer = new Map<string, Map<number, number>>();
  for (const { customerId, date, amount } of transactions) {
    const day = dayNumber(date);
    if (day > end) continue;
    let spendByDay = spendByDayOfCustomer.get(customerId);
    if (!spendByDay) {
      spendByDay = new Map();
      spendByDayOfCustomer.set(customerId, spendByDay);
    }
    spendByDay.set(day, (spendByDay.get(day) ?? 0) + amount);
  }

  const summaries: CustomerSummary[] = [];
  for (const [customerId, spendByDay] of spendByDayOfCustomer) {
    const days = [...spendByDay.keys()].sort((u, v) => u - v);
    const first = days[0];
    const last = days[days.length - 1];
    let repeatSpend = 0;
    for (let i = 1; i < days.length; i++) repeatSpend += spendByDay.get(days[i])!;
    const frequency = days.length - 1;
    summaries.push({
      customerId,
      frequency,
      recency: (last - first) / daysPerUnit,
      T: (end - first) / daysPerUnit,
      monetaryValue: frequency > 0 ? repeatSpend / frequency : 0,
    });
  }
  return summaries.sort((u, v) => (u.customerId < v.customerId ? -1 : u.customerId > v.customerId ? 1 : 0));
}

/** The summaries as the column arrays the model fits take. */
export function summaryColumns(summaries: readonly CustomerSummary[]): {
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  monetaryValue: Float64Array;
} {
  return {
    frequency: Float64Array.from(summaries, (s) => s.frequency),
    recency: Float64Array.from(summaries, (s) => s.recency),
    T: Float64Array.from(summaries, (s) => s.T),
    monetaryValue: Float64Array.from(summaries, (s) => s.monetaryValue),
  };
}

function dayNumber(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  // Date.UTC rolls 2024-02-31 over into March; reject it instead.
  if (!match || new Date(ms).getUTCDate() !== Number(match[3])) {
    throw new RangeError(`expected a YYYY-MM-DD date, got "${date}"`);
  }
  return ms / MS_PER_DAY;
}
