import { describe, expect, it } from 'vitest';
import { CLV_USAGE, parseClvArgs, UsageError } from './clv-args';

const required = ['--transactions', 'log.csv', '--calibration-end', '1997-09-30'];

function usageProblem(args: string[]): string {
  try {
    parseClvArgs(args);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    const message = (error as Error).message;
    expect(message.endsWith(CLV_USAGE)).toBe(true);
    return message.slice(0, message.length - CLV_USAGE.length - 1);
  }
  throw new Error(`expected a usage error for ${args.join(' ')}`);
}

describe('parseClvArgs', () => {
  it('defaults to weeks, 12 months, 1% a month and no predictions file', () => {
    expect(parseClvArgs(required)).toEqual({
      transactionsFile: 'log.csv',
      calibrationEnd: '1997-09-30',
      unit: 'weeks',
      outFile: undefined,
      horizonMonths: 12,
      monthlyDiscountRate: 0.01,
    });
  });

  it('reads every flag', () => {
    const args = [...required, '--unit', 'days', '--out', 'p.csv', '--horizon-months', '6', '--discount-rate', '0'];
    expect(parseClvArgs(args)).toMatchObject({ unit: 'days', outFile: 'p.csv', horizonMonths: 6, monthlyDiscountRate: 0 });
    expect(parseClvArgs(['--help'])).toBe('help');
  });

  it('asks for the required flags', () => {
    expect(usageProblem([])).toBe('--transactions FILE is required.');
    expect(usageProblem(['--transactions', 'log.csv'])).toBe('--calibration-end YYYY-MM-DD is required.');
  });

  it('refuses values it cannot use', () => {
    expect(usageProblem(['--transactions', 'log.csv', '--calibration-end', '1997-02-30'])).toMatch(/real date YYYY-MM-DD, got "1997-02-30"/);
    expect(usageProblem(['--transactions', 'log.csv', '--calibration-end', '30/09/1997'])).toMatch(/got "30\/09\/1997"/);
    expect(usageProblem([...required, '--unit', 'months'])).toBe('--unit must be weeks or days, got "months".');
    expect(usageProblem([...required, '--horizon-months', '1.5'])).toMatch(/whole number of months/);
    expect(usageProblem([...required, '--horizon-months', '0'])).toMatch(/whole number of months/);
    expect(usageProblem([...required, '--discount-rate=-0.01'])).toMatch(/monthly rate of 0 or more/);
    expect(usageProblem([...required, '--discount-rate', '1%'])).toMatch(/monthly rate of 0 or more/);
  });

  it('refuses unknown flags, stray arguments and flags without their value', () => {
    expect(usageProblem([...required, '--horizon-weeks', '39'])).toMatch(/horizon-weeks/);
    expect(usageProblem([...required, 'extra.csv'])).toMatch(/extra\.csv/);
    expect(usageProblem(['--calibration-end', '1997-09-30', '--transactions'])).toMatch(/--transactions/);
  });
});
