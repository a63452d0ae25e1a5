/**
 * @module One condition of a page rule in the editor: which kind it is, and the inputs that kind
 * needs. Switching the kind starts that kind afresh (rule-draft.ts).
 */
import type { RuleCondition, RuleField } from '@parley/shared';
import { SelectField, TextField } from '../../components/form-field.tsx';
import {
  ATTRIBUTE_OPERATORS,
  DEVICES,
  FIELD_LABELS,
  NUMBER_OPERATORS,
  TEXT_OPERATORS,
  URL_PARTS,
  UTM_OPTIONS,
  defaultCondition,
  numberOf,
  textOf,
} from './rule-draft.ts';

interface Props {
  legend: string;
  condition: RuleCondition;
  /** Where the condition sits in the rule, e.g. `conditions.groups.0.conditions.1`, for the server's issue paths. */
  path: string;
  issue: (path: string) => string | undefined;
  onChange: (condition: RuleCondition) => void;
  onRemove: (() => void) | null;
}

const VISITOR_TYPES = [
  ['returning', 'Returning visitor'],
  ['new', 'New visitor'],
] as const;
const YES_NO = [
  ['yes', 'Identified'],
  ['no', 'Anonymous'],
] as const;

export function RuleConditionFields({ legend, condition, path, issue, onChange, onRemove }: Props) {
  const at = (key: string) => issue(`${path}.${key}`);
  return (
    <fieldset class="fieldset rule-condition">
      <legend class="fieldset__legend">{legend}</legend>
      <SelectField<RuleField>
        label="Condition"
        name="field"
        value={condition.field}
        options={FIELD_LABELS}
        onChange={(field) => onChange(defaultCondition(field))}
        error={at('field')}
      />
      <KindFields condition={condition} at={at} onChange={onChange} />
      {onRemove && (
        <button type="button" class="button button--quiet" onClick={onRemove}>
          Remove {legend.toLowerCase()}
        </button>
      )}
    </fieldset>
  );
}

function KindFields({
  condition,
  at,
  onChange,
}: {
  condition: RuleCondition;
  at: (key: string) => string | undefined;
  onChange: (condition: RuleCondition) => void;
}) {
  switch (condition.field) {
    case 'url':
    case 'title':
    case 'referrer':
    case 'utm':
      return (
        <>
          {condition.field === 'url' && (
            <SelectField
              label="Part of the URL"
              name="part"
              value={condition.part}
              options={URL_PARTS}
              onChange={(part) => onChange({ ...condition, part })}
            />
          )}
          {condition.field === 'utm' && (
            <SelectField
              label="Parameter"
              name="parameter"
              value={condition.parameter}
              options={UTM_OPTIONS}
              onChange={(parameter) => onChange({ ...condition, parameter })}
            />
          )}
          <SelectField
            label="Operator"
            name="operator"
            value={condition.operator}
            options={TEXT_OPERATORS}
            onChange={(operator) => onChange({ ...condition, operator })}
          />
          <TextField
            label="Value"
            name="value"
            value={condition.value}
            onInput={(value) => onChange({ ...condition, value })}
            error={at('value')}
            hint={condition.operator === 'wildcard' ? '* stands for anything, e.g. /pricing*' : undefined}
          />
        </>
      );
    case 'timeOnPage':
    case 'timeOnSite':
      return (
        <TextField
          type="number"
          label="Seconds, at least"
          name="seconds"
          min={0}
          value={textOf(condition.seconds)}
          onInput={(text) => onChange({ ...condition, seconds: numberOf(text) })}
          error={at('seconds')}
        />
      );
    case 'scrollDepth':
      return (
        <TextField
          type="number"
          label="Percent of the page scrolled, at least"
          name="percent"
          min={1}
          max={100}
          value={textOf(condition.percent)}
          onInput={(text) => onChange({ ...condition, percent: numberOf(text) })}
          error={at('percent')}
        />
      );
    case 'pageViews':
    case 'visits':
      return (
        <>
          <SelectField
            label="Count is"
            name="operator"
            value={condition.operator}
            options={NUMBER_OPERATORS}
            onChange={(operator) => onChange({ ...condition, operator })}
          />
          <TextField
            type="number"
            label="Number"
            name="value"
            min={0}
            value={textOf(condition.value)}
            onInput={(text) => onChange({ ...condition, value: numberOf(text) })}
            error={at('value')}
          />
        </>
      );
    case 'visitorType':
      return (
        <SelectField
          label="Visitor"
          name="value"
          value={condition.value}
          options={VISITOR_TYPES}
          onChange={(value) => onChange({ ...condition, value })}
        />
      );
    case 'identified':
      return (
        <SelectField
          label="Visitor is"
          name="value"
          value={condition.value ? 'yes' : 'no'}
          options={YES_NO}
          onChange={(value) => onChange({ ...condition, value: value === 'yes' })}
        />
      );
    case 'attribute': {
      const needsValue = condition.operator !== 'exists' && condition.operator !== 'missing';
      return (
        <>
          <TextField
            label="Attribute name"
            name="name"
            value={condition.name}
            onInput={(name) => onChange({ ...condition, name })}
            error={at('name')}
          />
          <SelectField
            label="Operator"
            name="operator"
            value={condition.operator}
            options={ATTRIBUTE_OPERATORS}
            onChange={(operator) => onChange({ ...condition, operator })}
          />
          {needsValue && (
            <TextField
              label="Value"
              name="value"
              value={condition.value === undefined || condition.value === null ? '' : String(condition.value)}
              onInput={(value) => onChange({ ...condition, value: attributeValue(value, condition.operator) })}
              error={at('value')}
              hint="Numbers compare as numbers; true and false as yes/no."
            />
          )}
        </>
      );
    }
    case 'device':
      return (
        <SelectField
          label="Device"
          name="value"
          value={condition.value}
          options={DEVICES}
          onChange={(value) => onChange({ ...condition, value })}
        />
      );
    case 'exitIntent':
      return (
        <p class="field__hint">
          When the pointer leaves the page toward the browser's tabs and address bar (desktop only).
        </p>
      );
    case 'agentsOnline':
      return <p class="field__hint">Holds while at least one agent is online.</p>;
    case 'businessHours':
      return <p class="field__hint">Holds within the site's business hours (always, when it has none).</p>;
  }
}

/** What the admin typed, as the value the widget compares: numbers for gt/lt and number-like text, booleans for true/false. */
function attributeValue(text: string, operator: string): string | number | boolean {
  if (text === 'true') return true;
  if (text === 'false') return false;
  const number = Number(text);
  if (
    text.trim() !== '' &&
    !Number.isNaN(number) &&
    (operator === 'gt' || operator === 'lt' || /^-?\d+(\.\d+)?$/.test(text.trim()))
  )
    return number;
  return text;
}
