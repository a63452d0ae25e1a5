/**
 * @module Business hours: whether the site keeps hours at all, its IANA time zone (suggested from the
 * browser's list), and an opening span per weekday.
 */
import { useId } from 'preact/hooks';
import { WEEKDAYS, type Weekday } from '@parley/shared';
import { CheckboxField, TextField } from '../../components/form-field.tsx';
import type { DayDraft } from './site-draft.ts';

const DAY_NAMES: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

const zones = (): string[] => (typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []);

export function BusinessHoursFields(props: {
  enabled: boolean;
  timeZone: string;
  days: Record<Weekday, DayDraft>;
  timeZoneError?: string | undefined;
  daysError?: string | undefined;
  onEnabled: (enabled: boolean) => void;
  onTimeZone: (zone: string) => void;
  onDay: (day: Weekday, change: Partial<DayDraft>) => void;
}) {
  const listId = useId();
  return (
    <fieldset class="fieldset">
      <legend class="fieldset__legend">Business hours</legend>
      <CheckboxField
        label="Keep business hours"
        name="hours-enabled"
        checked={props.enabled}
        onChange={props.onEnabled}
        hint="Off: the site counts as always open."
      />
      {props.enabled && (
        <>
          <TextField
            label="Time zone"
            name="time-zone"
            value={props.timeZone}
            onInput={props.onTimeZone}
            list={listId}
            error={props.timeZoneError}
            hint="An IANA zone such as Europe/Berlin or America/New_York."
          />
          <datalist id={listId}>
            {zones().map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
          <div class="hours">
            {WEEKDAYS.map((day) => {
              const span = props.days[day];
              return (
                <div class="hours__row" key={day}>
                  <CheckboxField
                    label={`Open on ${DAY_NAMES[day]}`}
                    name={`open-${day}`}
                    checked={span.open}
                    onChange={(open) => props.onDay(day, { open })}
                  />
                  {span.open && (
                    <>
                      <TextField
                        label={`${DAY_NAMES[day]} opens`}
                        name={`from-${day}`}
                        type="time"
                        value={span.from}
                        onInput={(from) => props.onDay(day, { from })}
                      />
                      <TextField
                        label={`${DAY_NAMES[day]} closes`}
                        name={`to-${day}`}
                        type="time"
                        value={span.to}
                        onInput={(to) => props.onDay(day, { to })}
                      />
                    </>
                  )}
                </div>
              );
            })}
          </div>
          {props.daysError && <p class="field__error">{props.daysError}</p>}
        </>
      )}
    </fieldset>
  );
}
