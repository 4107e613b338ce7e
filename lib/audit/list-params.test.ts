import { describe, expect, it } from 'vitest';
import { auditListParams } from './list-params';

describe('audit trail list parameters', () => {
  it('defaults to every event on page 1', () => {
    expect(auditListParams.parse({})).toEqual({ action: undefined, actor: undefined, from: undefined, to: undefined, page: 1 });
  });

  it('treats the blank fields of a submitted filter form as no filter', () => {
    expect(auditListParams.parse({ action: '', actor: '   ', from: '', to: '' })).toEqual({
      action: undefined, actor: undefined, from: undefined, to: undefined, page: 1,
    });
  });

  it('keeps valid filters, trimming the actor', () => {
    expect(auditListParams.parse({ action: 'customer.deleted', actor: ' Ann@ ', from: '2024-02-29', to: '2024-03-31', page: '4' })).toEqual({
      action: 'customer.deleted', actor: 'Ann@', from: '2024-02-29', to: '2024-03-31', page: 4,
    });
  });

  it('drops days that are not real calendar days', () => {
    for (const day of ['2023-02-29', '2024-13-01', '2024-3-1', '01/03/2024', '0000-01-01', '2024-03-01T00:00', 'yesterday']) {
      expect(auditListParams.parse({ from: day, to: day })).toMatchObject({ from: undefined, to: undefined });
    }
  });

  it('replaces a malformed page and overlong filters', () => {
    expect(auditListParams.parse({ page: '-2' }).page).toBe(1);
    expect(auditListParams.parse({ page: 'x' }).page).toBe(1);
    expect(auditListParams.parse({ page: '2.5' }).page).toBe(1);
    expect(auditListParams.parse({ action: 'a'.repeat(101), actor: 'b'.repeat(201) })).toMatchObject({ action: undefined, actor: undefined });
  });

  it('takes the first of repeated parameters', () => {
    expect(auditListParams.parse({ action: ['sign_in.failed', 'x'], page: ['2', '9'] })).toMatchObject({ action: 'sign_in.failed', page: 2 });
  });
});
