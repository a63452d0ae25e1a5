/**
 * @module "Test against this URL": what the rule's conditions say about one page URL, judged with the
 * widget's own matcher, and which conditions only the visitor's browser can decide.
 */
import { useState } from 'preact/hooks';
import type { RuleConditions } from '@parley/shared';
import { TextField } from '../../components/form-field.tsx';
import { testRuleAgainstUrl } from '../../state/rule-url-test.ts';
import { fieldLabel } from './rule-draft.ts';

export function RuleUrlTester({ conditions }: { conditions: RuleConditions }) {
  const [url, setUrl] = useState('');
  const result = url.trim() === '' ? null : testRuleAgainstUrl(conditions, url.trim());
  const undecided = result?.undecided.map(fieldLabel).join(', ') ?? '';
  return (
    <fieldset class="fieldset">
      <legend class="fieldset__legend">Test against this URL</legend>
      <TextField
        label="Page URL to test"
        name="test-url"
        value={url}
        onInput={setUrl}
        hint="e.g. https://shop.example/pricing?utm_campaign=spring"
      />
      <p class="rule-test__result" role="status">
        {result === null
          ? ''
          : result.verdict === 'yes'
            ? 'Matches: on this page the rule’s conditions hold.'
            : result.verdict === 'no'
              ? 'Does not match: the rule never fires on this page.'
              : `Could match: the URL conditions allow it; the rest is decided in the visitor’s browser.`}
        {result && undecided && ` Not judged from a URL: ${undecided}.`}
      </p>
    </fieldset>
  );
}
