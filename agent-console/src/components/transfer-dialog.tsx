/**
 * @module Transfer to a colleague: who is online with a free seat (others listed but not choosable,
 * with why), and a note for them that the visitor never sees.
 */
import { useEffect, useId, useState } from 'preact/hooks';
import type { Teammate } from '@parley/shared';
import { Dialog } from './dialog.tsx';
import { useSession } from './session-context.ts';

function unavailable(mate: Teammate): string | null {
  if (!mate.connected) return 'not signed in';
  if (mate.status !== 'online') return mate.status;
  if (mate.activeCount >= mate.capacity) return 'no free seat';
  return null;
}

export function TransferDialog({ conversationId, onClose }: { conversationId: string; onClose: () => void }) {
  const session = useSession();
  const myId = session.store.data.value.agentId;
  const [team, setTeam] = useState<Teammate[] | null>(null);
  const [target, setTarget] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const selectId = useId();
  const noteId = useId();

  useEffect(() => {
    void session.team().then((answer) => {
      if (typeof answer === 'string') {
        setProblem(answer);
        return;
      }
      const colleagues = answer.filter((mate) => mate.id !== myId);
      setTeam(colleagues);
      setTarget(colleagues.find((mate) => unavailable(mate) === null)?.id ?? '');
    });
  }, [session, myId]);

  async function submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (target === '') {
      setProblem('Choose a colleague who is online with a free seat.');
      return;
    }
    setBusy(true);
    const failure = await session.transfer(conversationId, target, note);
    setBusy(false);
    if (failure === null) onClose();
    else setProblem(failure);
  }

  return (
    <Dialog title="Transfer conversation" onClose={onClose}>
      <form class="dialog__form" onSubmit={(event) => void submit(event)}>
        <label class="field__label" for={selectId}>
          Transfer to
        </label>
        <select
          id={selectId}
          class="field__input"
          value={target}
          disabled={team === null}
          onChange={(event) => setTarget(event.currentTarget.value)}
        >
          {team === null && <option value="">Loading colleagues…</option>}
          {team !== null && !team.some((mate) => unavailable(mate) === null) && (
            <option value="">Nobody can take it now</option>
          )}
          {team?.map((mate) => {
            const why = unavailable(mate);
            return (
              <option key={mate.id} value={mate.id} disabled={why !== null}>
                {mate.name} ({why ?? `${mate.activeCount} of ${mate.capacity} chats`})
              </option>
            );
          })}
        </select>
        <label class="field__label" for={noteId}>
          Note for your colleague (private)
        </label>
        <textarea
          id={noteId}
          class="field__input"
          rows={3}
          value={note}
          onInput={(event) => setNote(event.currentTarget.value)}
        />
        {problem && (
          <p class="alert" role="alert">
            {problem}
          </p>
        )}
        <div class="dialog__actions">
          <button type="button" class="button button--quiet" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" class="button button--primary" disabled={busy || target === ''}>
            Transfer
          </button>
        </div>
      </form>
    </Dialog>
  );
}
