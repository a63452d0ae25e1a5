/** Sign-in, session reuse, sign-out and session expiry, through the real auth client and a fake auth server. */
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { App } from '../../src/app.tsx';
import { createHarness, openAgentMenu } from '../support/render-console.tsx';

function fillAndSubmit(email: string, password: string): void {
  fireEvent.input(screen.getByLabelText('Email'), { target: { value: email } });
  fireEvent.input(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('sign-in page', () => {
  it('has labelled Email and Password fields and a Sign in button', async () => {
    const { session } = createHarness({ signedIn: false });
    render(<App session={session} />);
    const email = await screen.findByLabelText('Email');
    expect(email).toHaveProperty('type', 'email');
    expect(screen.getByLabelText('Password')).toHaveProperty('type', 'password');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('announces wrong credentials in an alert and keeps the form', async () => {
    const { session } = createHarness({ signedIn: false });
    render(<App session={session} />);
    await screen.findByLabelText('Email');
    fillAndSubmit('ada@example.com', 'wrong');
    expect((await screen.findByRole('alert')).textContent).toBe('Email or password is incorrect.');
    expect(screen.getByLabelText('Email')).toHaveProperty('value', 'ada@example.com');
  });

  it('signs in, shows the agent and the connection, and signs out again', async () => {
    const { session, channel } = createHarness({ signedIn: false });
    render(<App session={session} />);
    await screen.findByLabelText('Email');
    fillAndSubmit('ada@example.com', 'correct horse');
    expect(await screen.findByText('Ada')).toBeTruthy();
    expect(await screen.findByText('Connected')).toBeTruthy();
    // the form is gone: focus is on the inbox's heading, not lost to <body>
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'Inbox' })));

    channel.drop();
    expect(await screen.findByText('Connecting…')).toBeTruthy();

    openAgentMenu();
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('skips the form when the session cookie is still valid', async () => {
    const { session, auth } = createHarness({ signedIn: true });
    render(<App session={session} />);
    expect(await screen.findByRole('button', { name: 'Ada: agent menu' })).toBeTruthy();
    expect(screen.queryByLabelText('Email')).toBeNull();
    // a reload with a valid cookie leaves focus alone, so the skip link is the first Tab stop
    expect(document.activeElement).toBe(document.body);
    expect(auth.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['GET /api/auth/me']);
  });

  it('returns to the form with an explanation when the socket refuses the session', async () => {
    const { session, channel } = createHarness({ signedIn: true });
    render(<App session={session} />);
    await screen.findByText('Connected');
    channel.rejectSession();
    expect((await screen.findByRole('alert')).textContent).toBe('Your session has ended. Please sign in again.');
    expect(screen.getByLabelText('Email')).toBeTruthy();
  });
});
