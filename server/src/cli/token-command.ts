/**
 * @module `parley token create`: an API token for /api/v1 (docs/api.md), made by the console's own
 * ApiTokens (same hashing, same shown-once rule, same checks of the request), for setting up an
 * integration from a script, or before anyone can sign in.
 */
import type { Command } from 'commander';
import { CreateApiTokenRequestSchema } from '@parley/shared';
import { ApiTokens } from '../domain/api-tokens.ts';
import { action } from './cli-action.ts';
import { withStore } from './cli-context.ts';
import { CliError, ExitCode } from './exit-codes.ts';

/** --scope read,write and --scope read --scope write both work. */
const collect = (value: string, previous: string[] = []): string[] => [
  ...previous,
  ...value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean),
];

export function registerTokenCommand(program: Command): void {
  program
    .command('token')
    .description('Create API tokens for /api/v1.')
    .command('create')
    .description('Create an API token and print it, once: Parley keeps only its hash. Revoke it in the console.')
    .requiredOption('--name <name>', 'what the token is for, as the console lists it')
    .requiredOption('--scope <scopes>', 'read, write and/or admin (comma-separated or repeated)', collect)
    .option('--site <site>', 'limit it to this site (id or site key; repeat for several); default: every site', collect)
    .action(
      action(async ({ context, out, options }) => {
        const created = await withStore(context, async (store) => {
          const sites = Array.isArray(options.site) ? (options.site as string[]) : undefined;
          const siteIds = sites
            ? await Promise.all(
                sites.map(async (idOrKey) => {
                  const site = (await store.sites.findById(idOrKey)) ?? (await store.sites.findByKey(idOrKey));
                  if (!site) throw new CliError(ExitCode.NotFound, `No site ${idOrKey} (give its id or its site key)`);
                  return site.id;
                }),
              )
            : null;
          const parsed = CreateApiTokenRequestSchema.safeParse({ name: options.name, scopes: options.scope, siteIds });
          if (!parsed.success) {
            const issue = parsed.error.issues[0];
            const flag = issue?.path[0] === 'scopes' ? '--scope' : issue?.path[0] === 'name' ? '--name' : '--site';
            throw new CliError(ExitCode.Usage, `${flag}: ${issue?.message ?? 'invalid'}`);
          }
          return new ApiTokens({ store, now: context.now }).create({
            name: parsed.data.name,
            scopes: parsed.data.scopes,
            siteIds: parsed.data.siteIds ?? null,
            createdBy: null,
          });
        });
        out.result(created, () => [
          `Created API token "${created.record.name}" (${created.record.id}; ${created.record.scopes.join(', ')}; ` +
            `${created.record.siteIds ? `sites ${created.record.siteIds.join(', ')}` : 'every site'}).`,
          `Token: ${created.token}   (shown once: store it in your secret manager)`,
        ]);
      }),
    );
}
