/**
 * @module Renders the whole console (real App, session, state and components) against a FakeChannel and a
 * fake auth server, with a fixed clock and a tab that is visible unless the test says otherwise.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { App } from '../../src/app.tsx';
import { createConsoleSession, type ConsoleSession } from '../../src/api/console-session.ts';
import type { TabVisibility } from '../../src/api/seen-reporter.ts';
import { createAuthApi } from '../../src/api/auth-api.ts';
import { createFakeAuthServer, type FakeAuthServer } from './fake-auth.ts';
import { FakeChannel } from './fake-channel.ts';
import { T0 } from './fixtures.ts';
import type { AttentionOutputs } from '../../src/api/attention.ts';

/** Records what the console did to get the agent's attention, instead of ringing and popping up. */
export class RecordingAttention implements AttentionOutputs {
  chimes = 0;
  readonly notifications: Array<{ title: string; body: string; tag: string }> = [];
  chime(): void {
    this.chimes += 1;
  }
  notify(title: string, body: string, tag: string): void {
    this.notifications.push({ title, body, tag });
  }
}

export class FakeVisibility implements TabVisibility {
  visible = true;
  private listeners = new Set<() => void>();
  isVisible(): boolean {
    return this.visible;
  }
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  set(visible: boolean): void {
    this.visible = visible;
    this.listeners.forEach((listener) => listener());
  }
}

export interface ConsoleHarness {
  session: ConsoleSession;
  channel: FakeChannel;
  auth: FakeAuthServer;
  visibility: FakeVisibility;
  attention: RecordingAttention;
}

export function createHarness(
  options: { channel?: FakeChannel; signedIn?: boolean; now?: number } = {},
): ConsoleHarness {
  const channel = options.channel ?? new FakeChannel();
  const auth = createFakeAuthServer({ signedIn: options.signedIn ?? true });
  const visibility = new FakeVisibility();
  const now = options.now ?? T0 + 60_000;
  const attention = new RecordingAttention();
  const session = createConsoleSession({
    auth: createAuthApi(auth.fetch),
    openChannel: () => channel,
    visibility,
    now: () => now,
    attention,
  });
  return { session, channel, auth, visibility, attention };
}

/** Opens the agent's menu in the top bar (notifications, shortcuts, theme, sign out). */
export function openAgentMenu(): void {
  fireEvent.click(screen.getByRole('button', { name: /agent menu$/ }));
}

/** Renders a signed-in console and waits until it is online and its first sync has landed. */
export async function renderConsole(options: Parameters<typeof createHarness>[0] = {}): Promise<ConsoleHarness> {
  const harness = createHarness(options);
  render(<App session={harness.session} />);
  await screen.findByText('Connected');
  await waitFor(() => {
    if (harness.session.store.data.value.agentId === null) throw new Error('not synced yet');
  });
  return harness;
}
