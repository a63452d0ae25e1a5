/**
 * @module Page rules for tests: a valid one to start from, changed per test.
 */
import type { ProactiveRuleInput } from '@parley/shared';

export function pricingRule(overrides: Partial<ProactiveRuleInput> = {}): ProactiveRuleInput {
  return {
    name: 'Pricing nudge',
    enabled: true,
    conditions: {
      match: 'all',
      groups: [
        {
          match: 'all',
          conditions: [
            { field: 'url', part: 'path', operator: 'wildcard', value: '/pricing*' },
            { field: 'timeOnPage', seconds: 30 },
          ],
        },
      ],
    },
    action: {
      message: 'Questions about plans? We are here.',
      sender: { kind: 'site' },
      openPanel: false,
      delaySeconds: 0,
    },
    frequency: 'session',
    cooldownMinutes: 0,
    ...overrides,
  };
}
