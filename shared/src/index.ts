export * from './error-codes.ts';
export * from './models.ts';
export * from './agent-workflow.ts';
export * from './event-map.ts';
export * from './visitor-events.ts';
export * from './agent-events.ts';
export * from './tickets.ts';
export * from './rest.ts';
export * from './rest-routes.ts';
export * from './zod-issues.ts';
export * from './admin.ts';
export * from './canned-responses.ts';
export * from './visitor-insight.ts';
export * from './proactive-rules.ts';
export * from './widget-config.ts';
export * from './proactive-rule-admin.ts';
export * from './reports.ts';
export * from './attachments.ts';
export * from './help-articles.ts';
export * from './help-payloads.ts';
export * from './help-bundles.ts';
export * from './help-routes.ts';
// help-console: the console editor's preview and article pictures
export * from './help-editor.ts';
// help center reports and deflection (issue 20, help-metrics)
export * from './help-reports.ts';
// help-widget
export * from './help-widget.ts';
export * from './rich-content.ts';
export * from './rich-answers.ts';
export * from './message-edits.ts';
// answer bot (issue 22)
export * from './answer-bot.ts';
export * from './bot-reports.ts';
// external bots (issue 22, bot-external)
export * from './external-bot.ts';
// public API (issue 21)
export * from './api-tokens.ts';
// outbound webhooks (issue 21)
export * from './webhooks.ts';
export * from './webhook-routes.ts';
export * from './api-v1.ts';
export * from './api-v1-routes.ts';
