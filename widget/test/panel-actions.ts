/**
 * Every callback a ChatPanel needs, as spies; the forms' requests succeed unless a test says otherwise.
 */
import { vi } from 'vitest';
import type { ChatPanelProps } from '../src/app/chat-panel.tsx';

export function panelActions() {
  return {
    onSend: vi.fn<(body: string) => void>(),
    onStartChat: vi.fn<ChatPanelProps['onStartChat']>(),
    onRate: vi.fn<ChatPanelProps['onRate']>(() => Promise.resolve(true)),
    onTranscript: vi.fn<ChatPanelProps['onTranscript']>(() => Promise.resolve(true)),
    onLeaveMessage: vi.fn<ChatPanelProps['onLeaveMessage']>(() => Promise.resolve(true)),
    onEmailInstead: vi.fn<ChatPanelProps['onEmailInstead']>(() => Promise.resolve(true)),
  };
}
