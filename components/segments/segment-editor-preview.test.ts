import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SegmentEditorPreview, type SegmentEditorPreviewProps } from './segment-editor-preview';

const preview = { customers: 1234, totalCustomers: 10_000, customerShare: 0.1234, revenue: 456_789, revenueShare: 0.45, averagePredictedClv: 321.5 };
const customer = { id: 1, externalId: 'C-001', name: 'Ada', email: 'ada@example.com', country: 'DE', revenue: 1200, predictedClv: null };

const render = (props: SegmentEditorPreviewProps) => renderToStaticMarkup(createElement(SegmentEditorPreview, props));
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('SegmentEditorPreview', () => {
  it('shows the figures, announced politely, and the sample', () => {
    const html = render({ state: 'ready', preview, sample: [customer], currency: 'EUR' });
    expect(html).toContain('aria-live="polite"');
    expect(text(html)).toContain('1,234 customers match, 12.3% of customers and 45% of revenue.');
    expect(text(html)).toContain('of 10,000 customers');
    expect(text(html)).toContain('€456.8K');
    expect(text(html)).toContain('€321.50');
    expect(text(html)).toContain('C-001');
    expect(text(html)).toContain('€1,200.00');
    expect(html).toContain('aria-busy="false"');
  });

  it('keeps the last figures, dimmed and busy, while updating', () => {
    const html = render({ state: 'loading', preview, sample: [customer] });
    expect(text(html)).toContain('Updating…');
    expect(html).toContain('aria-busy="true"');
    expect(html).toContain('opacity-60');
    expect(text(html)).toContain('1,234');
  });

  it('shows a skeleton when there is nothing to show yet', () => {
    const html = render({ state: 'loading' });
    expect(text(html)).toContain('Loading the preview');
  });

  it('says when no customer matches', () => {
    const html = render({ state: 'ready', preview: { ...preview, customers: 0, customerShare: 0, revenue: 0, revenueShare: 0, averagePredictedClv: null }, sample: [] });
    expect(text(html)).toContain('No customers match yet');
    expect(text(html)).toContain('No predictions yet');
  });

  it('shows the error instead of figures', () => {
    const html = render({ state: 'error', preview, error: 'Fix the problems in the rule to see who matches.' });
    expect(html).toContain('role="alert"');
    expect(text(html)).toContain('Fix the problems in the rule');
    expect(text(html)).not.toContain('1,234');
  });
});
