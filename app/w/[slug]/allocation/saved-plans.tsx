import Link from 'next/link';
import { ActionForm } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import type { ActionState } from '@/lib/auth/gate';
import { formatCurrency, formatDateTime } from '@/lib/format';
import type { SavedPlanSummary } from '@/lib/valuation-report/allocation-plans';

/** Saved plans with their author, date and headline figures; pick two to compare. */
export function SavedPlans({ plans, base, currency, deleteAction }: {
  plans: SavedPlanSummary[];
  base: string;
  currency: string;
  deleteAction?: (state: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  const money = (amount: number) => formatCurrency(amount, currency, { compact: true });
  if (plans.length === 0) {
    return <p className="text-sm text-gray-600">No saved plans yet.{deleteAction ? ' Save the plan above to keep it and compare it later.' : ''}</p>;
  }
  return (
    <div className="space-y-6">
      <div className="overflow-x-auto">
        <table className="min-w-full text-sm">
          <caption className="sr-only">Saved allocation plans</caption>
          <thead className="text-left text-gray-900">
            <tr>
              <th scope="col" className="py-2 pr-4 font-semibold">Plan</th>
              <th scope="col" className="py-2 pr-4 font-semibold">Author</th>
              <th scope="col" className="py-2 pr-4 font-semibold">Saved</th>
              <th scope="col" className="py-2 pr-4 text-right font-semibold">Budget</th>
              <th scope="col" className="py-2 pr-4 text-right font-semibold">Expected margin</th>
              <th scope="col" className="py-2 pr-4 text-right font-semibold">Equal split</th>
              <th scope="col" className="py-2 pr-4 text-right font-semibold">Proportional</th>
              {deleteAction && <th scope="col" className="py-2"><span className="sr-only">Delete</span></th>}
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {plans.map((plan) => (
              <tr key={plan.id}>
                <td className="py-2 pr-4">
                  <Link href={`${base}/plans/${plan.id}`} className="font-medium text-indigo-700 hover:text-indigo-500">
                    {plan.name}
                  </Link>
                </td>
                <td className="py-2 pr-4 text-gray-700">{plan.author ?? 'A former member'}</td>
                <td className="py-2 pr-4 text-gray-700">{formatDateTime(plan.createdAt)}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{money(plan.budget)}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{money(plan.expectedIncrementalMargin)}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{money(plan.equalSplitMargin)}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{money(plan.revenueProportionalMargin)}</td>
                {deleteAction && (
                  <td className="py-2">
                    <ActionForm action={deleteAction} submitLabel="Delete" pendingLabel="Deleting…" variant="ghost" className="flex items-center gap-2">
                      <input type="hidden" name="id" value={plan.id} />
                    </ActionForm>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {plans.length >= 2 && (
        <form method="get" action={`${base}/plans/compare`} className="flex flex-wrap items-end gap-3">
          {(['a', 'b'] as const).map((side, index) => (
            <div key={side}>
              <label htmlFor={`compare-${side}`} className="block text-sm font-medium text-gray-900">
                {index === 0 ? 'Compare' : 'with'}
              </label>
              <select
                id={`compare-${side}`}
                name={side}
                defaultValue={plans[index].id}
                className="mt-1 rounded-md border-0 py-1.5 pl-3 pr-8 text-sm ring-1 ring-inset ring-gray-300 focus:ring-2 focus:ring-indigo-600"
              >
                {plans.map((plan) => (
                  <option key={plan.id} value={plan.id}>
                    {plan.name} ({formatDateTime(plan.createdAt)})
                  </option>
                ))}
              </select>
            </div>
          ))}
          <Button type="submit" variant="secondary">
            Compare plans
          </Button>
        </form>
      )}
    </div>
  );
}
