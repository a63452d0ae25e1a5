/**
 * @module The frame of every page but the conversations view: the console's top bar above one scrolling
 * main column with the page's heading.
 */
import type { ComponentChildren } from 'preact';
import type { Agent } from '@parley/shared';
import { ConsoleHeader } from './console-header.tsx';

export function PageFrame({ agent, title, children }: { agent: Agent; title: string; children: ComponentChildren }) {
  return (
    <div class="console">
      <ConsoleHeader agent={agent} />
      <main class="page" aria-labelledby="page-title">
        <h1 id="page-title" class="page__title">
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
