'use client';

import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import type { SegmentGroup, SegmentRule } from '@/lib/segments/rule-schema';
import { ConditionEditor } from './condition-editor';
import { NodeActions, NodeErrors } from './node-actions';
import { controlId, firstControlOf, focusKey, type RuleEditor } from './rule-editor';
import { describeNode, errorText, groupRuleErrors, parseRuleError } from './rule-errors';
import {
  addCondition,
  addConditionBlockedReason,
  addGroup,
  addGroupBlockedReason,
  newCondition,
  nodeAt,
  nodeNumber,
  pathKey,
  setCombinator,
  type NodePath,
} from './rule-tree';
import { controlClass } from './value-inputs';

export type RuleBuilderProps = {
  value: SegmentRule;
  onChange(next: SegmentRule): void;
  /** Segments a condition may refer to; leave out the segment being edited. */
  segments: { id: number; name: string }[];
  /** Custom attribute keys seen in the workspace, suggested for attribute conditions. */
  attributeKeys: string[];
  /** The workspace's RFM segment names, offered for RFM segment conditions. */
  rfmSegmentNames: readonly string[];
  disabled?: boolean;
  /** The server's validation messages, e.g. `root.children.1.value: must be a finite number`. */
  errors?: string[];
};

const NO_ERRORS: string[] = [];

/** Edits a segment rule: conditions in nested all/any groups. Controlled: every edit calls `onChange` with a new rule. */
export function RuleBuilder({ value, onChange, segments, attributeKeys, rfmSegmentNames, disabled = false, errors = NO_ERRORS }: RuleBuilderProps) {
  const idPrefix = useId();
  const container = useRef<HTMLDivElement>(null);
  const [pendingFocus, setPendingFocus] = useState<string | null>(null);

  // Focus follows an edit (a new row, a moved or removed node) once the parent has rendered the new rule.
  useEffect(() => {
    if (!pendingFocus) return;
    const target = container.current?.querySelector<HTMLElement>(`[data-focus="${pendingFocus}"]`);
    if (target) {
      target.focus();
      setPendingFocus(null);
    }
  }, [pendingFocus, value]);

  const errorsByNode = useMemo(() => groupRuleErrors(errors), [errors]);
  const editor: RuleEditor = {
    rule: value,
    segments,
    attributeKeys,
    rfmSegmentNames,
    errors: errorsByNode,
    idPrefix,
    datalists: { rfmSegments: `${idPrefix}-rfm-segments`, attributeKeys: `${idPrefix}-attribute-keys` },
    edit(next, focus) {
      onChange(next);
      if (focus) setPendingFocus(focus);
    },
  };

  return (
    <div ref={container} className="space-y-4">
      <ErrorSummary rule={value} errors={errors} onFocusNode={(key) => container.current?.querySelector<HTMLElement>(`[data-focus="${key}"]`)?.focus()} />
      <fieldset disabled={disabled} className="min-w-0">
        <legend className="sr-only">Segment rule</legend>
        <GroupEditor group={value.root} path={[]} siblingCount={1} editor={editor} />
      </fieldset>
      <datalist id={editor.datalists.rfmSegments}>
        {rfmSegmentNames.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <datalist id={editor.datalists.attributeKeys}>
        {attributeKeys.map((key) => (
          <option key={key} value={key} />
        ))}
      </datalist>
    </div>
  );
}

function GroupEditor({ group, path, siblingCount, editor }: { group: SegmentGroup; path: NodePath; siblingCount: number; editor: RuleEditor }) {
  const isRoot = path.length === 0;
  const name = isRoot ? 'the rule' : `group ${nodeNumber(path)}`;
  const errors = editor.errors.get(pathKey(path));
  const errorsId = errors?.length ? controlId(editor, path, 'errors') : undefined;
  const combinatorId = controlId(editor, path, 'combinator');
  const limitId = controlId(editor, path, 'limit');
  const conditionBlocked = addConditionBlockedReason(editor.rule, path);
  const groupBlocked = addGroupBlockedReason(editor.rule, path);
  const limit = conditionBlocked ?? groupBlocked;
  const childCount = group.children.length;

  return (
    <fieldset
      className={isRoot ? 'min-w-0 space-y-3' : 'min-w-0 space-y-3 rounded-md border-l-4 border-indigo-200 bg-gray-50 py-3 pl-4 pr-3 ring-1 ring-inset ring-gray-200'}
    >
      <legend className="sr-only">{isRoot ? 'Conditions' : `Group ${nodeNumber(path)}`}</legend>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={combinatorId} className="text-sm font-medium text-gray-900">
          Match<span className="sr-only"> all or any of the conditions in {name}</span>
        </label>
        <select
          id={combinatorId}
          data-focus={focusKey(path, 'combinator')}
          value={group.combinator}
          aria-invalid={errors?.some((error) => error.detail[0] === 'combinator') || undefined}
          aria-describedby={errorsId}
          onChange={(event) => editor.edit(setCombinator(editor.rule, path, event.currentTarget.value === 'or' ? 'or' : 'and'))}
          className={`${controlClass} pr-8`}
        >
          <option value="and">all</option>
          <option value="or">any</option>
        </select>
        <span aria-hidden="true" className="text-sm text-gray-900">
          of the following
        </span>
        {!isRoot && <NodeActions noun="group" path={path} siblingCount={siblingCount} editor={editor} />}
      </div>

      {childCount === 0 ? (
        <p className="text-sm text-gray-500">
          {isRoot
            ? 'No conditions yet. Add a condition to choose which customers belong to this segment.'
            : 'This group is empty: add a condition to it, or remove it.'}
        </p>
      ) : (
        <ol className="space-y-2">
          {group.children.map((child, index) => {
            const childPath = [...path, index];
            return (
              // Index keys on purpose: edits keep each input mounted (and focused); moves and removals refocus explicitly.
              <li key={index}>
                {index > 0 && (
                  <p aria-hidden="true" className="mb-2 text-xs font-semibold uppercase tracking-wide text-indigo-600">
                    {group.combinator === 'and' ? 'and' : 'or'}
                  </p>
                )}
                {child.kind === 'group' ? (
                  <GroupEditor group={child} path={childPath} siblingCount={childCount} editor={editor} />
                ) : (
                  <ConditionEditor node={child} path={childPath} siblingCount={childCount} editor={editor} />
                )}
              </li>
            );
          })}
        </ol>
      )}

      <div className="flex flex-wrap items-center gap-2">
        <Button
          type="button"
          variant="secondary"
          data-focus={focusKey(path, 'add-condition')}
          disabled={conditionBlocked !== null}
          aria-describedby={conditionBlocked ? limitId : undefined}
          onClick={() =>
            editor.edit(addCondition(editor.rule, path, newCondition(undefined, editor)), focusKey([...path, childCount], 'subject'))
          }
        >
          Add condition<span className="sr-only"> to {name}</span>
        </Button>
        <Button
          type="button"
          variant="secondary"
          disabled={groupBlocked !== null}
          aria-describedby={groupBlocked ? limitId : undefined}
          onClick={() => editor.edit(addGroup(editor.rule, path, newCondition(undefined, editor)), focusKey([...path, childCount, 0], 'subject'))}
        >
          Add group<span className="sr-only"> to {name}</span>
        </Button>
        {limit && (
          <p id={limitId} className="text-xs text-gray-500">
            {limit}
          </p>
        )}
      </div>
      {errorsId && <NodeErrors id={errorsId} errors={errors!} />}
    </fieldset>
  );
}

/** All server errors in one list, each linked to the node it is about; read out politely as it changes. */
function ErrorSummary({ rule, errors, onFocusNode }: { rule: SegmentRule; errors: string[]; onFocusNode: (focusKey: string) => void }) {
  const parsed = errors.map(parseRuleError);
  return (
    <div aria-live="polite">
      {parsed.length > 0 && (
        <div className="rounded-md bg-red-50 px-3 py-2 ring-1 ring-inset ring-red-200">
          <p className="text-sm font-semibold text-red-800">
            {parsed.length === 1 ? 'This rule has 1 problem' : `This rule has ${parsed.length} problems`}
          </p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-red-700">
            {parsed.map((error, i) => {
              const node = error.path && error.path.length > 0 ? nodeAt(rule, error.path) : undefined;
              const where = describeNode(rule, error.path);
              return (
                <li key={i}>
                  {node && error.path ? (
                    <button
                      type="button"
                      className="font-medium underline hover:text-red-900"
                      onClick={() => onFocusNode(firstControlOf(error.path!, node))}
                    >
                      {where}
                    </button>
                  ) : (
                    <span className="font-medium">{where}</span>
                  )}
                  : {errorText(error)}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}
