/**
 * @module A site for store tests that need one to hang rows on: what it is called and where it
 * runs rarely matters there, so a test names only what it does care about.
 */
import { newId } from '../../src/domain/ids.ts';
import type { NewSite } from '../../src/store/site-store.ts';

export function siteFixture(createdAt: string, overrides: Partial<NewSite> = {}): NewSite {
  return {
    id: newId('site'),
    name: 'Shop',
    siteKey: newId('pk'),
    allowedOrigins: ['https://shop.example'],
    color: '#000000',
    greeting: 'Hi',
    position: 'left',
    isDemo: true,
    createdAt,
    identitySecret: 'ab'.repeat(32),
    ...overrides,
  };
}
