// The live storefront: one Odoo website's products (name, sales description, price, variants) and its categories
// (navigation), read with the GraphQL queries for the page's website (config.json's websiteId) and kept live with
// the six subscriptions, never missing or rewinding a change across a reconnect:
//   1. connect and start every subscription, waiting for each start_ack, while buffering `data` messages;
//   2. then query the lists (the catch-up: everything written before the subscriptions went live);
//   3. then apply the buffered messages in version order; from then on apply messages as they come.
// Every item carries `version` (the change's LSN): a change whose version is not higher than what the page holds
// for that id (a row, or a tombstone left by a delete) is ignored. Every value is rendered as text (textContent),
// never as HTML. The page asks only for the fields it shows (plus id, version, deleted and websiteIds, which keep
// it right). A product the website hides arrives as a delete; one whose websiteIds lacks the page's website is
// dropped like one. A product's variants and website categories are not in subscription messages: the catch-up
// lists them with each product, and every product upsert re-reads them (getProduct).
import {
  MAX_PAGE_SIZE, RealtimeConnection, graphql, listAll, loadConfig, newSubscriptionId,
} from './appsync.js';
import { View } from './storefront-view.js';

const FIELDS = {
  Product: 'id name descriptionSale listPrice websiteIds websiteSequence version deleted',
  ProductVariant: 'id productId version deleted',
  PublicCategory: 'id name parentId sequence websiteIds version deleted',
};
/** What subscription messages lack: a product's variants (first page) and its website categories. */
const PRODUCT_LINKS = `publicCategoryIds variants(limit: ${MAX_PAGE_SIZE}) { items { id version } nextToken }`;
const READ_PRODUCT = `query Product($id: ID!, $websiteId: ID!, $nextToken: String) {
  getProduct(id: $id, websiteId: $websiteId) {
    publicCategoryIds variants(limit: ${MAX_PAGE_SIZE}, nextToken: $nextToken) { items { id version } nextToken } } }`;
const SUBSCRIPTIONS = [
  { field: 'onUpsertProduct', type: 'Product', op: 'upsert' },
  { field: 'onDeleteProduct', type: 'Product', op: 'delete' },
  { field: 'onUpsertPublicCategory', type: 'PublicCategory', op: 'upsert' },
  { field: 'onDeletePublicCategory', type: 'PublicCategory', op: 'delete' },
  { field: 'onUpsertProductVariant', type: 'ProductVariant', op: 'upsert' },
  { field: 'onDeleteProductVariant', type: 'ProductVariant', op: 'delete' },
];
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
  replace(items) {
    const listed = new Set(items.map((item) => item.id));
    for (const id of [...this.rows.keys()]) if (!listed.has(id)) this.rows.delete(id);
    for (const item of items) this.apply('upsert', item);
  }
}

/** The page: state, tables and the connection cycle. */
class LiveProducts {
  constructor(config, view) {
    this.config = config;
    this.view = view;
    this.tables = {
      Product: new VersionedTable(), PublicCategory: new VersionedTable(), ProductVariant: new VersionedTable(),
    };
    this.categoriesOf = new Map(); // product id -> its publicCategoryIds (not in subscription messages)
    this.linkReads = new Map(); // product id -> number of its latest re-read (an older answer is dropped)
    this.selectedCategory = null; // null: "All"
    this.generation = 0;
    this.attempt = 0;
    this.everLive = false;
    this.holdReconnect = false;
    this.reconnectPending = false;
    this.states = [];
    this.stats = { connections: 0, catchUps: 0, events: 0, ignored: 0, linkReads: 0, lastChange: null };
    this.setState('connecting');
    this.renderCategories();
  }

  setState(state) {
    this.state = state;
    this.states.push(state);
    this.view.showState(state);
  }

  /** False for an item whose websiteIds does not name the page's website: the page drops it like a delete. */
  onWebsite(item) {
    return !Array.isArray(item.websiteIds) || item.websiteIds.map(String).includes(this.config.websiteId);
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
      const [categories, products] = await Promise.all([
        listAll(this.config, 'listPublicCategories', FIELDS.PublicCategory),
        listAll(this.config, 'listProducts', `${FIELDS.Product} ${PRODUCT_LINKS}`),
      ]);
      await Promise.all(products.map((product) => this.remainingVariants(product)));
      if (generation !== this.generation) return;
      this.catchUp(categories, products);
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

  /** A product's variants past the first page (rare: more than 100), read with getProduct's nextToken. */
  async remainingVariants(product) {
    let page = product.variants || { items: [], nextToken: null };
    const items = [...page.items];
    while (page.nextToken) {
      const read = (await graphql(this.config, READ_PRODUCT,
        { id: product.id, websiteId: this.config.websiteId, nextToken: page.nextToken })).getProduct;
      page = (read && read.variants) || { items: [], nextToken: null };
      items.push(...page.items);
    }
    product.variants = { items, nextToken: null };
  }

  /** Replaces every table with the lists read; rows that changed are highlighted (after the first connection). */
  catchUp(categories, products) {
    const before = new Map([...this.tables.Product.rows].map(([id, p]) => [id, this.rowText(p)]));
    const shown = products.filter((p) => this.onWebsite(p));
    this.tables.PublicCategory.replace(categories.filter((c) => this.onWebsite(c)));
    this.tables.Product.replace(shown.map(({ variants, publicCategoryIds, ...product }) => product));
    this.tables.ProductVariant.replace(shown.flatMap((p) => p.variants.items
      .map((v) => ({ id: v.id, productId: p.id, version: v.version }))));
    this.categoriesOf = new Map(shown.map((p) => [p.id, p.publicCategoryIds || []]));
    for (const id of before.keys()) {
      if (!this.tables.Product.rows.has(id)) this.view.renderProduct('delete', { id });
    }
    for (const product of this.tables.Product.rows.values()) {
      this.renderProduct(product, before.get(product.id) !== this.rowText(product), false);
    }
    this.stats.catchUps += 1;
    this.renderCategories();
  }

  disconnected(generation, reason) {
    if (generation !== this.generation) return;
    this.generation += 1; // ignore whatever the old connection still delivers
    this.buffer = null;
    this.view.showMessage(this.everLive ? `Connection lost (${reason}); reconnecting and catching up.`
      : `Cannot connect (${reason}); retrying. Check graphqlUrl, realtimeUrl, apiKey and websiteId in config.json.`);
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
    const { type, item } = event;
    const op = event.op === 'delete' || item.deleted || !this.onWebsite(item) ? 'delete' : 'upsert';
    const previous = this.tables[type].rows.get(item.id);
    let applied;
    if (type === 'ProductVariant' && op === 'upsert' && !this.tables.Product.rows.has(item.productId)) {
      // Its product is not shown: no row (and no tombstone: it appears when its product does, by the re-read).
      applied = previous && Number(item.version) > Number(previous.version)
        && this.tables.ProductVariant.rows.delete(item.id) ? 'delete' : null;
    } else {
      applied = this.tables[type].apply(op, item);
    }
    if (!applied) {
      this.stats.ignored += 1;
      return;
    }
    if (type === 'Product') {
      this.productChanged(applied, item, previous);
    } else if (type === 'ProductVariant') {
      const owners = new Set([previous && previous.productId, applied === 'upsert' ? item.productId : undefined]);
      for (const owner of owners) {
        const product = this.tables.Product.rows.get(owner);
        if (product) this.renderProduct(product, true);
      }
    } else {
      this.renderCategories();
    }
    this.stats.lastChange = { type, op: applied, id: item.id, version: item.version ?? null, at: Date.now() };
  }

  productChanged(op, product, previous) {
    if (op === 'delete') {
      for (const variant of [...this.tables.ProductVariant.rows.values()]) {
        if (variant.productId === product.id) this.tables.ProductVariant.rows.delete(variant.id);
      }
      this.categoriesOf.delete(product.id);
      this.view.renderProduct('delete', product);
      return;
    }
    this.renderProduct(product, !previous || this.rowText(previous) !== this.rowText(product));
    this.readLinks(product.id);
  }

  /**
   * Re-reads a product's variants and categories after an upsert (subscription messages lack them). Variants the
   * answer lists apply as any change (by version); one it does not list is removed only if the page held it, at
   * the same version, when the read began (a newer one arrived by message after the read). An answer is dropped
   * when a later read of the product began, or the page reconnected (its catch-up read them), meanwhile.
   */
  async readLinks(id) {
    const number = (this.linkReads.get(id) || 0) + 1;
    const { generation } = this;
    this.linkReads.set(id, number);
    this.stats.linkReads += 1;
    const held = new Map(this.variantsOf(id).map((v) => [v.id, v.version]));
    let product;
    try {
      const read = (await graphql(this.config, READ_PRODUCT, { id, websiteId: this.config.websiteId })).getProduct;
      product = read && { id, ...read };
      if (product) await this.remainingVariants(product);
    } catch (e) {
      console.warn(`re-reading product ${id}: ${e.message}`); // the next upsert or catch-up reads it again
      return;
    }
    if (!product || this.linkReads.get(id) !== number || generation !== this.generation
      || !this.tables.Product.rows.has(id)) return; // a newer read, or a catch-up since, knows better
    const listed = new Set(product.variants.items.map((v) => v.id));
    for (const variant of this.variantsOf(id)) {
      if (!listed.has(variant.id) && held.get(variant.id) === variant.version) {
        this.tables.ProductVariant.rows.delete(variant.id);
      }
    }
    for (const v of product.variants.items) {
      this.tables.ProductVariant.apply('upsert', { id: v.id, productId: id, version: v.version });
    }
    this.categoriesOf.set(id, product.publicCategoryIds || []);
    this.renderProduct(this.tables.Product.rows.get(id), false);
  }

  variantsOf(productId) {
    return [...this.tables.ProductVariant.rows.values()].filter((v) => v.productId === productId);
  }

  /** What a product's row shows, to highlight only rows whose text changed. */
  rowText(product) {
    return JSON.stringify([product.name, product.descriptionSale, product.listPrice, product.websiteSequence]);
  }

  /** Renders a product's row; `filter` false leaves applying the category filter to the caller (the catch-up). */
  renderProduct(product, highlight, filter = true) {
    this.view.renderProduct('upsert', product, {
      variantIds: this.variantsOf(product.id).map((v) => v.id),
      categoryIds: this.categoriesOf.get(product.id) || [],
    }, highlight && this.everLive);
    if (filter) this.view.filterProducts(this.categoryFilter());
  }

  /** The selected category and its descendants (Odoo's shop filters with child_of), or null for "All". */
  categoryFilter() {
    if (this.selectedCategory === null) return null;
    const ids = new Set([this.selectedCategory]);
    let grown = true;
    while (grown) {
      grown = false;
      for (const category of this.tables.PublicCategory.rows.values()) {
        if (category.parentId != null && ids.has(String(category.parentId)) && !ids.has(String(category.id))) {
          ids.add(String(category.id));
          grown = true;
        }
      }
    }
    return ids;
  }

  /** Shows the products of category `id` (and its subcategories), or all of them for null. */
  selectCategory(id) {
    this.selectedCategory = id === null || id === undefined ? null : String(id);
    this.renderCategories();
  }

  renderCategories() {
    if (this.selectedCategory !== null && !this.tables.PublicCategory.rows.has(this.selectedCategory)) {
      this.selectedCategory = null; // the category left the site
    }
    this.view.renderCategories([...this.tables.PublicCategory.rows.values()], this.selectedCategory,
      (id) => this.selectCategory(id));
    this.view.filterProducts(this.categoryFilter());
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
  view.showWebsite(config.websiteId);
  const page = new LiveProducts(config, view);
  window.addEventListener('online', () => page.resumeReconnect());
  // Test hook (see local-stack/README.md): state, history, counters, dropSocket(), resumeReconnect(),
  // selectCategory().
  window.liveProducts = page;
  page.connect();
}

main();
