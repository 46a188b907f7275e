// AppSync from a browser with nothing but fetch and WebSocket: GraphQL queries with the API key, and
// AppSync's real-time protocol (subprotocol "graphql-ws") for subscriptions. No framework, no build step.
// Works against AppSync (https://<id>.appsync-api.<region>.amazonaws.com/graphql and
// wss://<id>.appsync-realtime-api.<region>.amazonaws.com/graphql) and the local stack's simulator.
//
// config: {graphqlUrl, realtimeUrl, apiKey, realtimeAuth, websiteId}, as config.json holds it (realtimeAuth:
// "subprotocol", the default, or "query"; see realtimeSocketArgs; websiteId: the Odoo website the page shows, which
// every list query names).

/** An Odoo website id, as the function's WEBSITES setting writes it: a positive integer. */
const WEBSITE_ID = /^[1-9][0-9]{0,17}$/;

/** Reads config.json next to the page and checks its keys; websiteId defaults to "1" (Odoo's first website). */
export async function loadConfig() {
  const response = await fetch('config.json', { cache: 'no-store' });
  if (!response.ok) {
    throw new Error(`config.json: HTTP ${response.status}. Serve the page with bin/local-stack, or write config.json `
      + 'with bin/web-config from your CDK outputs.');
  }
  const config = await response.json().catch((e) => { throw new Error(`config.json is not JSON: ${e.message}`); });
  const missing = ['graphqlUrl', 'realtimeUrl', 'apiKey'].filter((k) => typeof config[k] !== 'string' || !config[k]);
  if (missing.length) {
    throw new Error(`config.json lacks ${missing.join(', ')}; expected {graphqlUrl, realtimeUrl, apiKey}`);
  }
  for (const [key, schemes] of [['graphqlUrl', ['http:', 'https:']], ['realtimeUrl', ['ws:', 'wss:']]]) {
    let protocol = null;
    try { ({ protocol } = new URL(config[key])); } catch (e) { /* reported below */ }
    if (!schemes.includes(protocol)) {
      throw new Error(`config.json: ${key} must be a ${schemes.join(' or ')} URL, got ${config[key]}`);
    }
  }
  if (config.realtimeAuth !== undefined && !['subprotocol', 'query'].includes(config.realtimeAuth)) {
    throw new Error(`config.json: realtimeAuth must be "subprotocol" (AppSync) or "query" (the local simulator), `
      + `got ${JSON.stringify(config.realtimeAuth)}`);
  }
  if (config.websiteId === undefined) config.websiteId = '1';
  if (typeof config.websiteId !== 'string' || !WEBSITE_ID.test(config.websiteId)) {
    throw new Error('config.json: websiteId must be the Odoo website id the page shows, as a string of digits '
      + `("1"), got ${JSON.stringify(config.websiteId)}`);
  }
  return config;
}

/** The auth object AppSync wants in the connection header and in every `start`: the GraphQL host and the key. */
export function authorization(config) {
  return { host: new URL(config.graphqlUrl).host, 'x-api-key': config.apiKey };
}

/**
 * Sends one query with the API key; resolves with `data`, rejects with a readable message on an HTTP error,
 * a GraphQL `errors` array (AppSync answers field errors with HTTP 200) or a timeout.
 */
export async function graphql(config, query, variables = {}, timeoutMs = 10000) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(config.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': config.apiKey },
      body: JSON.stringify({ query, variables }),
      signal: controller.signal,
    });
    const body = await response.json().catch(() => null);
    const errors = body && Array.isArray(body.errors) ? body.errors : [];
    if (!response.ok || errors.length > 0 || !body || !body.data) {
      const detail = errors.map((e) => (e.errorType ? `${e.errorType}: ` : '') + e.message).join('; ');
      throw new Error(`GraphQL ${response.ok ? 'error' : `HTTP ${response.status}`}: ${detail || response.statusText}`);
    }
    return body.data;
  } catch (e) {
    throw e.name === 'AbortError' ? new Error(`GraphQL request timed out after ${timeoutMs} ms`) : e;
  } finally {
    clearTimeout(timer);
  }
}

/** The most a list query returns in one page (the API's `limit` is 1-100). */
export const MAX_PAGE_SIZE = 100;

/**
 * Every item of one website's list query (`listProducts`, `listPublicCategories`), following `nextToken` page
 * after page. `selection` is the item's selection set; `pageSize` must be 1-100, as the API's `limit` is.
 */
export async function listAll(config, field, selection, pageSize = MAX_PAGE_SIZE) {
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new Error(`listAll: pageSize must be an integer 1-${MAX_PAGE_SIZE}, got ${pageSize}`);
  }
  const query = `query List($websiteId: ID!, $limit: Int, $nextToken: String) {
    ${field}(websiteId: $websiteId, limit: $limit, nextToken: $nextToken) { items { ${selection} } nextToken } }`;
  const items = [];
  let nextToken = null;
  do {
    const page = (await graphql(config, query, { websiteId: config.websiteId, limit: pageSize, nextToken }))[field];
    items.push(...page.items);
    nextToken = page.nextToken;
  } while (nextToken);
  return items;
}

function base64Json(value) {
  let binary = '';
  for (const byte of new TextEncoder().encode(JSON.stringify(value))) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * The URL and subprotocols to open the real-time WebSocket with, as `config.realtimeAuth` says:
 * - "subprotocol" (the default; AWS's current form, what bin/web-config writes): the auth header travels as a
 *   `header-<base64url JSON, no padding>` subprotocol next to "graphql-ws" (AWS AppSync developer guide, "Building
 *   a real-time WebSocket client"; amplify-js AWSWebSocketProvider, aws-amplify/amplify-js#13726). base64url,
 *   because the WebSocket API refuses '/', '+' and '=' in a subprotocol.
 * - "query" (the older form, which AppSync still accepts and the local stack's simulator alone reads):
 *   `?header=<base64 JSON>&payload=e30=` with the "graphql-ws" subprotocol.
 */
export function realtimeSocketArgs(config) {
  const header = base64Json(authorization(config));
  if ((config.realtimeAuth || 'subprotocol') === 'query') {
    const url = `${config.realtimeUrl}?header=${encodeURIComponent(header)}&payload=e30=`;
    return { url, protocols: ['graphql-ws'] };
  }
  const base64url = header.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return { url: config.realtimeUrl, protocols: ['graphql-ws', `header-${base64url}`] };
}

let subscriptionCounter = 0;

/** A subscription id, unique in this page. */
export function newSubscriptionId() {
  subscriptionCounter += 1;
  return `sub-${Date.now().toString(36)}-${subscriptionCounter}`;
}

/**
 * One AppSync real-time connection. `open()` connects and waits for `connection_ack`; `subscribe()` sends `start`
 * and waits for `start_ack` (only then is the subscription live). Each `data` message goes to `onData(id, data)`.
 * When the socket closes for any reason (network, server, no keep-alive within the ack's connection timeout,
 * an `error` for the connection, `close()`), `onClose(reason)` is called exactly once; reconnecting is the
 * caller's job (see live-products.js).
 */
export class RealtimeConnection {
  constructor(config, { onData, onClose, timeoutMs = 10000 }) {
    this.config = config;
    this.onData = onData;
    this.onClose = onClose;
    this.timeoutMs = timeoutMs;
    this.pending = new Map(); // subscription id -> {resolve, reject} until start_ack
    this.closed = false;
    this.keepAliveTimer = null;
  }

  /** Connects and resolves after `connection_ack`; rejects (and closes) on an error, a close or a timeout. */
  open() {
    const { url, protocols } = realtimeSocketArgs(this.config);
    this.socket = new WebSocket(url, protocols);
    this.socket.onmessage = (event) => this.receive(event.data);
    this.socket.onclose = (event) => this.close(`socket closed (code ${event.code})`);
    this.socket.onerror = () => this.close('socket error');
    this.socket.onopen = () => this.send({ type: 'connection_init' });
    return this.await('connection', 'connection_ack');
  }

  /** Starts `query` (a subscription document) as `id` and resolves with the id at `start_ack`. */
  subscribe(query, variables = {}, id = newSubscriptionId()) {
    this.send({
      id,
      type: 'start',
      payload: {
        data: JSON.stringify({ query, variables }),
        extensions: { authorization: authorization(this.config) },
      },
    });
    return this.await(id, `start_ack of ${query.trim().split(/\s+/).slice(0, 2).join(' ')}`).then(() => id);
  }

  /** Closes the socket (if open) and reports `reason` once; later calls do nothing. */
  close(reason = 'closed by the page') {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.keepAliveTimer);
    for (const { reject } of this.pending.values()) reject(new Error(reason));
    this.pending.clear();
    if (this.socket && this.socket.readyState <= WebSocket.OPEN) this.socket.close();
    this.onClose(reason);
  }

  await(key, what) {
    return new Promise((resolve, reject) => {
      if (this.closed) return reject(new Error(`connection closed before ${what}`));
      const timer = setTimeout(() => this.close(`no ${what} within ${this.timeoutMs} ms`), this.timeoutMs);
      this.pending.set(key, {
        resolve: (value) => { clearTimeout(timer); resolve(value); },
        reject: (error) => { clearTimeout(timer); reject(error); },
      });
    });
  }

  settle(key, error, value) {
    const waiter = this.pending.get(key);
    if (!waiter) return false;
    this.pending.delete(key);
    if (error) waiter.reject(error); else waiter.resolve(value);
    return true;
  }

  send(message) {
    if (this.socket && this.socket.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  /** AppSync sends `ka` regularly; silence beyond the ack's connection timeout means the socket is dead. */
  keepAlive() {
    clearTimeout(this.keepAliveTimer);
    this.keepAliveTimer = setTimeout(() => this.close(`no keep-alive within ${this.connectionTimeoutMs} ms`),
      this.connectionTimeoutMs);
  }

  receive(text) {
    let message;
    try {
      message = JSON.parse(text);
    } catch (e) {
      this.close('the server sent something that is not JSON');
      return;
    }
    if (this.closed) return;
    switch (message.type) {
      case 'connection_ack': {
        const payload = message.payload || {};
        // AppSync: connectionTimeoutMs; the Amplify simulator: connectionTimeout.
        this.connectionTimeoutMs = Number(payload.connectionTimeoutMs || payload.connectionTimeout) || 300000;
        this.keepAlive();
        this.settle('connection', null, payload);
        break;
      }
      case 'ka':
        this.keepAlive();
        break;
      case 'start_ack':
        this.settle(message.id, null);
        break;
      case 'data':
        this.keepAlive();
        this.onData(message.id, (message.payload && message.payload.data) || {});
        break;
      case 'error':
      case 'connection_error': {
        const errors = (message.payload && message.payload.errors) || [message.payload];
        const detail = errors.map((e) => (e && (e.errorType || e.message)) || JSON.stringify(e)).join('; ');
        if (!this.settle(message.id, new Error(`${message.type}: ${detail}`))) this.close(`${message.type}: ${detail}`);
        break;
      }
      case 'complete':
        this.close(`the server completed subscription ${message.id}`);
        break;
      default:
        break;
    }
  }
}
