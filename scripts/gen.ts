/** npm run gen -- --customers N --seed S --out DIR [--end YYYY-MM-DD] [--currency EUR] */
import { parseArgs } from 'node:util';
import { writeDemoCsv } from '@/lib/demo/write-csv';

const USAGE = 'Usage: npm run gen -- --customers N --seed S --out DIR [--end YYYY-MM-DD] [--currency USD]';

async function main() {
  const { values } = parseArgs({
    options: {
      customers: { type: 'string' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      end: { type: 'string', default: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10) },
      currency: { type: 'string', default: 'USD' },
    },
  });
  const customers = Number(values.customers);
  const seed = Number(values.seed);
  if (!values.out || !Number.isInteger(customers) || customers < 1 || !Number.isInteger(seed)) throw new Error(USAGE);
  if (!/^\d{4}-\d\d-\d\d$/.test(values.end!) || Number.isNaN(Date.parse(values.end!))) throw new Error(`--end must be a date YYYY-MM-DD.\n${USAGE}`);
  if (!/^[A-Z]{3}$/.test(values.currency!)) throw new Error(`--currency must be a 3-letter code.\n${USAGE}`);

  const started = Date.now();
  const result = await writeDemoCsv({ customers, seed, endDate: values.end!, currency: values.currency, outDir: values.out });
  console.log(`Wrote ${result.customers} customers and ${result.orders} orders (seed ${seed}, ending ${values.end}) in ${Date.now() - started} ms:`);
  for (const file of result.files) console.log(`  ${file}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
