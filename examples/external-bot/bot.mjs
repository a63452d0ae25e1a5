// A small external bot for Parley (docs/answer-bot.md, "External bots"): no dependencies, no build.
// Parley POSTs the events of the conversations the bot holds here, signed with the bot's secret; the
// bot answers through Parley's REST API with the bot's token. It answers a few questions from a tiny
// keyword FAQ with quick replies, ends the conversation resolved when the visitor says it helped, and
// hands it to people when the visitor asks for a person (or anything it does not know, twice).
//
//   PARLEY_URL=https://parley.example.com PARLEY_BOT_SECRET=whsec_… PARLEY_BOT_TOKEN=parley_… node bot.mjs
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import { pathToFileURL } from 'node:url';

/** A delivery signed longer ago than this (or this far ahead) is refused: a replay, or a skewed clock. */
const TOLERANCE_SECONDS = 300;
/** Requests larger than this are not Parley's. */
const MAX_BODY_BYTES = 1024 * 1024;

const FAQ = [
  {
    id: 'hours',
    words: ['hour', 'open', 'close'],
    label: 'Opening hours',
    answer: 'We answer 9:00–17:00, Monday to Friday.',
  },
  {
    id: 'shipping',
    words: ['ship', 'deliver', 'parcel', 'order'],
    label: 'Shipping',
    answer: 'Orders ship within two working days.',
  },
  {
    id: 'refund',
    words: ['refund', 'money back', 'return'],
    label: 'Refunds',
    answer: 'Returns within 30 days are refunded in full.',
  },
];
const HUMAN = /\b(human|person|agent|someone)\b/i;

/** True when `header` (Parley-Signature: t=…,v1=…) signs `rawBody` with `secret`, recently enough. */
export function verifySignature(secret, header, rawBody, nowSeconds = Math.floor(Date.now() / 1000)) {
  const parts = Object.fromEntries(
    String(header ?? '')
      .split(',')
      .map((part) => part.trim().split('=', 2)),
  );
  const timestamp = Number(parts.t);
  if (!Number.isInteger(timestamp) || !/^[0-9a-f]{64}$/.test(parts.v1 ?? '')) return false;
  if (Math.abs(nowSeconds - timestamp) > TOLERANCE_SECONDS) return false;
  const expected = createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(parts.v1, 'hex'));
}

/** What the bot does with one verified event; `api(method, path, body)` calls Parley's REST API. */
export function createBrain(api) {
  const misses = new Map(); // conversation id → questions it could not answer

  const say = (conversationId, body, options) =>
    api('POST', `/api/v1/conversations/${conversationId}/messages`, {
      as: 'bot',
      body,
      ...(options ? { content: { type: 'quick_replies', options } } : {}),
    });
  const topics = [...FAQ.map(({ id, label }) => ({ id, label })), { id: 'human', label: 'Talk to a person' }];
  const helped = [
    { id: 'done', label: 'That helps, thanks' },
    { id: 'human', label: 'Talk to a person' },
  ];

  return async function onEvent(event) {
    const { conversation, message } = event.data;
    if (event.type === 'bot.conversation.handed_off' || event.type === 'bot.conversation.closed') {
      misses.delete(conversation.id); // people have it, or it is over: stop
      return;
    }
    if (event.type !== 'bot.conversation.started' && event.type !== 'bot.message.created') return;
    const choice = message.content?.type === 'quick_reply_choice' ? message.content.optionId : null;
    const text = message.body ?? '';
    if (choice === 'human' || (choice === null && HUMAN.test(text))) {
      await api('POST', `/api/v1/conversations/${conversation.id}/handoff`, { reason: 'asked_for_person' });
      return;
    }
    if (choice === 'done') {
      await api('POST', `/api/v1/conversations/${conversation.id}/resolve`, {});
      return;
    }
    const lower = text.toLowerCase();
    const entry = FAQ.find((f) => f.id === choice) ?? FAQ.find((f) => f.words.some((w) => lower.includes(w)));
    if (entry) {
      await say(conversation.id, `${entry.answer} Did that help?`, helped);
      return;
    }
    const missed = (misses.get(conversation.id) ?? 0) + 1;
    misses.set(conversation.id, missed);
    if (missed > 1) {
      await api('POST', `/api/v1/conversations/${conversation.id}/handoff`, { reason: 'no_answer' });
      return;
    }
    await say(conversation.id, `You said: "${text.slice(0, 200)}". I can help with these:`, topics);
  };
}

/** The HTTP handler: verifies, answers 204 at once, then works (Parley waits at most WEBHOOK_TIMEOUT_MS). */
export function createHandler({ secret, onEvent, log = console }) {
  const seen = new Set(); // deliveries are at least once: an event id handled is skipped
  return (req, res) => {
    if (req.method !== 'POST') return void res.writeHead(405).end();
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) req.destroy();
      else chunks.push(chunk);
    });
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      if (!verifySignature(secret, req.headers['parley-signature'], raw)) {
        res.writeHead(401, { 'content-type': 'text/plain' }).end('bad signature');
        return;
      }
      res.writeHead(204).end();
      const event = JSON.parse(raw.toString('utf8'));
      if (seen.has(event.id)) return;
      seen.add(event.id);
      if (seen.size > 10_000) seen.delete(seen.values().next().value);
      onEvent(event).catch((error) => log.error(`event ${event.type} failed:`, error.message));
    });
  };
}

/** Calls Parley's REST API as the bot; throws on an error answer (its `{ error: { code, message } }`). */
export function parleyApi(baseUrl, token) {
  return async (method, path, body) => {
    const res = await fetch(new URL(path, baseUrl), {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = await res.json().catch(() => null);
    if (!res.ok)
      throw new Error(`${method} ${path}: ${res.status} ${answer?.error?.code ?? ''} ${answer?.error?.message ?? ''}`);
    return answer;
  };
}

function requiredEnv(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`Set ${name} (see README.md).`);
    process.exit(1);
  }
  return value;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const secret = requiredEnv('PARLEY_BOT_SECRET');
  const api = parleyApi(requiredEnv('PARLEY_URL'), requiredEnv('PARLEY_BOT_TOKEN'));
  const server = http.createServer(createHandler({ secret, onEvent: createBrain(api) }));
  server.listen(Number(process.env.PORT ?? 4000), process.env.HOST ?? '127.0.0.1', () => {
    const { address, port } = server.address();
    console.log(`external bot listening on http://${address.includes(':') ? `[${address}]` : address}:${port}`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
