// The live stream (`/api/v1/live`, Server-Sent Events) read with fetch, because the browser's EventSource cannot
// send the bearer token. Reconnects by itself (the stream has no replay, so the caller reloads its data on every
// (re)connection) and tells the page whether it is live.
import { currentSession } from './session.js';

/**
 * Opens the stream. onEvent(type, envelope) for every event; onState('live' | 'reconnecting') as the connection
 * comes and goes. Returns a function that closes it.
 */
export function openLiveStream(query, onEvent, onState) {
  const controller = new AbortController();
  let attempt = 0;

  async function connect() {
    while (!controller.signal.aborted) {
      try {
        const session = currentSession();
        if (!session) return;
        const response = await fetch(`/api/v1/live${query ? `?${query}` : ''}`, {
          headers: { Authorization: `Bearer ${session.token}`, Accept: 'text/event-stream' },
          signal: controller.signal,
          cache: 'no-store',
        });
        if (!response.ok || !response.body) throw new Error(`live stream answered ${response.status}`);
        attempt = 0;
        onState('live');
        await readFrames(response.body, onEvent);
      } catch (error) {
        if (controller.signal.aborted) return;
      }
      onState('reconnecting');
      attempt += 1;
      await new Promise((resolve) => setTimeout(resolve, Math.min(15000, 500 * 2 ** attempt)));
    }
  }

  connect();
  return () => controller.abort();
}

async function readFrames(body, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replace(/\r\n/g, '\n');
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      dispatch(buffer.slice(0, end), onEvent);
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf('\n\n');
    }
  }
}

function dispatch(frame, onEvent) {
  let type = 'message';
  const data = [];
  for (const line of frame.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') type = value;
    if (field === 'data') data.push(value);
  }
  if (data.length === 0) return;
  try {
    onEvent(type, JSON.parse(data.join('\n')));
  } catch (malformed) {
    // one unreadable frame must not stop the board
  }
}
