/**
 * @module `parley admin create`, `parley password reset`, `parley agents list|deactivate`: the
 * team, through the console's agent directory (its checks, its hashing, its session ending).
 */
import type { Command } from 'commander';
import { CreateAgentRequestSchema } from '@parley/shared';
import type { AgentRecord } from '../store/agent-store.ts';
import type { Store } from '../store/store.ts';
import { action, text } from './cli-action.ts';
import { agentDirectory, withStore } from './cli-context.ts';
import { table } from './cli-output.ts';
import { CliError, ExitCode } from './exit-codes.ts';
import { newPassword } from './password-input.ts';

/** An agent as the CLI shows it: never the password hash. */
const view = (agent: AgentRecord) => ({
  id: agent.id,
  email: agent.email,
  name: agent.name,
  role: agent.role,
  capacity: agent.capacity,
  active: agent.active,
  createdAt: agent.createdAt,
});

/** By email (case-insensitive, as sign-in) or by id. */
async function findAgent(store: Store, who: string): Promise<AgentRecord> {
  const agent = who.includes('@')
    ? await store.agents.findByEmail(who.trim().toLowerCase())
    : await store.agents.findById(who);
  if (!agent) throw new CliError(ExitCode.NotFound, `No agent ${who}`);
  return agent;
}

const PASSWORD_STDIN = 'read the password from standard input (else one is generated and shown once)';

export function registerAgentCommands(program: Command): void {
  const admin = program.command('admin').description('Create admins.');
  admin
    .command('create')
    .description('Create an admin who can sign in to the console (e.g. when the only admin password is lost).')
    .requiredOption('--email <email>', 'their sign-in email')
    .option('--name <name>', 'their name as agents and visitors see it', 'Admin')
    .option('--capacity <chats>', 'chats they take at once', '3')
    .option('--password-stdin', PASSWORD_STDIN)
    .action(
      action(async ({ context, out, options }) => {
        const { password, generated } = await newPassword(options.passwordStdin === true);
        const parsed = CreateAgentRequestSchema.safeParse({
          name: options.name,
          email: options.email,
          role: 'admin',
          capacity: Number(options.capacity),
          password,
        });
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw new CliError(
            ExitCode.Usage,
            `--${String(issue?.path[0] ?? 'value')} ${issue?.message ?? 'is not valid'}`,
          );
        }
        const agent = await withStore(context, (store) => agentDirectory(store, context).create(parsed.data));
        out.result({ agent: view(agent), ...(generated && { password }) }, () => [
          `Created admin ${agent.email} (${agent.id}).`,
          ...(generated ? [`Password: ${password}   (shown once: note it down)`] : []),
        ]);
      }),
    );

  program
    .command('password')
    .description('Reset passwords.')
    .command('reset')
    .description('Set a new password for an agent and end all of their sessions (they sign in again).')
    .argument('<agent>', 'their email or agent id')
    .option('--password-stdin', PASSWORD_STDIN)
    .action(
      action(async ({ context, out, args, options }) => {
        const { password, generated } = await newPassword(options.passwordStdin === true);
        const agent = await withStore(context, async (store) => {
          const found = await findAgent(store, text(args[0]));
          return agentDirectory(store, context).resetPassword(found.id, password);
        });
        out.result({ agent: view(agent), ...(generated && { password }) }, () => [
          `New password set for ${agent.email}; their sessions are ended.`,
          ...(generated ? [`Password: ${password}   (shown once: note it down)`] : []),
        ]);
      }),
    );

  const agents = program.command('agents').description('List and deactivate agents.');
  agents
    .command('list')
    .description('Every agent, active or not, oldest first.')
    .action(
      action(async ({ context, out }) => {
        const list = await withStore(context, (store) => agentDirectory(store, context).list());
        out.result({ agents: list.map(view) }, () =>
          table(
            ['EMAIL', 'NAME', 'ROLE', 'ACTIVE', 'CAPACITY', 'ID'],
            list.map((a) => [a.email, a.name, a.role, a.active ? 'yes' : 'no', String(a.capacity), a.id]),
          ),
        );
      }),
    );
  agents
    .command('deactivate')
    .description(
      'Stop an agent from signing in: their sessions end and their open chats go back to the queue. ' +
        'Refused for the last active admin.',
    )
    .argument('<agent>', 'their email or agent id')
    .action(
      action(async ({ context, out, args }) => {
        const agent = await withStore(context, async (store) => {
          const found = await findAgent(store, text(args[0]));
          return agentDirectory(store, context).deactivate(found.id);
        });
        out.result({ agent: view(agent) }, () => [`Deactivated ${agent.email}.`]);
      }),
    );
}
