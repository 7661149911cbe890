// The public GraphQL API: POST /graphql with the session cookie and the CSRF token; WebSocket for subscriptions.

export class ApiError extends Error {
  constructor(errors, data = null) {
    super(errors.map((error) => error.message).join(' '));
    this.errors = errors;
    this.data = data;
    this.code = errors[0]?.extensions?.code || null;
  }
}

function cookie(name) {
  const found = document.cookie.split('; ').find((pair) => pair.startsWith(`${name}=`));
  return found ? decodeURIComponent(found.slice(name.length + 1)) : '';
}

// Timers count from the server's times: correct this browser's clock when it is off by more than the Date
// header's one-second resolution, so every participant's timer shows the same.
let clockOffset = 0;
function noteServerClock(header) {
  const offset = header ? Date.parse(header) + 500 - Date.now() : 0;
  clockOffset = Number.isFinite(offset) && Math.abs(offset) > 2000 ? offset : 0;
}

export function serverNow() {
  return Date.now() + clockOffset;
}

export async function gql(query, variables = {}) {
  let response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        'x-csrf-token': cookie('commons_csrf'),
      },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError([{ message: 'The server cannot be reached; check your connection and try again.' }]);
  }
  noteServerClock(response.headers.get('date'));
  const body = await response.json().catch(() => null);
  if (!body) throw new ApiError([{ message: `The server answered ${response.status}; try again.` }]);
  if (body.errors?.length) throw new ApiError(body.errors, body.data);
  return body.data;
}

// graphql-transport-ws: one socket per subscription, reconnecting with back-off until closed by the page.
export function subscribe(query, variables, onNext, onState = () => {}) {
  let socket = null;
  let closed = false;
  let delay = 1000;
  const open = () => {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    socket = new WebSocket(`${scheme}://${location.host}/graphql`, 'graphql-transport-ws');
    socket.addEventListener('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: {} })));
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(event.data);
      if (message.type === 'connection_ack') {
        delay = 1000;
        onState('live');
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables } }));
      } else if (message.type === 'ping') {
        socket.send(JSON.stringify({ type: 'pong' }));
      } else if (message.type === 'next' && message.payload?.data) {
        onNext(message.payload.data);
      } else if (message.type === 'error') {
        onState('error', new ApiError(message.payload));
      }
    });
    socket.addEventListener('close', () => {
      if (closed) return;
      onState('reconnecting');
      setTimeout(() => { if (!closed) open(); }, delay);
      delay = Math.min(delay * 2, 30000);
    });
  };
  open();
  return () => {
    closed = true;
    socket?.close(1000);
  };
}
