import { ATTRIBUTE_OPERATORS, type FieldType } from '@/lib/segments/fields';
import type { AttributeCondition, OrderCondition, SegmentCondition, SegmentLeaf, SegmentMembershipCondition } from '@/lib/segments/rule-schema';
import {
  SUBJECT_GROUPS,
  fieldType,
  operatorLabel,
  operatorsFor,
  parseSubject,
  subjectOf,
  valueShape,
} from './condition-options';
import { NodeActions, NodeErrors } from './node-actions';
import { controlId, focusKey, type RuleEditor } from './rule-editor';
import { hasErrorOn, type RuleError } from './rule-errors';
import { changeOperator, changeSubject, nodeNumber, ordersPeriod, pathKey, replaceNode, withOrdersPeriod, type NodePath } from './rule-tree';
import { Connective, NumberInput, SelectInput, TextInput, ValueInputs } from './value-inputs';

type RowProps<Node> = {
  node: Node;
  path: NodePath;
  editor: RuleEditor;
  errors: RuleError[] | undefined;
  describedBy: string | undefined;
};

export function ConditionEditor({ node, path, siblingCount, editor }: { node: SegmentLeaf; path: NodePath; siblingCount: number; editor: RuleEditor }) {
  const errors = editor.errors.get(pathKey(path));
  const errorsId = errors?.length ? controlId(editor, path, 'errors') : undefined;
  const row = { path, editor, errors, describedBy: errorsId };
  return (
    <fieldset className="rounded-md bg-white p-3 shadow-sm ring-1 ring-gray-200">
      <legend className="sr-only">Condition {nodeNumber(path)}</legend>
      <div className="flex flex-wrap items-start gap-2">
        <SelectInput
          id={controlId(editor, path, 'subject')}
          label="Field"
          focusKey={focusKey(path, 'subject')}
          className="w-56"
          value={subjectOf(node) ?? ''}
          invalid={hasErrorOn(errors, 'field')}
          describedBy={errorsId}
          onChange={(value) => {
            const subject = parseSubject(value);
            if (subject) editor.edit(changeSubject(editor.rule, path, subject, editor));
          }}
        >
          {SUBJECT_GROUPS.map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </optgroup>
          ))}
        </SelectInput>
        {node.kind === 'condition' && <FieldConditionInputs node={node} {...row} />}
        {node.kind === 'attribute' && <AttributeInputs node={node} {...row} />}
        {node.kind === 'orders' && <OrdersInputs node={node} {...row} />}
        {node.kind === 'segment' && <SegmentInputs node={node} {...row} />}
        <NodeActions noun="condition" path={path} siblingCount={siblingCount} editor={editor} />
      </div>
      {errorsId && <NodeErrors id={errorsId} errors={errors!} />}
    </fieldset>
  );
}

/** The operator select and the value inputs it calls for: the part field and attribute conditions share. */
function OperatorAndValue({
  node,
  path,
  editor,
  errors,
  describedBy,
  operators,
  valueType,
  rfmSegmentNames = false,
}: RowProps<SegmentCondition | AttributeCondition> & { operators: readonly string[]; valueType: FieldType | 'attribute'; rfmSegmentNames?: boolean }) {
  return (
    <>
      <SelectInput
        id={controlId(editor, path, 'operator')}
        label="Operator"
        value={node.operator}
        invalid={hasErrorOn(errors, 'operator')}
        describedBy={describedBy}
        onChange={(operator) => editor.edit(changeOperator(editor.rule, path, operator))}
      >
        {operators.map((operator) => (
          <option key={operator} value={operator}>
            {operatorLabel(operator)}
          </option>
        ))}
      </SelectInput>
      <ValueInputs
        idBase={controlId(editor, path, 'value')}
        shape={valueShape(valueType, node.operator)}
        value={node.value}
        list={rfmSegmentNames ? editor.datalists.rfmSegments : undefined}
        suggestions={rfmSegmentNames ? editor.rfmSegmentNames : undefined}
        invalid={hasErrorOn(errors, 'value')}
        describedBy={describedBy}
        onChange={(value) => editor.edit(replaceNode(editor.rule, path, { ...node, value } as SegmentLeaf))}
      />
    </>
  );
}

function FieldConditionInputs(row: RowProps<SegmentCondition>) {
  const type = fieldType(row.node.field);
  return <OperatorAndValue {...row} operators={operatorsFor(type)} valueType={type} rfmSegmentNames={row.node.field === 'rfm_segment'} />;
}

function AttributeInputs(row: RowProps<AttributeCondition>) {
  const { node, path, editor, errors, describedBy } = row;
  return (
    <>
      <TextInput
        id={controlId(editor, path, 'key')}
        label="Attribute"
        className="w-40"
        placeholder="e.g. loyalty_tier"
        list={editor.datalists.attributeKeys}
        value={node.key}
        invalid={hasErrorOn(errors, 'key')}
        describedBy={describedBy}
        onChange={(key) => editor.edit(replaceNode(editor.rule, path, { ...node, key }))}
      />
      <OperatorAndValue {...row} operators={ATTRIBUTE_OPERATORS} valueType="attribute" />
    </>
  );
}

function OrdersInputs({ node, path, editor, errors, describedBy }: RowProps<OrderCondition>) {
  const update = (next: OrderCondition) => editor.edit(replaceNode(editor.rule, path, next));
  const period = ordersPeriod(node);
  const id = (part: string) => controlId(editor, path, part);
  return (
    <>
      <Connective>has at least</Connective>
      <NumberInput
        id={id('min-orders')}
        label="Minimum orders"
        className="w-20"
        step={1}
        min={1}
        value={node.minOrders}
        invalid={hasErrorOn(errors, 'minOrders')}
        describedBy={describedBy}
        onChange={(minOrders) => update({ ...node, minOrders })}
      />
      <Connective>orders in</Connective>
      <TextInput
        id={id('category')}
        label="Category (optional)"
        className="w-36"
        placeholder="any category"
        value={node.category ?? ''}
        invalid={hasErrorOn(errors, 'category')}
        describedBy={describedBy}
        onChange={(text) => {
          const { category: _previous, ...rest } = node;
          update(text === '' ? rest : { ...rest, category: text });
        }}
      />
      <SelectInput id={id('period')} label="Period" value={period} describedBy={describedBy} onChange={(value) => update(withOrdersPeriod(node, value as typeof period))}>
        <option value="within">within the last</option>
        <option value="between">between</option>
        <option value="any">any time</option>
      </SelectInput>
      {period === 'within' && (
        <>
          <NumberInput
            id={id('within-days')}
            label="Days"
            className="w-24"
            step={1}
            min={1}
            value={node.withinDays ?? Number.NaN}
            invalid={hasErrorOn(errors, 'withinDays')}
            describedBy={describedBy}
            onChange={(withinDays) => update({ ...node, withinDays })}
          />
          <Connective>days</Connective>
        </>
      )}
      {period === 'between' && (
        <>
          <TextInput
            id={id('from')}
            type="date"
            label="From date"
            className="w-40"
            value={node.from ?? ''}
            invalid={hasErrorOn(errors, 'from')}
            describedBy={describedBy}
            onChange={(from) => update({ ...node, from })}
          />
          <Connective>and</Connective>
          <TextInput
            id={id('to')}
            type="date"
            label="To date"
            className="w-40"
            value={node.to ?? ''}
            invalid={hasErrorOn(errors, 'to')}
            describedBy={describedBy}
            onChange={(to) => update({ ...node, to })}
          />
        </>
      )}
    </>
  );
}

function SegmentInputs({ node, path, editor, errors, describedBy }: RowProps<SegmentMembershipCondition>) {
  const known = editor.segments.some((segment) => segment.id === node.segmentId);
  return (
    <>
      <SelectInput
        id={controlId(editor, path, 'operator')}
        label="Membership"
        value={node.operator}
        invalid={hasErrorOn(errors, 'operator')}
        describedBy={describedBy}
        onChange={(operator) => editor.edit(changeOperator(editor.rule, path, operator))}
      >
        <option value="in">is in segment</option>
        <option value="not_in">is not in segment</option>
      </SelectInput>
      <SelectInput
        id={controlId(editor, path, 'segment')}
        label="Segment"
        className="w-56"
        value={known ? String(node.segmentId) : ''}
        invalid={hasErrorOn(errors, 'segmentId')}
        describedBy={describedBy}
        onChange={(value) => editor.edit(replaceNode(editor.rule, path, { ...node, segmentId: Number(value) }))}
      >
        {!known && (
          <option value="" disabled>
            {editor.segments.length === 0 ? 'No other segments yet' : 'Choose a segment…'}
          </option>
        )}
        {editor.segments.map((segment) => (
          <option key={segment.id} value={segment.id}>
            {segment.name}
          </option>
        ))}
      </SelectInput>
    </>
  );
}
