/**
 * @module The panel's header: who answers (the site's team, or the assigned agent once there is
 * one) as avatars, the site name, where the conversation stands, and End chat.
 */
import type { JSX } from 'preact';
import type { Conversation, WidgetConfigWire } from '@parley/shared';
import type { ChatState } from '../client/chat-state.ts';
import { Avatar } from './avatar.tsx';
import { statusLine } from './status-line.ts';
import { useStrings } from './strings-context.ts';

type TeamMember = WidgetConfigWire['team'][number];

export interface PanelHeaderProps {
  siteName: string;
  team: readonly TeamMember[];
  /** The language shown, for joining the team's names ("Ada, Bo and Cy"). */
  lang: string;
  state: ChatState;
  onEndChat?: () => void;
}

/** The assigned agent alone once there is one (with their team avatar, if any), else the whole team. */
export function faces(team: readonly TeamMember[], conversation: Conversation | null): readonly TeamMember[] {
  const agent = conversation?.status === 'active' ? conversation.agent : null;
  if (!agent) return team;
  return [team.find((member) => member.name === agent.name) ?? { name: agent.name, avatarUrl: null }];
}

export function PanelHeader(props: PanelHeaderProps): JSX.Element {
  const { state } = props;
  const { conversation } = state;
  const t = useStrings();
  const active = conversation?.status === 'active';
  // honest presence: while nobody is online the team is not shown as if someone were there to answer
  const team = state.agentsOnline || active ? props.team : [];
  const people = faces(team, conversation);
  const status =
    statusLine(t, conversation, state.queuePosition, state.waitSeconds) ??
    // nobody online: the banner under the header says so, once
    (team.length > 0 ? new Intl.ListFormat(props.lang).format(team.map((member) => member.name)) : null);
  const online = active || (state.agentsOnline && conversation?.status !== 'closed');
  return (
    <header class="header">
      {people.length > 0 && (
        // decorative: the names are in the status line or the agent's name
        <span class="faces" aria-hidden="true">
          {people.map(({ name, avatarUrl }) => (
            <Avatar key={name} name={name} url={avatarUrl} />
          ))}
        </span>
      )}
      <div class="heading">
        <h2 class="title">{props.siteName}</h2>
        {status !== null && (
          <p class="status">
            <span class={online ? 'dot on' : 'dot'} aria-hidden="true" />
            {status}
          </p>
        )}
      </div>
      {(conversation?.status === 'queued' || conversation?.status === 'active') && (
        <button type="button" class="end" onClick={() => props.onEndChat?.()} disabled={state.connection !== 'online'}>
          {t.endChat}
        </button>
      )}
    </header>
  );
}
