/**
 * @module A site's settings as the editor holds them while the admin types (origins as lines of text,
 * every weekday present), and the conversion to and from the wire shapes.
 */
import {
  WEEKDAYS,
  type HelpMode,
  type PreChatField,
  type RoutingMode,
  type SiteAdminView,
  type UpdateSiteRequest,
  type Weekday,
  type WidgetTheme,
} from '@parley/shared';
import { attachmentDraftOf, attachmentSettingsOf, type AttachmentDraft } from './attachment-settings-fields.tsx';

export type PreChatAsk = 'off' | 'optional' | 'required';

export interface DayDraft {
  open: boolean;
  from: string;
  to: string;
}

export interface SiteDraft {
  name: string;
  originsText: string;
  color: string;
  position: 'right' | 'left';
  theme: WidgetTheme;
  greeting: string;
  /** '' = the visitor's browser decides. */
  locale: string;
  preChatEnabled: boolean;
  preChat: Record<PreChatField, PreChatAsk>;
  hoursEnabled: boolean;
  timeZone: string;
  days: Record<Weekday, DayDraft>;
  identityVerificationRequired: boolean;
  routingMode: RoutingMode;
  /** Seconds as typed; '' = the server's default (QUEUE_MAX_WAIT_SECONDS). */
  maxWait: string;
  /** files-in-chat: upload settings. */
  attachments: AttachmentDraft;
  // help-widget
  helpMode: HelpMode;
}

export const PRE_CHAT_FIELDS: readonly PreChatField[] = ['name', 'email', 'message'];

export function draftOf(site: SiteAdminView): SiteDraft {
  const days = Object.fromEntries(
    WEEKDAYS.map((day) => {
      const span = site.businessHours.days.find((d) => d.day === day);
      return [
        day,
        span ? { open: true, from: span.open, to: span.close } : { open: false, from: '09:00', to: '17:00' },
      ];
    }),
  ) as Record<Weekday, DayDraft>;
  const ask = (field: PreChatField): PreChatAsk => {
    const found = site.preChat.fields.find((f) => f.field === field);
    return found ? (found.required ? 'required' : 'optional') : 'off';
  };
  return {
    name: site.name,
    originsText: site.allowedOrigins.join('\n'),
    color: site.color,
    position: site.position,
    theme: site.theme,
    greeting: site.greeting,
    locale: site.locale ?? '',
    preChatEnabled: site.preChat.enabled,
    preChat: { name: ask('name'), email: ask('email'), message: ask('message') },
    hoursEnabled: site.businessHours.enabled,
    timeZone: site.businessHours.timeZone,
    days,
    identityVerificationRequired: site.identityVerificationRequired,
    routingMode: site.routingMode,
    maxWait: site.queueMaxWaitSeconds === null ? '' : String(site.queueMaxWaitSeconds),
    attachments: attachmentDraftOf(site.attachments),
    helpMode: site.helpMode,
  };
}

/** One origin per line (commas and spaces also separate), blanks dropped. */
export function originsOf(text: string): string[] {
  return text.split(/[\s,]+/).filter((line) => line !== '');
}

export function requestOf(draft: SiteDraft): UpdateSiteRequest {
  return {
    name: draft.name,
    allowedOrigins: originsOf(draft.originsText),
    color: draft.color,
    position: draft.position,
    theme: draft.theme,
    greeting: draft.greeting,
    locale: draft.locale.trim() === '' ? null : draft.locale,
    preChat: {
      enabled: draft.preChatEnabled,
      fields: PRE_CHAT_FIELDS.filter((field) => draft.preChat[field] !== 'off').map((field) => ({
        field,
        required: draft.preChat[field] === 'required',
      })),
    },
    businessHours: {
      enabled: draft.hoursEnabled,
      timeZone: draft.timeZone,
      days: WEEKDAYS.filter((day) => draft.days[day].open).map((day) => ({
        day,
        open: draft.days[day].from,
        close: draft.days[day].to,
      })),
    },
    identityVerificationRequired: draft.identityVerificationRequired,
    routingMode: draft.routingMode,
    queueMaxWaitSeconds: draft.maxWait.trim() === '' ? null : Number(draft.maxWait),
    attachments: attachmentSettingsOf(draft.attachments),
    helpMode: draft.helpMode,
  };
}
