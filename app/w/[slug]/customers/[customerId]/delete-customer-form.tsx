'use client';

import { useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/field';
import type { ActionState } from '@/lib/auth/gate';
import { formatNumber } from '@/lib/format';

type Props = {
  customerId: number;
  customerLabel: string;
  orders: number;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
};

/** "Delete customer…" reveals what will be deleted and asks once more before deleting for good. */
export function DeleteCustomerForm({ customerId, customerLabel, orders, action }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [state, submit, pending] = useActionState(action, {});
  if (!confirming) {
    return (
      <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
        Delete customer…
      </Button>
    );
  }
  return (
    <form action={submit} className="max-w-xl space-y-3 rounded-md bg-red-50 p-4 ring-1 ring-inset ring-red-200">
      <FormError message={state.error} />
      <p className="text-sm text-red-900">
        Delete <strong>{customerLabel}</strong>: their profile, {ordersPhrase(orders)}their computed value (RFM scores, CLV).
        This cannot be undone. The audit trail keeps only that this customer ID was deleted, with no personal data; customer
        value is then recomputed for everyone else.
      </p>
      <input type="hidden" name="customerId" value={customerId} />
      <input type="hidden" name="confirm" value="delete" />
      <div className="flex gap-3">
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? 'Deleting…' : 'Delete customer permanently'}
        </Button>
        <Button type="button" variant="ghost" disabled={pending} onClick={() => setConfirming(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function ordersPhrase(orders: number): string {
  if (orders === 0) return '';
  return orders === 1 ? 'their 1 order and ' : `all ${formatNumber(orders)} of their orders and `;
}
