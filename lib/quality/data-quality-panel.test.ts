import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DataQualityPanel } from '@/components/quality/data-quality-panel';
import { qualityCheckIds, type DataQualityReport, type QualityCheck } from './queries';

// The panel lives in components/, which Vitest does not collect; its test sits beside the report it renders.

function report(overrides: Partial<Record<QualityCheck['id'], Partial<QualityCheck>>> = {}): DataQualityReport {
  const base: Record<QualityCheck['id'], Pick<QualityCheck, 'entity' | 'valueKind'>> = {
    missingEmail: { entity: 'customer', valueKind: 'email' },
    duplicateEmails: { entity: 'customer', valueKind: 'email' },
    zeroRevenueOrders: { entity: 'order', valueKind: 'money' },
    refundOrders: { entity: 'order', valueKind: 'money' },
    futureOrders: { entity: 'order', valueKind: 'timestamp' },
    customersWithoutOrders: { entity: 'customer', valueKind: 'none' },
    revenueOutliers: { entity: 'order', valueKind: 'money' },
  };
  return { checks: qualityCheckIds.map((id) => ({ id, ...base[id], count: 0, examples: [], ...overrides[id] })) };
}

const render = (value: DataQualityReport, currency = 'EUR') => renderToStaticMarkup(createElement(DataQualityPanel, { report: value, currency }));

function rowOf(html: string, id: string): string {
  const start = html.indexOf(`data-check="${id}"`);
  expect(start, `row ${id}`).toBeGreaterThan(-1);
  const end = html.indexOf('data-check=', start + 1);
  return html.slice(start, end === -1 ? undefined : end);
}

describe('DataQualityPanel', () => {
  it('says no problems were found when every count is 0, and lists no checks', () => {
    const html = render(report());
    expect(html).toContain('No problems found.');
    expect(html).not.toContain('data-check=');
  });

  it('marks checks with problems as warnings, with why they matter and their examples', () => {
    const html = render(
      report({
        duplicateEmails: {
          count: 7,
          examples: ['c1', 'c2', 'c3', 'c4', 'c5'].map((externalId) => ({ externalId, value: `${externalId}@example.com` })),
        },
        refundOrders: { count: 1, examples: [{ externalId: 'o-refund', value: -25.5 }] },
        futureOrders: { count: 1, examples: [{ externalId: 'o-late', value: '2999-03-04T12:00:00Z' }] },
        missingEmail: { count: 1, examples: [{ externalId: 'c-none', value: null }] },
        revenueOutliers: { count: 1, examples: [{ externalId: 'o-huge', value: 250000 }], threshold: 69 },
      }),
    );
    expect(html).not.toContain('No problems found.');
    expect(html).toContain('5 checks of 7 found something to look at.');

    const duplicates = rowOf(html, 'duplicateEmails');
    expect(duplicates).toContain('data-severity="warning"');
    expect(duplicates).toContain('inflates customer counts and splits');
    expect(duplicates).toContain('<details');
    expect(duplicates).toContain('First 5 of 7');
    expect(duplicates).toContain('c5@example.com');

    expect(rowOf(html, 'refundOrders')).toContain('-€25.50');
    expect(rowOf(html, 'futureOrders')).toContain('4 Mar 2999');
    expect(rowOf(html, 'missingEmail')).toContain('no email');
    expect(rowOf(html, 'revenueOutliers')).toMatch(/above €69\.00[\s\S]*€250,000\.00/);

    const clean = rowOf(html, 'zeroRevenueOrders');
    expect(clean).toContain('data-severity="ok"');
    expect(clean).not.toContain('<details');
  });
});
