// GraphQL over WebSocket with real JavaScript clients, recording the kind of every frame the
// server sends (browsers, GraphiQL and the `graphql-ws` client need text frames).
//
// Usage: node tests/ws_js_client.mjs <scenario> <ws://host:port/graphql>
//   env GRAPHQL_TOKEN  bearer token sent in the connection_init payload (optional)
//   env SESSION_ID     conversation session to follow with conversationEvents (optional)
//   env TIMEOUT_MS     give up after this long (default 20000)
//   env SUBSCRIPTION, VARIABLES (JSON), OPERATION_NAME, EVENTS (a count, default 1)
//                      the operation the `subscription` scenario runs, and how many results
//                      it takes before completing it
// Scenarios:
//   transport-ws  the `graphql-ws` npm client (graphql-transport-ws): a query, then the
//                 conversation subscription until the teacher's reply (the caller sends the
//                 learner's message once the subscription is registered)
//   legacy-ws     the same over the legacy graphql-ws subprotocol, spoken directly with `ws`
//                 (the npm client speaks only graphql-transport-ws)
//   forbidden     the npm client with an invalid token: the server must close with 4403
//   subscription  the npm client runs SUBSCRIPTION until EVENTS results or an error (the
//                 caller causes the events once the subscription is registered)
// Prints one JSON summary on stdout:
//   {scenario, protocol, results, events, errors, close: {code, reason},
//    clientClosed, sockets, frames: {binary, text, types}}
// Node resolves 'graphql-ws' and 'ws' from the repository's node_modules (installed by `make`).
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [scenario, url] = process.argv.slice(2);
const token = process.env.GRAPHQL_TOKEN || null;
const sessionId = process.env.SESSION_ID || null;
const timeoutMs = Number(process.env.TIMEOUT_MS || 20000);

const ME = '{ me { id email } }';
const CONVERSATION_EVENTS = `subscription ConversationEvents($sessionId: ID!) {
  conversationEvents(sessionId: $sessionId) {
    __typename
    ... on MessageAdded { message { id sender content } }
    ... on ReplyChunk { messageId text }
    ... on SessionStatusChanged { session { id status } }
  }
}`;

const summary = {
  scenario,
  protocol: null,
  results: [],
  events: [],
  errors: [],
  close: null,
  clientClosed: null,
  sockets: 0,
  frames: { binary: 0, text: 0, types: [] },
};

/** Counts a received frame by kind; returns its data as a string, as a browser would for text. */
function record(data, isBinary) {
  summary.frames[isBinary ? 'binary' : 'text'] += 1;
  const text = Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.concat(data).toString('utf8');
  let type;
  try {
    type = JSON.parse(text).type ?? null;
  } catch {
    type = '<not JSON>';
  }
  summary.frames.types.push(isBinary ? `binary:${type}` : type);
  return text;
}

/** `ws`'s WebSocket behind the browser-style interface the `graphql-ws` client uses, recording
 * each received frame through ws's `isBinary` and passing its data on as a string. */
class RecordingWebSocket {
  static CONNECTING = WebSocket.CONNECTING;
  static OPEN = WebSocket.OPEN;
  static CLOSING = WebSocket.CLOSING;
  static CLOSED = WebSocket.CLOSED;

  constructor(address, protocols) {
    summary.sockets += 1;
    this.onopen = this.onclose = this.onerror = this.onmessage = null;
    this.socket = new WebSocket(address, protocols);
    socketsClosed.push(new Promise((resolve) => this.socket.once('close', resolve)));
    this.socket.on('open', () => {
      summary.protocol = this.socket.protocol;
      this.onopen?.({ type: 'open' });
    });
    this.socket.on('message', (data, isBinary) => this.onmessage?.({ data: record(data, isBinary) }));
    this.socket.on('error', (error) => this.onerror?.(error));
    this.socket.on('close', (code, reason) => {
      summary.close = { code, reason: reason.toString() };
      this.onclose?.({ code, reason: reason.toString(), wasClean: true });
    });
  }

  get readyState() {
    return this.socket.readyState;
  }

  get protocol() {
    return this.socket.protocol;
  }

  send(data) {
    this.socket.send(data);
  }

  close(code, reason) {
    this.socket.close(code, reason);
  }
}

function describe(error) {
  if (error && typeof error === 'object' && 'code' in error && 'reason' in error) {
    return { code: error.code, reason: String(error.reason) };
  }
  if (Array.isArray(error)) return error; // GraphQL errors of an `error` message
  return { message: String(error?.message ?? error) };
}

// Resolves once every socket the npm client opened has closed (dispose() does not wait).
const socketsClosed = [];
const allClosed = () => Promise.all(socketsClosed);

const isTeachersReply = (event) =>
  event?.__typename === 'MessageAdded' && event.message.sender !== 'USER';

function npmClient(connectionParams, options = {}) {
  return createClient({
    url,
    webSocketImpl: RecordingWebSocket,
    connectionParams,
    retryAttempts: 0,
    on: { closed: (event) => (summary.clientClosed = describe(event)) },
    ...options,
  });
}

async function transportWs() {
  const params = token ? { authorization: `Bearer ${token}` } : {};
  // Not lazy: the query and the subscription share one socket, closed by dispose().
  const client = npmClient(params, {
    lazy: false,
    onNonLazyError: (error) => summary.errors.push(describe(error)),
  });
  try {
    for await (const result of client.iterate({ query: ME })) summary.results.push(result);
    if (sessionId) {
      const subscription = client.iterate({
        query: CONVERSATION_EVENTS,
        variables: { sessionId },
        operationName: 'ConversationEvents',
      });
      for await (const result of subscription) {
        summary.events.push(result);
        if (result.errors || isTeachersReply(result.data?.conversationEvents)) break; // completes
      }
    }
  } catch (error) {
    summary.errors.push(describe(error));
  } finally {
    await client.dispose();
    await allClosed();
  }
}

async function forbidden() {
  const client = npmClient({ authorization: 'Bearer not-a-valid-token' });
  try {
    for await (const result of client.iterate({ query: ME })) summary.results.push(result);
  } catch (error) {
    summary.errors.push(describe(error));
  } finally {
    await client.dispose();
    await allClosed();
  }
}

async function legacyWs() {
  const socket = new WebSocket(url, 'graphql-ws');
  summary.sockets += 1;
  const inbox = [];
  let wake = null;
  let closed = null;
  const closing = new Promise((resolve) => (closed = resolve));
  socket.on('message', (data, isBinary) => {
    inbox.push(JSON.parse(record(data, isBinary)));
    wake?.();
  });
  socket.on('error', (error) => summary.errors.push(describe(error)));
  socket.on('close', (code, reason) => {
    summary.close = { code, reason: reason.toString() };
    wake?.();
    closed();
  });
  const send = (message) => socket.send(JSON.stringify(message));
  async function receive() {
    while (!inbox.length) {
      if (summary.close) throw new Error(`closed before the next message: ${summary.close.code}`);
      await new Promise((resolve) => (wake = resolve));
    }
    return inbox.shift();
  }
  /** Runs one operation: its `data` payloads, until `complete` (or a stop condition). */
  async function run(id, payload, stop = () => false) {
    send({ id, type: 'start', payload });
    const payloads = [];
    for (;;) {
      const message = await receive();
      if (message.type === 'complete' && message.id === id) return payloads;
      if (message.type !== 'data' || message.id !== id) throw new Error(JSON.stringify(message));
      payloads.push(message.payload);
      if (message.payload.errors || stop(message.payload)) {
        send({ id, type: 'stop' });
        return payloads;
      }
    }
  }

  try {
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    summary.protocol = socket.protocol;
    send({ type: 'connection_init', payload: token ? { authorization: `Bearer ${token}` } : {} });
    const ack = await receive();
    if (ack.type !== 'connection_ack') throw new Error(`expected connection_ack: ${JSON.stringify(ack)}`);
    summary.results.push(...(await run('1', { query: ME })));
    if (sessionId) {
      const payload = {
        query: CONVERSATION_EVENTS,
        variables: { sessionId },
        operationName: 'ConversationEvents',
      };
      const stop = (result) => isTeachersReply(result.data?.conversationEvents);
      summary.events.push(...(await run('2', payload, stop)));
    }
    send({ type: 'connection_terminate' });
  } catch (error) {
    summary.errors.push(describe(error));
  } finally {
    if (socket.readyState === WebSocket.OPEN) socket.close(1000, 'Normal Closure');
    if (socket.readyState !== WebSocket.CLOSED) await closing;
  }
}

async function subscription() {
  const params = token ? { authorization: `Bearer ${token}` } : {};
  const client = npmClient(params);
  const wanted = Number(process.env.EVENTS || 1);
  try {
    const results = client.iterate({
      query: process.env.SUBSCRIPTION,
      variables: JSON.parse(process.env.VARIABLES || '{}'),
      operationName: process.env.OPERATION_NAME || undefined,
    });
    for await (const result of results) {
      summary.events.push(result);
      if (result.errors || summary.events.length >= wanted) break; // completes
    }
  } catch (error) {
    summary.errors.push(describe(error));
  } finally {
    await client.dispose();
    await allClosed();
  }
}

const scenarios = {
  'transport-ws': transportWs,
  'legacy-ws': legacyWs,
  forbidden,
  subscription,
};
if (!scenarios[scenario] || !url) {
  console.error(`usage: node tests/ws_js_client.mjs <${Object.keys(scenarios).join('|')}> <ws url>`);
  process.exit(2);
}

const timer = setTimeout(() => {
  summary.errors.push({ message: `timed out after ${timeoutMs} ms` });
  process.stdout.write(JSON.stringify(summary) + '\n');
  process.exit(3);
}, timeoutMs);
await scenarios[scenario]();
clearTimeout(timer);
process.stdout.write(JSON.stringify(summary) + '\n');
