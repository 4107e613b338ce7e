import { SeededRandom } from './random';
import {
  acquisitionChannels,
  categories,
  countries,
  educationLevels,
  firstNames,
  genders,
  incomeBands,
  lastNames,
  orderChannels,
} from './vocabulary';

export type GeneratedCustomer = {
  externalId: string;
  email: string;
  name: string;
  signupDate: string;
  country: string;
  region: string;
  gender: string | null;
  birthYear: number;
  incomeBand: string;
  education: string;
  acquisitionChannel: string;
  marketingConsent: boolean;
};

export type GeneratedOrder = {
  externalId: string;
  customerExternalId: string;
  orderedAt: string;
  revenue: number;
  cost: number | null;
  currency: string;
  productCategory: string;
  channel: string;
};

export type GeneratorOptions = { customers: number; seed: number; endDate: string; currency?: string; months?: number };

const DAY_MS = 86_400_000;

// Holiday peak and summer lull; the thinning below needs the maximum.
const monthlySeasonality = [0.85, 0.8, 0.95, 1, 1, 0.9, 0.85, 0.9, 1, 1.1, 1.45, 1.7];
const peakSeasonality = Math.max(...monthlySeasonality);

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function roundCents(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * Customers follow the BG/NBD story the value engine models: a personal purchase rate (gamma),
 * a chance to lapse after each purchase (beta) and a personal average spend (gamma-gamma),
 * modulated by seasonality and income. Yields one customer with their orders at a time.
 */
export function* generateDemoData(options: GeneratorOptions): Generator<{ customer: GeneratedCustomer; orders: GeneratedOrder[] }> {
  const random = new SeededRandom(options.seed);
  const months = options.months ?? 24;
  const end = Date.parse(`${options.endDate}T23:59:59Z`);
  const start = end - Math.round(months * 30.44) * DAY_MS;
  const span = end - start;
  const currency = options.currency ?? 'USD';
  const idWidth = Math.max(6, String(options.customers).length);
  let orderNumber = 0;

  for (let i = 1; i <= options.customers; i++) {
    const externalId = `C${String(i).padStart(idWidth, '0')}`;
    const first = random.pick(firstNames);
    const last = random.pick(lastNames);
    const [country, , regions] = random.weighted(countries.map((c) => [c, c[1]] as const));
    const [incomeBand, incomeSpendFactor] = random.weighted(incomeBands.map((b) => [b, b[2]] as const));
    const acquiredAt = start + span * Math.pow(random.next(), 0.85);

    const customer: GeneratedCustomer = {
      externalId,
      email: `${first}.${last}.${i}@example.com`.toLowerCase().normalize('NFKD').replace(/[^a-z0-9.@]/g, ''),
      name: `${first} ${last}`,
      signupDate: isoDate(acquiredAt - random.int(0, 60) * DAY_MS),
      country,
      region: random.pick(regions),
      gender: random.weighted(genders),
      birthYear: Math.min(2007, Math.max(1940, Math.round(1983 + random.normal() * 13))),
      incomeBand,
      education: random.weighted(educationLevels),
      acquisitionChannel: random.weighted(acquisitionChannels),
      marketingConsent: random.next() < 0.72,
    };

    const purchaseRatePerDay = random.gamma(0.75, 0.09);
    const lapseProbability = random.beta(0.7, 3.6);
    const averageSpend = random.gamma(4, 17) * incomeSpendFactor;
    const favourite = random.weighted(categories.map((c) => [c, c[2]] as const));

    const orders: GeneratedOrder[] = [];
    let at = acquiredAt;
    while (at <= end) {
      const category = random.next() < 0.6 ? favourite : random.weighted(categories.map((c) => [c, c[2]] as const));
      const revenue = roundCents(Math.max(4.99, random.gamma(6, averageSpend / 6)));
      const costShare = category[1] * (0.9 + random.next() * 0.2);
      orderNumber++;
      orders.push({
        externalId: `O${String(orderNumber).padStart(idWidth + 2, '0')}`,
        customerExternalId: externalId,
        orderedAt: new Date(Math.floor(at / 1000) * 1000).toISOString(),
        revenue,
        cost: random.next() < 0.03 ? null : roundCents(revenue * costShare),
        currency,
        productCategory: category[0],
        channel: random.weighted(orderChannels),
      });
      if (random.next() < lapseProbability) break;
      at = nextPurchase(random, at, purchaseRatePerDay);
    }
    yield { customer, orders };
  }
}

function nextPurchase(random: SeededRandom, from: number, ratePerDay: number): number {
  let at = from;
  for (;;) {
    at += Math.max(1, random.exponential(ratePerDay * peakSeasonality)) * DAY_MS;
    const month = new Date(at).getUTCMonth();
    if (random.next() * peakSeasonality <= monthlySeasonality[month]) return at;
  }
}
