/**
 * @module REST payloads of the console's admin pages: agents and sites. Every request body is
 * parsed with these on the server and checked with them in the console before it is sent.
 */
import { z } from 'zod';
import { AttachmentSettingsSchema } from './attachments.ts';
import {
  AgentRoleSchema,
  AgentSchema,
  IdSchema,
  IsoDateSchema,
  PreChatFieldSchema,
  WidgetPositionSchema,
  WidgetThemeSchema,
} from './models.ts';
import { EmailSchema } from './rest.ts';
import { RoutingModeSchema } from './agent-workflow.ts';
import { HelpModeSchema } from './help-widget.ts';

// ── Agents ───────────────────────────────────────────────────────────────────

const PasswordSchema = z.string().min(8, 'must be at least 8 characters').max(1024);
const PersonNameSchema = z.string().trim().min(1, 'must not be empty').max(120);
/** Chats an agent holds at once; 0 keeps them out of routing without deactivating them. */
const CapacitySchema = z.number().int().min(0).max(50);

/** An agent as the admin pages see them: the public record plus whether they may sign in. */
export const AgentAdminViewSchema = AgentSchema.extend({ active: z.boolean(), createdAt: IsoDateSchema });
export type AgentAdminView = z.infer<typeof AgentAdminViewSchema>;

export const AgentListResponseSchema = z.object({ agents: z.array(AgentAdminViewSchema) });
export const AgentAdminResponseSchema = z.object({ agent: AgentAdminViewSchema });

export const CreateAgentRequestSchema = z.object({
  name: PersonNameSchema,
  email: EmailSchema,
  role: AgentRoleSchema,
  capacity: CapacitySchema,
  password: PasswordSchema,
});
export type CreateAgentRequest = z.infer<typeof CreateAgentRequestSchema>;

/** Only the fields given change. */
export const UpdateAgentRequestSchema = z.object({
  name: PersonNameSchema.optional(),
  email: EmailSchema.optional(),
  role: AgentRoleSchema.optional(),
  capacity: CapacitySchema.optional(),
});
export type UpdateAgentRequest = z.infer<typeof UpdateAgentRequestSchema>;

export const ResetPasswordRequestSchema = z.object({ password: PasswordSchema });
export const AgentIdParamsSchema = z.object({ agentId: IdSchema });

// ── Sites ────────────────────────────────────────────────────────────────────

/**
 * A page origin as browsers send it: http(s), host, optional port, nothing else. A trailing slash
 * and upper-case host are forgiven and normalised, since that is what people paste.
 */
const OriginSchema = z
  .string()
  .trim()
  .max(255)
  .transform((value, ctx) => {
    const origin = originOf(value);
    if (origin === null) {
      ctx.addIssue({ code: 'custom', message: 'must be an origin such as https://shop.example (no path)' });
      return z.NEVER;
    }
    return origin;
  });

const ORIGIN = /^(https?):\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::(\d{1,5}))?\/?$/i;

/** The origin a browser would send for `value` (lower-case, default port dropped), or null. Regex, not URL: shared/ has no DOM types. */
function originOf(value: string): string | null {
  const match = ORIGIN.exec(value);
  if (!match) return null;
  const [, scheme = '', host = '', port] = match;
  const protocol = scheme.toLowerCase();
  if (port !== undefined && Number(port) > 65535) return null;
  const defaultPort = protocol === 'https' ? '443' : '80';
  const portPart = port === undefined || String(Number(port)) === defaultPort ? '' : `:${Number(port)}`;
  return `${protocol}://${host.toLowerCase()}${portPart}`;
}

/** `#rrggbb`: what a colour input gives, and what the widget's contrast check reads. */
const HexColorSchema = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #4f46e5')
  .transform((v) => v.toLowerCase());

/** An IANA zone name (Europe/Berlin), checked against the runtime's time-zone database and canonicalised. */
export const TimeZoneSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .transform((value, ctx) => {
    try {
      return new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be an IANA time zone such as Europe/Berlin' });
      return z.NEVER;
    }
  });

/** A BCP-47 language tag (en, de, pt-BR), canonicalised; null: the visitor's browser decides. */
const LocaleSchema = z
  .string()
  .trim()
  .min(2)
  .max(35)
  .transform((value, ctx) => {
    try {
      const [canonical] = Intl.getCanonicalLocales(value);
      if (canonical) return canonical;
    } catch {
      // reported below
    }
    ctx.addIssue({ code: 'custom', message: 'must be a language tag such as en or pt-BR' });
    return z.NEVER;
  });

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const WeekdaySchema = z.enum(WEEKDAYS);
export type Weekday = z.infer<typeof WeekdaySchema>;
const TimeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 09:00');

/** Opening hours, one span per open weekday, in the site's time zone. `enabled: false`: always open. */
export const BusinessHoursSchema = z.object({
  enabled: z.boolean(),
  timeZone: TimeZoneSchema,
  days: z
    .array(z.object({ day: WeekdaySchema, open: TimeOfDaySchema, close: TimeOfDaySchema }))
    .max(WEEKDAYS.length)
    .refine((days) => new Set(days.map((d) => d.day)).size === days.length, 'each weekday at most once')
    .refine((days) => days.every((d) => d.open < d.close), 'each day must open before it closes'),
});
export type BusinessHours = z.infer<typeof BusinessHoursSchema>;
export const ALWAYS_OPEN: BusinessHours = { enabled: false, timeZone: 'UTC', days: [] };

const PreChatSettingsSchema = z.object({
  enabled: z.boolean(),
  fields: z
    .array(z.object({ field: PreChatFieldSchema, required: z.boolean() }))
    .max(PreChatFieldSchema.options.length)
    .refine((fields) => new Set(fields.map((f) => f.field)).size === fields.length, 'each field at most once'),
});

const MAX_ALLOWED_ORIGINS = 20;

/** Seconds, at most a day. */
const QueueMaxWaitSchema = z.number().int().min(0, 'must be 0 (never) or more').max(86_400, 'at most a day (86400)');

/** Everything an admin edits on a site. */
export const SiteSettingsSchema = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(120),
  allowedOrigins: z
    .array(OriginSchema)
    .min(1, 'at least one origin: the widget works only on pages from these')
    .max(MAX_ALLOWED_ORIGINS)
    .transform((origins) => [...new Set(origins)]),
  color: HexColorSchema,
  position: WidgetPositionSchema,
  theme: WidgetThemeSchema,
  greeting: z.string().trim().max(500),
  locale: LocaleSchema.nullable(),
  preChat: PreChatSettingsSchema,
  businessHours: BusinessHoursSchema,
  identityVerificationRequired: z.boolean(),
  /** automatic: the server hands queued chats out; manual: agents Accept them from the queue. */
  routingMode: RoutingModeSchema,
  /** Longest a queued visitor waits before the chat is answered by email; null: the server's default; 0: never. */
  queueMaxWaitSeconds: QueueMaxWaitSchema.nullable(),
  /** What visitors and agents may upload (maximum size, types, whether visitors may at all). */
  attachments: AttachmentSettingsSchema,
  // help-widget: how the widget offers the help center (chat first, help first, or articles only)
  helpMode: HelpModeSchema,
});
export type SiteSettingsValues = z.output<typeof SiteSettingsSchema>;

/** A new site needs a name and where it runs; the rest starts from the defaults the server picks. */
export const CreateSiteRequestSchema = SiteSettingsSchema.partial().required({ name: true, allowedOrigins: true });
export type CreateSiteRequest = z.input<typeof CreateSiteRequestSchema>;
export type NewSiteSettings = z.output<typeof CreateSiteRequestSchema>;
export const UpdateSiteRequestSchema = SiteSettingsSchema.partial();
export type UpdateSiteRequest = z.input<typeof UpdateSiteRequestSchema>;

export const SiteAdminViewSchema = z.object({
  id: IdSchema,
  siteKey: z.string(),
  name: z.string(),
  allowedOrigins: z.array(z.string()),
  color: z.string(),
  position: WidgetPositionSchema,
  theme: WidgetThemeSchema,
  greeting: z.string(),
  locale: z.string().nullable(),
  preChat: PreChatSettingsSchema,
  businessHours: z.object({
    enabled: z.boolean(),
    timeZone: z.string(),
    days: z.array(z.object({ day: WeekdaySchema, open: z.string(), close: z.string() })),
  }),
  identityVerificationRequired: z.boolean(),
  routingMode: RoutingModeSchema,
  queueMaxWaitSeconds: z.number().int().min(0).nullable(),
  /** What applies when queueMaxWaitSeconds is null (the server's QUEUE_MAX_WAIT_SECONDS). */
  defaultQueueMaxWaitSeconds: z.number().int().min(0),
  attachments: AttachmentSettingsSchema,
  // help-widget
  helpMode: HelpModeSchema,
  /** Hex HMAC key for visitor:identify's userHash: admins only, never in the widget config. */
  identitySecret: z.string(),
  isDemo: z.boolean(),
  createdAt: IsoDateSchema,
  /** The `<script>` tag to paste, built from the server's PUBLIC_URL and the site key. */
  snippet: z.string(),
});
export type SiteAdminView = z.infer<typeof SiteAdminViewSchema>;

export const SiteListResponseSchema = z.object({ sites: z.array(SiteAdminViewSchema) });
export const SiteAdminResponseSchema = z.object({ site: SiteAdminViewSchema });
export const SiteIdParamsSchema = z.object({ siteId: IdSchema });
