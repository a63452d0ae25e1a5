/**
 * @module Admin page: the team. Lists every agent with role, capacity and whether they may sign in;
 * adds agents, edits them, deactivates and reactivates them, and sets new passwords.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Agent, AgentAdminView } from '@parley/shared';
import { ApiError } from '../../api/rest-client.ts';
import { useApi } from '../../components/api-context.ts';
import { AdminOnly, PageFrame } from '../../components/page-frame.tsx';
import { Loading, LoadFailed } from '../../components/load-state.tsx';
import { FormMessage } from '../../components/form-field.tsx';
import { AgentForm, type AgentFormValues } from './agent-form.tsx';
import { ResetPasswordForm } from './reset-password-form.tsx';

export function AgentsPage({ agent }: { agent: Agent }) {
  return (
    <PageFrame agent={agent} title="Agents">
      <AdminOnly agent={agent}>
        <TeamAdmin me={agent} />
      </AdminOnly>
    </PageFrame>
  );
}

function TeamAdmin({ me }: { me: Agent }) {
  const { admin } = useApi();
  const [agents, setAgents] = useState<AgentAdminView[] | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // bumped by Retry: loads the list again
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    admin.listAgents().then(setAgents, (caught: unknown) => setError(messageOf(caught)));
  }, [admin, attempt]);

  const replace = (changed: AgentAdminView) =>
    setAgents((list) => (list ?? []).map((a) => (a.id === changed.id ? changed : a)));

  async function act(work: () => Promise<AgentAdminView>, success: (a: AgentAdminView) => string): Promise<void> {
    setError(null);
    setDone(null);
    try {
      const changed = await work();
      replace(changed);
      setDone(success(changed));
    } catch (caught) {
      setError(messageOf(caught));
    }
  }

  async function create(values: AgentFormValues): Promise<void> {
    const created = await admin.createAgent({ ...values, password: values.password ?? '' });
    setAgents((list) => [...(list ?? []), created]);
    setDone(`${created.name} was added. They can sign in now.`);
  }

  const editing = agents?.find((a) => a.id === editingId);

  return (
    <>
      {agents !== null && <FormMessage error={error} success={done} />}
      {agents === null ? (
        error ? (
          <LoadFailed
            message={error}
            onRetry={() => {
              setError(null);
              setAttempt((n) => n + 1);
            }}
          />
        ) : (
          <Loading label="Loading agents…" />
        )
      ) : (
        <div class="table-wrap">
          <table class="admin-table">
            <caption class="visually-hidden">Agents</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Capacity</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {agents.map((a) => (
                <tr key={a.id}>
                  <th scope="row">{a.id === me.id ? `${a.name} (you)` : a.name}</th>
                  <td>{a.email}</td>
                  <td>{a.role === 'admin' ? 'Admin' : 'Agent'}</td>
                  <td>{a.capacity}</td>
                  <td>{a.active ? 'Active' : 'Deactivated'}</td>
                  <td class="admin-table__actions">
                    <button
                      type="button"
                      class="button button--quiet"
                      aria-label={`Edit ${a.name}`}
                      onClick={() => setEditingId(a.id)}
                    >
                      Edit
                    </button>
                    {a.active ? (
                      <button
                        type="button"
                        class="button button--quiet"
                        aria-label={`Deactivate ${a.name}`}
                        onClick={() =>
                          void act(
                            () => admin.deactivateAgent(a.id),
                            (x) => `${x.name} is deactivated: signed out, and their open chats went back to the queue.`,
                          )
                        }
                      >
                        Deactivate
                      </button>
                    ) : (
                      <button
                        type="button"
                        class="button button--quiet"
                        aria-label={`Reactivate ${a.name}`}
                        onClick={() =>
                          void act(
                            () => admin.reactivateAgent(a.id),
                            (x) => `${x.name} can sign in again.`,
                          )
                        }
                      >
                        Reactivate
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {editing && (
        <section class="card" aria-labelledby="edit-agent-title">
          <h2 id="edit-agent-title" class="card__title">
            Edit {editing.name}
          </h2>
          <AgentForm
            key={editing.id}
            agent={editing}
            submitLabel="Save changes"
            onCancel={() => setEditingId(null)}
            onSubmit={async (values) => {
              const changed = await admin.updateAgent(editing.id, values);
              replace(changed);
              setEditingId(null);
              setDone(`Saved ${changed.name}.`);
            }}
          />
          <ResetPasswordForm
            agent={editing}
            isSelf={editing.id === me.id}
            onReset={async (password) => {
              await admin.resetPassword(editing.id, password);
              setDone(`${editing.name} has a new password and was signed out everywhere.`);
            }}
          />
        </section>
      )}

      <section class="card" aria-labelledby="add-agent-title">
        <h2 id="add-agent-title" class="card__title">
          Add an agent
        </h2>
        <AgentForm submitLabel="Add agent" onSubmit={create} />
      </section>
    </>
  );
}

function messageOf(caught: unknown): string {
  return caught instanceof ApiError ? caught.message : 'Something went wrong. Please try again.';
}
