/**
 * @module The frame of every page but the conversations view: the console's top bar above one scrolling
 * main column with the page's heading.
 */
import type { ComponentChildren } from 'preact';
import type { Agent } from '@parley/shared';
import { ConsoleHeader } from './console-header.tsx';
import { pageTitle, useDocumentTitle } from './document-title.ts';
import { PAGE_TITLE_ID } from './skip-link.tsx';

export function PageFrame({ agent, title, children }: { agent: Agent; title: string; children: ComponentChildren }) {
  useDocumentTitle(pageTitle(title));
  return (
    <div class="console">
      <ConsoleHeader agent={agent} />
      <main class="page" aria-labelledby={PAGE_TITLE_ID}>
        <h1 id={PAGE_TITLE_ID} class="page__title" tabIndex={-1}>
          {title}
        </h1>
        {children}
      </main>
    </div>
  );
}

/** What a non-admin sees on an admin page's URL. */
export function AdminOnly({ agent, children }: { agent: Agent; children: ComponentChildren }) {
  if (agent.role === 'admin') return <>{children}</>;
  return (
    <p class="alert" role="alert">
      Only admins can open this page. Ask an admin of your Parley if you need a change here.
    </p>
  );
}
