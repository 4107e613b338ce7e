import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEGMENT_NAMES } from '@/lib/models/rfm';
import { RuleBuilder } from './rule-builder';
import { replaceNode } from './rule-tree';
import { MIXED_RULE } from './test-rules';

const rule = replaceNode(MIXED_RULE, [0], { kind: 'condition', field: 'rfm_segment', operator: 'eq', value: 'Champions' });

function render(props: Partial<Parameters<typeof RuleBuilder>[0]> = {}): string {
  return renderToStaticMarkup(
    createElement(RuleBuilder, {
      value: rule,
      onChange: () => {},
      segments: [{ id: 3, name: 'VIPs' }],
      attributeKeys: ['loyalty_tier'],
      rfmSegmentNames: DEFAULT_SEGMENT_NAMES,
      ...props,
    }),
  );
}

describe('RuleBuilder markup', () => {
  it('labels every input, select and button', () => {
    const html = render();
    const ids = [...html.matchAll(/<(?:input|select)[^>]*\sid="([^"]+)"/g)].map((match) => match[1]);
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids) expect(html, id).toContain(`for="${id}"`);
    for (const button of html.match(/<button[^>]*>/g) ?? []) expect(button).toContain('type="button"');
  });

  it('reads as conditions in nested groups, with numbered remove buttons', () => {
    const html = render();
    expect(html).toContain('<optgroup label="Customer">');
    expect(html).toContain('<optgroup label="Value &amp; RFM">');
    expect(html).toContain('<optgroup label="Dates">');
    expect(html).toContain('<option value="orders">Orders</option>');
    expect(html).toContain('Remove<span class="sr-only"> condition 2.1</span>');
    expect(html).toContain('Remove<span class="sr-only"> group 2</span>');
    expect(html).toContain('<option value="Can&#x27;t Lose Them">');
    expect(html).toMatch(/list="[^"]*rfm-segments"/);
  });

  it('shows the server errors beside their node and in a summary', () => {
    const html = render({ errors: ['root.children.1.children.0.value.0: must be a finite number', 'rule is nested too deeply'] });
    expect(html).toContain('This rule has 2 problems');
    expect(html).toContain('Value 1: must be a finite number');
    expect(html).toMatch(/aria-invalid="true"[^>]*value=""/);
  });

  it('offers the RFM segment names as toggles for a list of values', () => {
    const html = render({
      value: { version: 1, root: { kind: 'group', combinator: 'or', children: [{ kind: 'condition', field: 'rfm_segment', operator: 'in', value: ['Loyal'] }] } },
    });
    expect(html).toMatch(/aria-pressed="true"[^>]*>Loyal</);
    expect(html).toMatch(/aria-pressed="false"[^>]*>Champions</);
  });

  it('offers the workspace’s own RFM segment names, not the default grid’s', () => {
    const html = render({ rfmSegmentNames: ['Dormant', 'Stars'] });
    expect(html).toContain('<option value="Dormant">');
    expect(html).toContain('<option value="Stars">');
    expect(html).not.toContain('<option value="Can&#x27;t Lose Them">');
  });

  it('disables every control at once', () => {
    expect(render({ disabled: true })).toMatch(/<fieldset disabled=""/);
  });
});
