/**
 * @module `/shortcut` in the reply box: while the word before the caret starts with a slash, a list of
 * matching canned responses opens under the box; ↑/↓ choose, Tab or Enter insert, Escape closes.
 * The box keeps focus throughout (aria-activedescendant points at the chosen option), so typing goes on.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import type { CannedResponse, OfferContent } from '@parley/shared';
import { useApi } from './api-context.ts';

const MAX_SHOWN = 8;

interface SlashToken {
  start: number;
  end: number;
  query: string;
}

/** The `/word` that ends at the caret, at the start of the text or after whitespace, or null. */
export function slashTokenAt(text: string, caret: number): SlashToken | null {
  const match = /(^|\s)\/([a-z0-9_-]*)$/i.exec(text.slice(0, caret));
  if (!match) return null;
  const query = match[2] ?? '';
  return { start: caret - query.length - 1, end: caret, query: query.toLowerCase() };
}

export interface CannedSuggestions {
  open: boolean;
  matches: readonly CannedResponse[];
  active: number;
  listId: string;
  optionId: (index: number) => string;
  /** Call on every input with the new text and caret. */
  onInput: (text: string, caret: number) => void;
  /** Call first in the box's keydown; true means the key was for the list and is handled. */
  onKeyDown: (event: KeyboardEvent) => boolean;
  insert: (response: CannedResponse) => void;
  close: () => void;
}

export function useCannedSuggestions(
  agentId: string,
  input: RefObject<HTMLTextAreaElement>,
  replaceText: (text: string) => void,
  /** A response holding rich content: its content, to open in the builder. */
  withContent?: (content: OfferContent) => void,
): CannedSuggestions {
  const { cannedCache } = useApi();
  const [token, setToken] = useState<SlashToken | null>(null);
  const [active, setActive] = useState(0);
  const caretAfterInsert = useRef<number | null>(null);
  const listId = useId();
  const all = cannedCache.items.value;
  const matches = token && all ? all.filter((r) => r.shortcut.startsWith(token.query)).slice(0, MAX_SHOWN) : [];
  const open = matches.length > 0;

  // the box is controlled: put the caret after the inserted text once the new value is rendered
  useEffect(() => {
    const caret = caretAfterInsert.current;
    if (caret === null || !input.current) return;
    caretAfterInsert.current = null;
    input.current.setSelectionRange(caret, caret);
  });

  function insert(response: CannedResponse): void {
    const box = input.current;
    if (!token || !box) return;
    const text = box.value;
    caretAfterInsert.current = token.start + response.body.length;
    replaceText(text.slice(0, token.start) + response.body + text.slice(token.end));
    setToken(null);
    if (response.content) withContent?.(response.content);
  }

  return {
    open,
    matches,
    active: Math.min(active, Math.max(matches.length - 1, 0)),
    listId,
    optionId: (index) => `${listId}-option-${index}`,
    onInput(text, caret) {
      const next = slashTokenAt(text, caret);
      setToken(next);
      setActive(0);
      if (next) void cannedCache.ensure(agentId);
    },
    onKeyDown(event) {
      if (!open) return false;
      const chosen = matches[Math.min(active, matches.length - 1)];
      switch (event.key) {
        case 'ArrowDown':
          setActive((active + 1) % matches.length);
          break;
        case 'ArrowUp':
          setActive((active - 1 + matches.length) % matches.length);
          break;
        case 'Tab':
        case 'Enter':
          if (event.shiftKey || event.isComposing || !chosen) return false;
          insert(chosen);
          break;
        case 'Escape':
          setToken(null);
          break;
        default:
          return false;
      }
      event.preventDefault();
      return true;
    },
    insert,
    close: () => setToken(null),
  };
}

export function CannedSuggestionList({ suggestions }: { suggestions: CannedSuggestions }) {
  const { open, matches, active, listId, optionId, insert } = suggestions;
  return (
    <>
      <span class="visually-hidden" role="status">
        {open
          ? `${matches.length} canned ${matches.length === 1 ? 'response' : 'responses'}: arrow keys choose, Tab inserts.`
          : ''}
      </span>
      {open && (
        <ul id={listId} class="canned-popup" role="listbox" aria-label="Canned responses">
          {matches.map((response, index) => (
            <li
              key={response.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              class={`canned-popup__option${index === active ? ' canned-popup__option--active' : ''}`}
              // keep focus in the reply box: a click chooses without blurring it
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => insert(response)}
            >
              <code class="canned-popup__shortcut">/{response.shortcut}</code>
              <span class="canned-popup__body">{response.body}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
