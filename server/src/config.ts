/**
 * @module Configuration: the only module that reads process.env. Parsed once at boot by a zod schema;
 * a bad environment stops the server with a readable list of what is wrong.
 */
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_EDIT_WINDOW_SECONDS, EmailSchema } from '@parley/shared';
import type { S3Settings } from './files/s3-file-storage.ts';
import { parseClamavAddress, type ClamavAddress } from './files/clamav-address.ts';
import { LimitsEnvShape, limitsConfig, type LimitsConfig } from './limits/limits-config.ts';
// outbound webhooks (issue 21)
import { WebhooksEnvShape, webhooksConfig, type WebhooksConfig } from './webhooks/webhooks-config.ts';
// answers from a language model (issue 22, bot-llm)
import { LlmEnvShape, llmConfig, LLM_PAIR_MESSAGE, llmPairOk, type LlmConfig } from './llm/llm-config.ts';

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

/**
 * A TCP port to listen on. Unset: `fallback`. Set but empty or not a whole number from 0 to 65535:
 * refused, naming the value (a blank `PORT=` once meant port 0, a random port, without a word).
 */
const listenPort = (fallback: number) =>
  z
    .string()
    .transform((value, ctx) => {
      const port = value.trim();
      if (/^\d{1,5}$/.test(port) && Number(port) <= 65535) return Number(port);
      ctx.addIssue({
        code: 'custom',
        message:
          port === ''
            ? `is set but empty: unset it for ${fallback}, or give a port number (0 picks a free one)`
            : `${JSON.stringify(value)} is not a port number: give a whole number from 0 to 65535 (0 picks a free one)`,
      });
      return z.NEVER;
    })
    .default(fallback);

/** `address` or `Name <address>`. */
const MAILBOX = /^(?:[^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/;

const EnvSchema = z
  .object({
    PORT: listenPort(3000),
    HOST: z.string().default('0.0.0.0'),
    PUBLIC_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
    PARLEY_DATA_DIR: z.string().default('./data'),
    DATABASE_URL: optionalString.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL (leave it unset for the embedded SQLite file)')
        .optional(),
    ),
    PARLEY_ADMIN_EMAIL: optionalString.pipe(EmailSchema.optional()),
    PARLEY_ADMIN_PASSWORD: optionalString.pipe(z.string().min(8, 'must be at least 8 characters').optional()),
    /** Signs visitor tokens. Without it a secret is generated once into PARLEY_DATA_DIR; set it when several processes share one database. */
    PARLEY_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
    /** Extra origins allowed to open the agent console's socket (e.g. a console dev server). Comma-separated. */
    CONSOLE_ORIGINS: optionalString,
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
    /** Where the built widget and console are; by default found in the checkout beside the server. */
    PARLEY_WIDGET_DIST: optionalString,
    PARLEY_CONSOLE_DIST: optionalString,
    /** Outgoing mail, e.g. smtp://user:pass@smtp.example.com:587 or smtps://…:465. Unset: mail waits in the outbox. */
    SMTP_URL: optionalString.pipe(
      z
        .string()
        .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
        .optional(),
    ),
    /** Sender of every mail: an address, or `Name <address>`. */
    MAIL_FROM: optionalString.pipe(z.string().regex(MAILBOX, 'must be an address or Name <address>').optional()),
    /** Replies come back to reply+<token>@ this domain; defaults to MAIL_FROM's. */
    INBOUND_EMAIL_DOMAIN: optionalString.pipe(
      z
        .string()
        .regex(/^[a-z0-9.-]+$/i, 'must be a domain name')
        .optional(),
    ),
    /** Shared secret of POST /api/inbound/email; without it the endpoint is off. */
    INBOUND_EMAIL_SECRET: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
    /** Port of the built-in SMTP listener for replies (0 picks a free one); unset: no listener. */
    INBOUND_SMTP_PORT: optionalString.pipe(
      z.string().regex(/^\d+$/, 'must be a port number').transform(Number).pipe(z.number().max(65535)).optional(),
    ),
    INBOUND_SMTP_HOST: optionalString,
    INBOUND_EMAIL_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(10 * 1024 * 1024),
    INBOUND_EMAIL_MAX_ATTACHMENT_BYTES: z.coerce
      .number()
      .int()
      .min(0)
      .default(5 * 1024 * 1024),
    /** A queued visitor who gave an email and waited this long gets a ticket instead; 0 turns it off. */
    QUEUE_MAX_WAIT_SECONDS: z.coerce.number().int().min(0).default(300),
    /** How long a visitor may edit or delete their own message after sending it (docs/message-edits.md); 0: never. */
    MESSAGE_EDIT_WINDOW_SECONDS: z.coerce.number().int().min(0).default(DEFAULT_EDIT_WINDOW_SECONDS),
    /** Agent replies a visitor has not seen after this long are emailed to them, together. */
    UNSEEN_REPLY_EMAIL_DELAY_SECONDS: z.coerce.number().int().min(0).default(120),
    /**
     * Mails a site's visitors may cause to addresses they typed (ticket confirmations, transcripts)
     * in an hour; past it, confirmations are skipped and transcript requests refused (docs/email.md).
     */
    VISITOR_MAIL_PER_SITE_PER_HOUR: z.coerce.number().int().min(0).default(60),
    /** How often the mail worker looks for work; 0: only when the process asks (tests). */
    MAIL_WORKER_INTERVAL_MS: z.coerce.number().int().min(0).default(5000),
    /** Ended conversations older than this many days are deleted or anonymised; 0 keeps everything. */
    RETENTION_DAYS: z.coerce.number().int().min(0).default(0),
    /** `delete` removes them; `anonymise` keeps their report figures and removes what was said and who said it. */
    RETENTION_MODE: z.enum(['delete', 'anonymise']).default('delete'),
    /** How often retention runs; 0: only when the process asks (tests). */
    RETENTION_INTERVAL_MS: z.coerce
      .number()
      .int()
      .min(0)
      .default(60 * 60 * 1000),
    /** Redis joins several processes: socket fan-out and presence. Unset: one process, in memory. */
    REDIS_URL: optionalString.pipe(
      z
        .string()
        .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
        .optional(),
    ),
    /** A process that stops renewing its lease this long is taken for dead: its agents and visitors go offline. */
    PRESENCE_TTL_SECONDS: z.coerce.number().int().min(1).max(300).default(10),
    /** An agent connected nowhere keeps their chats this long; then they go back to the front of the queue. */
    AGENT_REQUEUE_GRACE_SECONDS: z.coerce.number().int().min(0).default(60),
    /** SIGTERM: how long to wait for requests already running before closing the database anyway. */
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
    /** S3-compatible storage for attachments; unset: files on local disk under PARLEY_DATA_DIR/files. */
    S3_BUCKET: optionalString,
    /** The S3 API's address, e.g. https://s3.eu-west-1.amazonaws.com or http://minio:9000; unset: AWS for S3_REGION. */
    S3_ENDPOINT: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
    S3_REGION: optionalString,
    S3_ACCESS_KEY_ID: optionalString,
    S3_SECRET_ACCESS_KEY: optionalString,
    /** Bucket in the path (http://host/bucket/key) rather than the host name: most self-hosted servers need it. */
    S3_FORCE_PATH_STYLE: z
      .enum(['true', 'false', '1', '0', ''])
      .optional()
      .transform((v) => v === 'true' || v === '1'),
    // malware scan and mailed attachments (docs/attachments.md)
    /** clamd to scan every upload with: tcp://host:port or a unix socket path; unset: no scan. */
    CLAMAV_ADDRESS: optionalString.transform((value, ctx): ClamavAddress | undefined => {
      if (value === undefined) return undefined;
      const parsed = parseClamavAddress(value);
      if ('error' in parsed) {
        ctx.addIssue({ code: 'custom', message: parsed.error });
        return z.NEVER;
      }
      return parsed;
    }),
    /** An agent's ticket reply whose files together are larger than this links to them instead of attaching them. */
    EMAIL_ATTACHMENTS_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(0)
      .default(5 * 1024 * 1024),
    /** Where the public help center is served: `<path>/<site key>/<locale>/…` (docs/help-center.md). */
    HELP_CENTER_PATH: z
      .string()
      .default('/help')
      .transform((v) => `/${v.trim().replace(/^\/+|\/+$/g, '')}`)
      .pipe(
        z
          .string()
          .regex(/^\/[a-z0-9][a-z0-9/_-]*$/i, 'must be a path such as /help (letters, digits, - _ /)')
          .refine(
            (v) => !/^\/(api|widget|console|socket\.io)(\/|$)/.test(v),
            'must not be under /api, /widget or /console',
          ),
      ),
    // scheduled SQLite backups (docs/backups.md)
    /** Where the server writes a SQLite backup every BACKUP_INTERVAL_MINUTES; unset: no scheduled backups. */
    BACKUP_DIR: optionalString,
    BACKUP_INTERVAL_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .default(24 * 60),
    /** Scheduled backups kept in BACKUP_DIR: the oldest beyond this many are deleted. */
    BACKUP_KEEP: z.coerce.number().int().min(1).default(7),
    ...LimitsEnvShape,
    // outbound webhooks (issue 21): WEBHOOK_ALLOWED_HOSTS and the sender's timing (docs/webhooks.md)
    ...WebhooksEnvShape,
    // the answer bot's language model (issue 22): LLM_BASE_URL, LLM_MODEL, LLM_API_KEY and limits
    ...LlmEnvShape,
  })
  .refine((e) => e.S3_BUCKET !== undefined || (e.S3_ENDPOINT === undefined && e.S3_ACCESS_KEY_ID === undefined), {
    path: ['S3_BUCKET'],
    message: 'must be set when other S3_* settings are (without it attachments stay on local disk)',
  })
  .refine((e) => e.BACKUP_DIR === undefined || e.DATABASE_URL === undefined, {
    path: ['BACKUP_DIR'],
    message: 'backs up the SQLite file only: with DATABASE_URL, back PostgreSQL up with pg_dump (docs/backups.md)',
  })
  .refine((e) => (e.S3_ACCESS_KEY_ID === undefined) === (e.S3_SECRET_ACCESS_KEY === undefined), {
    path: ['S3_SECRET_ACCESS_KEY'],
    message: 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both or neither',
  })
  .refine(llmPairOk, { path: ['LLM_MODEL'], message: LLM_PAIR_MESSAGE });

export interface Config {
  port: number;
  host: string;
  /** Undefined until known: with PORT=0 it is derived from the port the server got. */
  publicUrl: string | undefined;
  dataDir: string;
  databaseUrl: string | undefined;
  admin: { email: string | undefined; password: string | undefined };
  secret: string | undefined;
  consoleOrigins: string[];
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  widgetDist: string | undefined;
  consoleDist: string | undefined;
  email: EmailConfig;
  /** Seconds; 0: never turn a waiting visitor's chat into a ticket. */
  queueMaxWaitSeconds: number;
  messageEditWindowSeconds: number;
  retention: { days: number; mode: 'delete' | 'anonymise'; intervalMs: number };
  scale: ScaleConfig;
  limits: LimitsConfig;
  files: FilesConfig;
  /** The public help center's base path, e.g. /help (no trailing slash). */
  helpCenterPath: string;
  /** Outbound webhooks (issue 21). */
  webhooks: WebhooksConfig;
  /** The answer bot's language model (issue 22); undefined: the built-in bot answers alone. */
  llm: LlmConfig | undefined;
  /** Scheduled SQLite backups (docs/backups.md); undefined: none. */
  backup: BackupConfig | undefined;
}

export interface BackupConfig {
  /** Absolute path of the folder the backups go to. */
  dir: string;
  intervalMinutes: number;
  /** How many scheduled backups to keep; older ones are deleted. */
  keep: number;
}

export interface FilesConfig {
  /** Undefined: files on local disk under dataDir/files. */
  s3: S3Settings | undefined;
  /** Undefined: uploads are not scanned for malware. */
  clamav: ClamavAddress | undefined;
}

export interface ScaleConfig {
  /** Undefined: a single process with in-memory presence. */
  redisUrl: string | undefined;
  presenceTtlSeconds: number;
  agentRequeueGraceSeconds: number;
  shutdownTimeoutMs: number;
}

export interface EmailConfig {
  smtpUrl: string | undefined;
  /** The From header as given (`Name <address>` or an address). */
  from: string;
  inboundDomain: string;
  inboundSecret: string | undefined;
  inboundSmtp: { port: number; host: string } | undefined;
  maxInboundBytes: number;
  maxAttachmentBytes: number;
  /** Above this many bytes of files in all, an agent's reply mail links to its files rather than attaching them. */
  attachFilesUpToBytes: number;
  unseenReplyDelaySeconds: number;
  workerIntervalMs: number;
  visitorMailPerSitePerHour: number;
}

const addressOf = (mailbox: string): string => /<([^>]+)>/.exec(mailbox)?.[1] ?? mailbox;

export class ConfigError extends Error {}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = EnvSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = result.data;
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    dataDir: path.resolve(e.PARLEY_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    admin: { email: e.PARLEY_ADMIN_EMAIL?.toLowerCase(), password: e.PARLEY_ADMIN_PASSWORD },
    secret: e.PARLEY_SECRET,
    consoleOrigins: (e.CONSOLE_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    logLevel: e.LOG_LEVEL,
    widgetDist: e.PARLEY_WIDGET_DIST && path.resolve(e.PARLEY_WIDGET_DIST),
    consoleDist: e.PARLEY_CONSOLE_DIST && path.resolve(e.PARLEY_CONSOLE_DIST),
    email: emailConfig(e),
    queueMaxWaitSeconds: e.QUEUE_MAX_WAIT_SECONDS,
    messageEditWindowSeconds: e.MESSAGE_EDIT_WINDOW_SECONDS,
    retention: { days: e.RETENTION_DAYS, mode: e.RETENTION_MODE, intervalMs: e.RETENTION_INTERVAL_MS },
    scale: {
      redisUrl: e.REDIS_URL,
      presenceTtlSeconds: e.PRESENCE_TTL_SECONDS,
      agentRequeueGraceSeconds: e.AGENT_REQUEUE_GRACE_SECONDS,
      shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    },
    limits: limitsConfig(e),
    helpCenterPath: e.HELP_CENTER_PATH,
    webhooks: webhooksConfig(e),
    llm: llmConfig(e),
    backup:
      e.BACKUP_DIR === undefined
        ? undefined
        : { dir: path.resolve(e.BACKUP_DIR), intervalMinutes: e.BACKUP_INTERVAL_MINUTES, keep: e.BACKUP_KEEP },
    files: {
      s3:
        e.S3_BUCKET === undefined
          ? undefined
          : {
              bucket: e.S3_BUCKET,
              endpoint: e.S3_ENDPOINT,
              region: e.S3_REGION ?? 'us-east-1',
              accessKeyId: e.S3_ACCESS_KEY_ID,
              secretAccessKey: e.S3_SECRET_ACCESS_KEY,
              forcePathStyle: e.S3_FORCE_PATH_STYLE,
            },
      clamav: e.CLAMAV_ADDRESS,
    },
  };
}

function emailConfig(e: z.output<typeof EnvSchema>): EmailConfig {
  const from = e.MAIL_FROM ?? 'Parley <parley@localhost>';
  return {
    smtpUrl: e.SMTP_URL,
    from,
    inboundDomain: (e.INBOUND_EMAIL_DOMAIN ?? addressOf(from).split('@')[1] ?? 'localhost').toLowerCase(),
    inboundSecret: e.INBOUND_EMAIL_SECRET,
    inboundSmtp:
      e.INBOUND_SMTP_PORT === undefined
        ? undefined
        : { port: e.INBOUND_SMTP_PORT, host: e.INBOUND_SMTP_HOST ?? e.HOST },
    maxInboundBytes: e.INBOUND_EMAIL_MAX_BYTES,
    maxAttachmentBytes: e.INBOUND_EMAIL_MAX_ATTACHMENT_BYTES,
    attachFilesUpToBytes: e.EMAIL_ATTACHMENTS_MAX_BYTES,
    unseenReplyDelaySeconds: e.UNSEEN_REPLY_EMAIL_DELAY_SECONDS,
    workerIntervalMs: e.MAIL_WORKER_INTERVAL_MS,
    visitorMailPerSitePerHour: e.VISITOR_MAIL_PER_SITE_PER_HOUR,
  };
}

export function loadConfig(): Config {
  return parseConfig(process.env);
}
