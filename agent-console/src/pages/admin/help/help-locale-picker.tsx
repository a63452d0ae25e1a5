/**
 * @module Which locale of the help center the page shows: one of those it has, or a new one typed as
 * a language tag (an article or category created there starts it).
 */
import { useId, useState } from 'preact/hooks';
import { HelpLocaleSchema } from '@parley/shared';
import { SelectField } from '../../../components/form-field.tsx';

export function HelpLocalePicker(props: { locale: string; locales: string[]; onChange: (locale: string) => void }) {
  const { locale, locales, onChange } = props;
  const [other, setOther] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const options = (locales.includes(locale) ? locales : [...locales, locale]).map((l) => [l, l] as const);
  return (
    <div class="help-locale">
      <SelectField label="Locale" name="locale" value={locale} options={options} onChange={onChange} />
      <form
        class="help-locale__other"
        onSubmit={(event) => {
          event.preventDefault();
          const parsed = HelpLocaleSchema.safeParse(other);
          if (!parsed.success) return setProblem('Write a language tag such as en, de or pt-br.');
          setProblem(null);
          setOther('');
          onChange(parsed.data);
        }}
      >
        <label class="field__label" for={id}>
          Another locale
        </label>
        <div class="help-locale__row">
          <input
            id={id}
            class="field__input"
            value={other}
            placeholder="e.g. de"
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-error` : undefined}
            onInput={(event) => setOther(event.currentTarget.value)}
          />
          <button type="submit" class="button button--quiet">
            Show
          </button>
        </div>
        {problem && (
          <span id={`${id}-error`} class="field__error">
            {problem}
          </span>
        )}
      </form>
    </div>
  );
}
