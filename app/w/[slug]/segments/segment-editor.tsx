'use client';

import { startTransition, useActionState, useCallback, useState } from 'react';
import { RuleBuilder } from '@/components/segments/rule-builder';
import { SegmentEditorPreview } from '@/components/segments/segment-editor-preview';
import { segmentDotClass } from '@/components/segments/segment-color';
import { useDebouncedPreview, type PreviewResult } from '@/components/segments/use-debounced-preview';
import { Button } from '@/components/ui/button';
import { Field, FormError } from '@/components/ui/field';
import type { ActionState } from '@/lib/auth/gate';
import { SEGMENT_COLORS, type SegmentColor } from '@/lib/segments/segment-colors';
import type { SegmentRule } from '@/lib/segments/rule-schema';

type Props = {
  slug: string;
  currency: string;
  save: (state: ActionState, formData: FormData) => Promise<ActionState>;
  /** `rule` null: a static segment, whose details alone can change. */
  initial: { id?: number; name: string; description: string; color: SegmentColor; rule: SegmentRule | null };
  segments: { id: number; name: string }[];
  attributeKeys: string[];
  rfmSegmentNames: string[];
};

async function fetchPreview(slug: string, rule: SegmentRule, signal?: AbortSignal): Promise<PreviewResult> {
  const response = await fetch(`/w/${slug}/segments/preview`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ rule }),
    signal,
  });
  const body = await response.json().catch(() => null);
  if (response.ok) return body as PreviewResult;
  const errors: string[] = body?.errors ?? ['The preview could not be computed. Try again.'];
  throw Object.assign(new Error(errors.join(' ')), { errors });
}

/** Name, colour and rule of a segment, with its size and value updating as the rule changes. */
export function SegmentEditor({ slug, currency, save, initial, segments, attributeKeys, rfmSegmentNames }: Props) {
  const [name, setName] = useState(initial.name);
  const [description, setDescription] = useState(initial.description);
  const [color, setColor] = useState<SegmentColor>(initial.color);
  const [rule, setRule] = useState<SegmentRule | null>(initial.rule);
  const [state, submit, pending] = useActionState(save, {});
  const runPreview = useCallback((next: SegmentRule, signal?: AbortSignal) => fetchPreview(slug, next, signal), [slug]);
  const preview = useDebouncedPreview(rule, runPreview);
  const ruleErrors = state.fieldErrors?.rule ?? (preview.state === 'error' ? preview.errors : undefined);

  return (
    <form
      noValidate
      className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData();
        if (initial.id) data.set('id', String(initial.id));
        data.set('name', name);
        data.set('description', description);
        data.set('color', color);
        if (rule) data.set('rule', JSON.stringify(rule));
        startTransition(() => submit(data));
      }}
    >
      <div className="space-y-6">
        <section aria-labelledby="segment-details" className="space-y-4 rounded-lg bg-white p-5 shadow-sm ring-1 ring-gray-200">
          <h2 id="segment-details" className="text-base font-semibold text-gray-900">
            Details
          </h2>
          <Field label="Name" name="name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} errors={state.fieldErrors?.name} />
          <div>
            <label htmlFor="field-description" className="block text-sm font-medium text-gray-900">
              Description <span className="font-normal text-gray-500">(optional)</span>
            </label>
            <textarea
              id="field-description"
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              rows={2}
              maxLength={500}
              className="mt-1 block w-full rounded-md border-0 px-3 py-2 text-sm shadow-sm ring-1 ring-inset ring-gray-300 focus:ring-2 focus:ring-inset focus:ring-indigo-600"
            />
          </div>
          <fieldset>
            <legend className="text-sm font-medium text-gray-900">Colour</legend>
            <div className="mt-2 flex flex-wrap gap-2">
              {SEGMENT_COLORS.map((option) => (
                <label key={option} className="cursor-pointer">
                  <input type="radio" name="color" value={option} checked={color === option} onChange={() => setColor(option)} className="peer sr-only" />
                  <span
                    className={`block h-6 w-6 rounded-full ring-offset-2 peer-checked:ring-2 peer-checked:ring-gray-900 peer-focus-visible:ring-2 peer-focus-visible:ring-indigo-600 ${segmentDotClass(option)}`}
                  />
                  <span className="sr-only">{option}</span>
                </label>
              ))}
            </div>
          </fieldset>
        </section>

        {rule ? (
          <section aria-labelledby="segment-rule" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-gray-200">
            <h2 id="segment-rule" className="mb-3 text-base font-semibold text-gray-900">
              Who belongs
            </h2>
            <RuleBuilder
              value={rule}
              onChange={setRule}
              segments={segments.filter((s) => s.id !== initial.id)}
              attributeKeys={attributeKeys}
              rfmSegmentNames={rfmSegmentNames}
              errors={ruleErrors}
            />
          </section>
        ) : (
          <p className="rounded-lg bg-gray-50 p-4 text-sm text-gray-600 ring-1 ring-gray-200">
            A static segment is a frozen list of customers: its members do not change with new data, only its figures do.
          </p>
        )}

        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={pending}>
            {pending ? 'Saving…' : initial.id ? 'Save changes' : 'Save segment'}
          </Button>
          <FormError message={state.error} />
        </div>
      </div>

      {rule && (
        <aside className="lg:sticky lg:top-6 lg:self-start">
          <SegmentEditorPreview
            state={preview.state}
            preview={preview.result?.preview}
            sample={preview.result?.sample}
            error={preview.error}
            currency={currency}
          />
        </aside>
      )}
    </form>
  );
}
