/**
 * @module Schema migrations, applied in order at every start. Never edit a released migration: add one.
 */
import { sql, type Kysely } from 'kysely';
import type { Migration, MigrationProvider } from 'kysely/migration';
import type { Engine } from '../store.ts';
import { visitorProfileMigration } from './migration-0002-visitor-profile.ts';
import { agentWorkflowMigration } from './migration-0003-agent-workflow.ts';
import { adminMigration } from './migration-0004-admin.ts';
import { emailTicketsMigration } from './migration-0005-email-tickets.ts';
import { proactiveRulesMigration } from './migration-0006-proactive-rules.ts';
import { conversationFactsMigration } from './migration-0007-conversation-facts.ts';
import { offlineGapsMigration } from './migration-0009-offline-gaps.ts';
import { verifiedUserIndexMigration } from './migration-0012-verified-user-index.ts';
import { visitorMailMigration } from './migration-0013-visitor-mail.ts';
import { widgetThemeMigration } from './migration-0017-widget-theme.ts';
import { helpWidgetMigration } from './migration-0024-help-widget.ts';
import { attachmentsMigration } from './migration-0018-attachments.ts';
import { helpCenterMigration } from './migration-0021-help-center.ts';
import { richMessagesMigration } from './migration-0019-rich-messages.ts';
import { messageEditsMigration } from './migration-0020-message-edits.ts';
import { mailAttachmentsMigration } from './migration-0023-mail-attachments.ts';
// answer bot (issue 22)
import { answerBotMigration } from './migration-0027-answer-bot.ts';
import { externalBotsMigration } from './migration-0029-external-bots.ts';
// public API tokens and idempotent writes (issue 21)
import { apiTokensMigration } from './migration-0025-api-tokens.ts';
import { webhooksMigration } from './migration-0026-webhooks.ts';

const initial: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('sites')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('site_key', 'text', (c) => c.notNull().unique())
      .addColumn('allowed_origins', 'text', (c) => c.notNull())
      .addColumn('color', 'text', (c) => c.notNull())
      .addColumn('greeting', 'text', (c) => c.notNull())
      .addColumn('position', 'text', (c) => c.notNull())
      .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('agents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('capacity', 'integer', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('last_assigned_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('sessions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('agent_id', 'text', (c) => c.notNull().references('agents.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('visitors')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
      .addColumn('name', 'text')
      .addColumn('email', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('conversations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
      .addColumn('visitor_id', 'text', (c) => c.notNull().references('visitors.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('agent_id', 'text', (c) => c.references('agents.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('assigned_at', 'text')
      .addColumn('closed_at', 'text')
      .addColumn('closed_by', 'text')
      .addColumn('last_seq', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('visitor_seen_seq', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('agent_seen_seq', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    // At most one open conversation per visitor, enforced by the database so two tabs cannot race.
    await db.schema
      .createIndex('conversations_one_open_per_visitor')
      .on('conversations')
      .column('visitor_id')
      .unique()
      .where(sql.ref('status'), '<>', 'closed')
      .execute();
    await db.schema
      .createIndex('conversations_status_created')
      .on('conversations')
      .columns(['status', 'created_at'])
      .execute();
    await db.schema
      .createIndex('conversations_agent_status')
      .on('conversations')
      .columns(['agent_id', 'status'])
      .execute();
    await db.schema
      .createIndex('conversations_visitor_created')
      .on('conversations')
      .columns(['visitor_id', 'created_at'])
      .execute();

    await db.schema
      .createTable('messages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('client_message_id', 'text')
      .addColumn('author_kind', 'text', (c) => c.notNull())
      .addColumn('author_id', 'text')
      .addColumn('author_name', 'text')
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('messages_conversation_seq', ['conversation_id', 'seq'])
      .addUniqueConstraint('messages_conversation_client_id', ['conversation_id', 'client_message_id'])
      .execute();
  },
};

/** Later migrations may differ per engine (auto-increment ids), so the provider knows which one it migrates. */
export function migrationProvider(engine: Engine): MigrationProvider {
  return {
    getMigrations: () =>
      Promise.resolve({
        '0001_initial': initial,
        '0002_visitor_profile': visitorProfileMigration(engine),
        '0003_agent_workflow': agentWorkflowMigration,
        '0004_admin': adminMigration,
        '0005_email_tickets': emailTicketsMigration,
        '0006_proactive_rules': proactiveRulesMigration(engine),
        '0007_conversation_facts': conversationFactsMigration,
        '0009_offline_gaps': offlineGapsMigration,
        '0012_verified_user_index': verifiedUserIndexMigration,
        '0013_visitor_mail': visitorMailMigration,
        '0017_widget_theme': widgetThemeMigration,
        '0018_attachments': attachmentsMigration,
        '0019_rich_messages': richMessagesMigration,
        '0020_message_edits': messageEditsMigration,
        '0021_help_center': helpCenterMigration(engine),
        '0023_mail_attachments': mailAttachmentsMigration,
        '0027_answer_bot': answerBotMigration,
        '0025_api_tokens': apiTokensMigration,
        '0026_webhooks': webhooksMigration(engine),
        '0024_help_widget': helpWidgetMigration,
        '0029_external_bots': externalBotsMigration,
      }),
  };
}
