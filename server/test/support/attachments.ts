/**
 * @module Uploads and downloads as clients make them (real fetch, multipart/form-data), and a chat
 * where an agent has answered, so the visitor may upload.
 */
import sharp from 'sharp';
import { VISITOR_TOKEN_HEADER, type Attachment, type AttachmentLinkResponse, type SendResult } from '@parley/shared';
import type { TestServer } from './test-server.ts';
import { call, clientId, login, nextEvent, signInAgent, type AgentSocket, type VisitorSocket } from './clients.ts';
import { visitorWrites } from './workflow.ts';

export interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

async function answer<T>(res: Response): Promise<Answer<T>> {
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: the text itself
  }
  return { status: res.status, headers: res.headers, body: body as T };
}

export function formWith(name: string, bytes: Uint8Array, claimedType = 'application/octet-stream'): FormData {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type: claimedType }), name);
  return form;
}

export interface ChatWithFiles {
  visitor: VisitorSocket;
  token: string;
  conversationId: string;
  agent: AgentSocket;
  cookie: string;
  email: string;
  password: string;
}

/** A visitor whose chat an agent has taken and answered. */
export async function answeredChat(t: TestServer, agentName = 'Ann'): Promise<ChatWithFiles> {
  const agent = await t.createAgent({ name: agentName, capacity: 3 });
  const socket = await signInAgent(t.url, agent.email, agent.password);
  await call(socket, 'agent:sync', {});
  const assigned = nextEvent<{ id: string }>(socket, 'conversation:assigned');
  const chat = await visitorWrites(t, 'Here is my problem');
  await assigned;
  const reply = nextEvent<unknown>(chat.socket, 'message:new');
  await call<SendResult>(socket, 'message:send', {
    conversationId: chat.conversation.id,
    clientMessageId: clientId(),
    body: 'Show me a screenshot?',
  });
  await reply;
  return {
    visitor: chat.socket,
    token: chat.token,
    conversationId: chat.conversation.id,
    agent: socket,
    cookie: await login(t.url, agent.email, agent.password),
    email: agent.email,
    password: agent.password,
  };
}

export function visitorUpload(
  t: TestServer,
  token: string | undefined,
  form: FormData | string,
  headers: Record<string, string> = {},
): Promise<Answer<{ attachment: Attachment }>> {
  return fetch(`${t.url}/api/widget/${t.siteKey}/attachments`, {
    method: 'POST',
    headers: { origin: t.origin, ...(token === undefined ? {} : { [VISITOR_TOKEN_HEADER]: token }), ...headers },
    body: form,
  }).then((res) => answer(res));
}

export function agentUpload(
  t: TestServer,
  cookie: string,
  conversationId: string,
  form: FormData,
): Promise<Answer<{ attachment: Attachment }>> {
  return fetch(`${t.url}/api/conversations/${conversationId}/attachments`, {
    method: 'POST',
    headers: { cookie, origin: t.origin },
    body: form,
  }).then((res) => answer(res));
}

export function visitorLink(t: TestServer, token: string | undefined, attachmentId: string) {
  return fetch(`${t.url}/api/widget/${t.siteKey}/attachments/${attachmentId}/link`, {
    headers: { origin: t.origin, ...(token === undefined ? {} : { [VISITOR_TOKEN_HEADER]: token }) },
  }).then((res) => answer<AttachmentLinkResponse>(res));
}

export function agentLink(t: TestServer, cookie: string | undefined, attachmentId: string) {
  return fetch(`${t.url}/api/attachments/${attachmentId}/link`, {
    headers: cookie === undefined ? {} : { cookie },
  }).then((res) => answer<AttachmentLinkResponse>(res));
}

export async function download(url: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const res = await fetch(url);
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** A JPEG photo as a phone makes it: turned by its EXIF orientation, with GPS and camera metadata. */
export function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 32, channels: 3, background: '#ff8800' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: 'PhoneCo', Model: 'Snap 9' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '48/1 51/1 2400/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '2/1 17/1 4000/100',
      },
    })
    .toBuffer();
}

export function pngImage(width = 40, height = 30): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: '#2255ee' } })
    .png()
    .toBuffer();
}

/** The smallest PDF a reader opens. */
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
