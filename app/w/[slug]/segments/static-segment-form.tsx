import { ActionForm } from '@/components/ui/action-form';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { createStaticSegmentAction } from './actions';

/** A frozen list from pasted customer ids (one per line, or comma-separated, e.g. a column copied from a sheet). */
export function StaticSegmentForm({ slug }: { slug: string }) {
  return (
    <Card
      className="mt-8"
      title="Or: a static list of customers"
      description="Paste customer IDs (one per line or separated by commas). The list stays as it is; ids unknown to this workspace are skipped and counted."
    >
      <ActionForm action={createStaticSegmentAction.bind(null, slug)} submitLabel="Create static segment" pendingLabel="Creating…" variant="secondary" className="grid max-w-xl gap-4">
        <Field label="List name" name="name" required maxLength={80} id="static-name" />
        <div>
          <label htmlFor="static-external-ids" className="block text-sm font-medium text-gray-900">
            Customer IDs
          </label>
          <textarea
            id="static-external-ids"
            name="externalIds"
            rows={5}
            required
            className="mt-1 block w-full rounded-md border-0 px-3 py-2 font-mono text-sm shadow-sm ring-1 ring-inset ring-gray-300 focus:ring-2 focus:ring-inset focus:ring-indigo-600"
          />
        </div>
      </ActionForm>
    </Card>
  );
}
