// The live product page: lists products, their variants and categories with the GraphQL queries, keeps them live
// with the six subscriptions, and never misses or rewinds a change across a reconnect:
//   1. connect and start every subscription, waiting for each start_ack, while buffering `data` messages;
//   2. then query the lists (the catch-up: everything written before the subscriptions went live);
//   3. then apply the buffered messages in version order; from then on apply messages as they come.
// Every item carries `version` (the change's LSN): a change whose version is not higher than what the page holds
// for that id (a row, or a tombstone left by a delete) is ignored. Every value is rendered as text (textContent),
// never as HTML. An unpublished, archived or not-for-sale product arrives as a delete (the mapping's visibleWhen),
// so the page drops it like any delete; each product row lists its live variants (code and barcode).
import { RealtimeConnection, listAll, newSubscriptionId } from './appsync.js';

const FIELDS = {
  Product: 'id name nameTranslations descriptionSale description defaultCode listPrice categoryId writeDate '
    + 'version updatedAt deleted',
  Category: 'id name completeName parentId writeDate version updatedAt deleted',
  ProductVariant: 'id productId defaultCode barcode writeDate version updatedAt deleted',
};
const SUBSCRIPTIONS = [
  { field: 'onUpsertProduct', type: 'Product', op: 'upsert' },
  { field: 'onDeleteProduct', type: 'Product', op: 'delete' },
  { field: 'onUpsertCategory', type: 'Category', op: 'upsert' },
  { field: 'onDeleteCategory', type: 'Category', op: 'delete' },
  { field: 'onUpsertProductVariant', type: 'ProductVariant', op: 'upsert' },
  { field: 'onDeleteProductVariant', type: 'ProductVariant', op: 'delete' },
];
const LISTS = { Product: 'listProducts', Category: 'listCategories', ProductVariant: 'listProductVariants' };
// Catch-up order: categories and variants first, so that each product row renders complete.
const TYPES = ['Category', 'ProductVariant', 'Product'];
const BACKOFF_MS = { first: 500, max: 30000 };

/** Rows of one type by id, plus tombstones (id -> version of the delete), applying only newer versions. */
class VersionedTable {
  constructor() {
    this.rows = new Map();
    this.tombstones = new Map();
  }

  newest(id) {
    const row = this.rows.get(id);
    return Math.max(row ? Number(row.version) : -Infinity, this.tombstones.get(id) ?? -Infinity);
  }

  /** Returns 'upsert', 'delete' or null (stale, or a delete of a row the page does not show). */
  apply(op, item) {
    if (Number(item.version) <= this.newest(item.id)) return null;
    if (op === 'delete' || item.deleted) {
      this.tombstones.set(item.id, Number(item.version));
      return this.rows.delete(item.id) ? 'delete' : null;
    }
    this.tombstones.delete(item.id);
    this.rows.set(item.id, item);
    return 'upsert';
  }

  /** The catch-up: rows the query no longer lists were removed while away; listed ones apply if newer. */
  replace(items, onChange) {
    const listed = new Set(items.map((item) => item.id));
    for (const id of [...this.rows.keys()]) {
      if (!listed.has(id)) {
        this.rows.delete(id);
        onChange('delete', { id });
      }
    }
    for (const item of items) {
      const previous = this.rows.get(item.id);
      if (this.apply('upsert', item)) onChange('upsert', item, previous);
    }
  }
}

/** The page: state, tables and the connection cycle. */
class LiveProducts {
  constructor(config, view) {
    this.config = config;
    this.view = view;
    this.tables = {
      Product: new VersionedTable(), Category: new VersionedTable(), ProductVariant: new VersionedTable(),
    };
    this.variantOwner = new Map(); // variant id -> product id, to re-render the product a deleted variant left
    this.generation = 0;
    this.attempt = 0;
    this.everLive = false;
    this.holdReconnect = false;
    this.reconnectPending = false;
    this.states = [];
    this.stats = { connections: 0, catchUps: 0, events: 0, ignored: 0, lastChange: null };
    this.setState('connecting');
  }

  setState(state) {
    this.state = state;
    this.states.push(state);
    this.view.showState(state);
  }

  /** One connection: subscribe (all start_acks), then query, then apply what arrived meanwhile. */
  async connect() {
    this.generation += 1;
    const generation = this.generation;
    const buffer = [];
    const bySubscription = new Map();
    this.buffer = buffer;
    const connection = new RealtimeConnection(this.config, {
      onData: (id, data) => {
        const spec = bySubscription.get(id);
        if (generation !== this.generation || !spec || !data[spec.field]) return;
        const event = { ...spec, item: data[spec.field] };
        if (this.buffer) this.buffer.push(event); else this.applyEvent(event);
      },
      onClose: (reason) => this.disconnected(generation, reason),
    });
    this.connection = connection;
    try {
      await connection.open();
      await Promise.all(SUBSCRIPTIONS.map((spec) => {
        const id = newSubscriptionId();
        bySubscription.set(id, spec); // before `start`: its data may follow the start_ack at once
        return connection.subscribe(`subscription { ${spec.field} { ${FIELDS[spec.type]} } }`, {}, id);
      }));
      const lists = await Promise.all(TYPES.map((type) => listAll(this.config, LISTS[type], FIELDS[type])));
      if (generation !== this.generation) return;
      TYPES.forEach((type, i) => this.tables[type].replace(lists[i],
        (op, item, previous) => this.changed(type, op, item, previous)));
      this.stats.catchUps += 1;
      buffer.sort((a, b) => Number(a.item.version) - Number(b.item.version)).forEach((e) => this.applyEvent(e));
      this.buffer = null;
      this.attempt = 0;
      this.everLive = true;
      this.stats.connections += 1;
      this.view.showMessage('');
      this.setState('live');
    } catch (e) {
      if (generation === this.generation) connection.close(e.message); // reported by disconnected()
    }
  }

  disconnected(generation, reason) {
    if (generation !== this.generation) return;
    this.generation += 1; // ignore whatever the old connection still delivers
    this.buffer = null;
    this.view.showMessage(this.everLive ? `Connection lost (${reason}); reconnecting and catching up.`
      : `Cannot connect (${reason}); retrying. Check graphqlUrl, realtimeUrl and apiKey in config.json.`);
    this.setState('reconnecting');
    const delay = Math.min(BACKOFF_MS.max, BACKOFF_MS.first * 2 ** this.attempt) * (0.5 + Math.random() / 2);
    this.attempt += 1;
    this.reconnectPending = true;
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => this.reconnect(), delay);
  }

  reconnect() {
    if (!this.reconnectPending || this.holdReconnect) return;
    this.reconnectPending = false;
    clearTimeout(this.reconnectTimer);
    this.connect();
  }

  applyEvent(event) {
    this.stats.events += 1;
    const op = this.tables[event.type].apply(event.op, event.item);
    if (op) this.changed(event.type, op, event.item); else this.stats.ignored += 1;
  }

  changed(type, op, item, previous) {
    if (type === 'Product') {
      this.renderProduct(op, item, this.everLive && !sameProduct(previous, item));
    } else if (type === 'ProductVariant') {
      const owners = new Set([this.variantOwner.get(item.id), op === 'upsert' ? item.productId : undefined]);
      if (op === 'upsert') this.variantOwner.set(item.id, item.productId); else this.variantOwner.delete(item.id);
      for (const owner of owners) {
        const product = owner === undefined ? undefined : this.tables.Product.rows.get(owner);
        if (product) this.renderProduct('upsert', product, this.everLive);
      }
    } else {
      this.view.renderCategory(op, item, this.everLive);
      for (const product of this.tables.Product.rows.values()) {
        if (product.categoryId === item.id) this.renderProduct('upsert', product, false);
      }
    }
    this.stats.lastChange = { type, op, id: item.id, version: item.version ?? null, at: Date.now() };
  }

  renderProduct(op, product, highlight) {
    const variants = op === 'delete' ? [] : [...this.tables.ProductVariant.rows.values()]
      .filter((variant) => variant.productId === product.id);
    this.view.renderProduct(op, product, this.tables.Category.rows, variants, highlight);
  }

  /** Test hook: closes the socket as a dropped network would; with holdReconnect, waits for resumeReconnect(). */
  dropSocket({ holdReconnect = false } = {}) {
    this.holdReconnect = holdReconnect;
    if (this.connection) this.connection.close('dropped by the test hook');
  }

  /** Test hook: lets a reconnection held by dropSocket({holdReconnect: true}) go ahead now. */
  resumeReconnect() {
    this.holdReconnect = false;
    this.reconnect();
  }
}

function sameProduct(a, b) {
  return !!a && ['name', 'listPrice', 'categoryId', 'defaultCode'].every((f) => a[f] === b[f]);
}

/** "CODE (barcode), CODE", by code then id: what a shop prints next to a product. */
function variantsText(variants) {
  return variants
    .map((v) => ({ id: String(v.id), text: (v.defaultCode ?? '') + (v.barcode ? ` (${v.barcode})` : '') }))
    .sort((a, b) => a.text.localeCompare(b.text) || a.id.localeCompare(b.id, undefined, { numeric: true }))
    .map((v) => v.text || `#${v.id}`).join(', ');
}

/** The DOM side. Every value goes through textContent; ids only into dataset. */
class View {
  constructor(document) {
    this.document = document;
    this.el = (id) => document.getElementById(id);
  }

  showState(state) {
    const badge = this.el('state');
    badge.textContent = state;
    badge.dataset.state = state;
    this.document.documentElement.dataset.state = state;
  }

  showMessage(text) {
    this.el('message').textContent = text;
    this.el('message').hidden = !text;
  }

  renderProduct(op, item, categories, variants, highlight) {
    const category = categories.get(item.categoryId);
    this.render('products', op, item, highlight, [
      ['name', item.name], ['code', item.defaultCode], ['category', category ? category.name : item.categoryId],
      ['price', item.listPrice], ['version', item.version], ['variants', variantsText(variants)],
    ]);
  }

  renderCategory(op, item, highlight) {
    this.render('categories', op, item, highlight, [
      ['name', item.name], ['complete-name', item.completeName], ['version', item.version],
    ]);
  }

  render(tableId, op, item, highlight, cells) {
    const body = this.el(tableId).tBodies[0];
    let row = [...body.rows].find((r) => r.dataset.id === String(item.id));
    if (op === 'delete') {
      if (row) row.remove();
    } else {
      if (!row) {
        row = this.document.createElement('tr');
        row.dataset.id = String(item.id);
        for (const [name] of cells) row.appendChild(this.document.createElement('td')).className = name;
        const after = (r) => r.dataset.id.localeCompare(row.dataset.id, undefined, { numeric: true }) > 0;
        body.insertBefore(row, [...body.rows].find(after) || null);
      }
      cells.forEach(([, value], i) => { row.cells[i].textContent = value == null ? '' : String(value); });
      if (highlight) {
        row.classList.remove('changed');
        void row.offsetWidth; // restart the animation
        row.classList.add('changed');
      }
    }
    this.el(`${tableId}-empty`).hidden = body.rows.length > 0;
  }
}

/** Reads config.json next to the page and checks it has the three keys. */
async function loadConfig() {
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
  return config;
}

async function main() {
  const view = new View(document);
  let config;
  try {
    config = await loadConfig();
  } catch (e) {
    view.showState('error');
    view.showMessage(e.message);
    return;
  }
  document.getElementById('endpoint').textContent = new URL(config.graphqlUrl).host;
  const page = new LiveProducts(config, view);
  window.addEventListener('online', () => page.resumeReconnect());
  // Test hook (see local-stack/README.md): state, history, counters, dropSocket(), resumeReconnect().
  window.liveProducts = page;
  page.connect();
}

main();
