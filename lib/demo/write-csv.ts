import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { formatCsvRow } from '@/lib/import/csv-writer';
import { generateDemoData, type GeneratorOptions } from './generator';

export const CUSTOMER_CSV_HEADER = [
  'customer_id', 'email', 'name', 'signup_date', 'country', 'region', 'gender', 'birth_year', 'income_band', 'education',
  'acquisition_channel', 'marketing_consent',
];
export const ORDER_CSV_HEADER = ['order_id', 'customer_id', 'ordered_at', 'revenue', 'cost', 'currency', 'product_category', 'channel'];

const FLUSH_CHARS = 1 << 20;

class BufferedFile {
  private buffer = '';
  private readonly stream: fs.WriteStream;

  constructor(file: string) {
    this.stream = fs.createWriteStream(file);
  }

  async write(text: string): Promise<void> {
    this.buffer += text;
    if (this.buffer.length >= FLUSH_CHARS) await this.flush();
  }

  private async flush(): Promise<void> {
    const text = this.buffer;
    this.buffer = '';
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

/** Writes customers.csv and orders.csv of generated demo data into `outDir`; same options → same bytes. */
export async function writeDemoCsv(options: GeneratorOptions & { outDir: string }): Promise<{ customers: number; orders: number; files: string[] }> {
  fs.mkdirSync(options.outDir, { recursive: true });
  const files = [path.join(options.outDir, 'customers.csv'), path.join(options.outDir, 'orders.csv')];
  const [customerFile, orderFile] = files.map((file) => new BufferedFile(file));
  // Generated values hold no formulas; writing them as they are keeps the files identical to what a shop exports.
  const plain = { neutraliseFormulas: false };
  await customerFile.write(formatCsvRow(CUSTOMER_CSV_HEADER, plain));
  await orderFile.write(formatCsvRow(ORDER_CSV_HEADER, plain));
  let customers = 0;
  let orders = 0;
  for (const { customer: c, orders: customerOrders } of generateDemoData(options)) {
    customers++;
    await customerFile.write(
      formatCsvRow(
        [c.externalId, c.email, c.name, c.signupDate, c.country, c.region, c.gender, c.birthYear, c.incomeBand, c.education,
          c.acquisitionChannel, c.marketingConsent ? 'yes' : 'no'],
        plain,
      ),
    );
    for (const o of customerOrders) {
      orders++;
      await orderFile.write(
        formatCsvRow([o.externalId, o.customerExternalId, o.orderedAt, o.revenue.toFixed(2), o.cost?.toFixed(2), o.currency, o.productCategory, o.channel], plain),
      );
    }
  }
  await Promise.all([customerFile.close(), orderFile.close()]);
  return { customers, orders, files };
}
