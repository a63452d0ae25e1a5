/**
 * @module First-start setup: the Demo site and the first admin, so a fresh install is usable at once.
 */
import { randomBytes } from 'node:crypto';
import type { Store } from '../store/store.ts';
import { hashPassword } from './passwords.ts';
import { newId } from './ids.ts';
import { newIdentitySecret } from './identity-hash.ts';

export interface BootstrapResult {
  demoSiteKey: string;
  /** Set only when this start created the admin; the password only when it was generated. */
  createdAdmin: { email: string; generatedPassword: string | undefined } | undefined;
}

export async function bootstrap(
  store: Store,
  options: { publicOrigin: string; adminEmail: string | undefined; adminPassword: string | undefined; now: Date },
): Promise<BootstrapResult> {
  const now = options.now.toISOString();
  let demo = await store.sites.findDemo();
  if (!demo) {
    demo = await store.sites.create({
      id: newId('site'),
      name: 'Demo',
      siteKey: newId('pk'),
      allowedOrigins: [options.publicOrigin],
      color: '#4f46e5',
      greeting: 'Hi! Ask us anything — we usually answer within a few minutes.',
      position: 'right',
      isDemo: true,
      createdAt: now,
      identitySecret: newIdentitySecret(),
    });
  } else if (!demo.allowedOrigins.includes(options.publicOrigin)) {
    // The demo page is served from PUBLIC_URL; if that moved, the demo site follows it.
    await store.sites.setAllowedOrigins(demo.id, [...demo.allowedOrigins, options.publicOrigin]);
  }

  let createdAdmin: BootstrapResult['createdAdmin'];
  if ((await store.agents.count()) === 0) {
    const email = options.adminEmail ?? 'admin@localhost';
    // Hex: nothing that reads like a command-line flag or breaks when copied from a terminal.
    const generatedPassword = options.adminPassword ? undefined : randomBytes(10).toString('hex');
    const password = options.adminPassword ?? generatedPassword ?? '';
    await store.agents.create({
      id: newId('agt'),
      email,
      name: 'Admin',
      role: 'admin',
      capacity: 3,
      passwordHash: await hashPassword(password),
      createdAt: now,
    });
    createdAdmin = { email, generatedPassword };
  }
  return { demoSiteKey: demo.siteKey, createdAdmin };
}
