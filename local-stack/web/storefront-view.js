// The DOM side of the live storefront (see live-products.js for the data side). Every value from the API goes
// through textContent, never innerHTML; ids go only into dataset attributes.

/** Odoo's shop order: website_sequence ascending (none last), then the newest product (highest id) first. */
function productBefore(a, b) {
  const seqA = a.sequence === '' ? Infinity : Number(a.sequence);
  const seqB = b.sequence === '' ? Infinity : Number(b.sequence);
  if (seqA !== seqB) return seqA < seqB;
  return b.id.localeCompare(a.id, undefined, { numeric: true }) < 0;
}

/** Categories by sequence (none last), then name, then id: the order of the shop's category list. */
function categoryOrder(a, b) {
  const seqA = a.sequence ?? Infinity;
  const seqB = b.sequence ?? Infinity;
  return (seqA - seqB || 0) || String(a.name ?? '').localeCompare(String(b.name ?? ''))
    || String(a.id).localeCompare(String(b.id), undefined, { numeric: true });
}

/** Ids sorted as numbers: "41, 42, 44". */
export function idsText(ids) {
  return [...ids].map(String).sort((a, b) => a.localeCompare(b, undefined, { numeric: true })).join(', ');
}

export class View {
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

  showWebsite(websiteId) {
    this.el('website').textContent = websiteId;
  }

  /**
   * Adds, updates (op 'upsert') or removes (op 'delete') a product's row: name, sales description, price and its
   * variants' ids. `links` = {variantIds, categoryIds}; the category ids go into dataset, for filterProducts.
   */
  renderProduct(op, product, links, highlight) {
    const body = this.el('products').tBodies[0];
    const id = String(product.id);
    let row = [...body.rows].find((r) => r.dataset.id === id);
    if (op === 'delete') {
      if (row) row.remove();
      return;
    }
    if (!row) {
      row = this.document.createElement('tr');
      row.dataset.id = id;
      for (const name of ['name', 'description', 'price', 'variants']) {
        row.appendChild(this.document.createElement('td')).className = name;
      }
    }
    row.dataset.sequence = product.websiteSequence == null ? '' : String(product.websiteSequence);
    row.dataset.categories = JSON.stringify(links.categoryIds.map(String));
    const cells = [product.name, product.descriptionSale, product.listPrice, idsText(links.variantIds)];
    cells.forEach((value, i) => { row.cells[i].textContent = value == null ? '' : String(value); });
    row.cells[3].title = `${links.variantIds.length} variant${links.variantIds.length === 1 ? '' : 's'}`;
    const others = [...body.rows].filter((r) => r !== row);
    const next = others.find((r) => productBefore(row.dataset, r.dataset)) || null;
    if (row.parentNode !== body || row.nextSibling !== next) body.insertBefore(row, next);
    if (highlight) {
      row.classList.remove('changed');
      void row.offsetWidth; // restart the animation
      row.classList.add('changed');
    }
  }

  /** Shows the rows of products in one of `categoryIds` (a Set), or every row when it is null ("All"). */
  filterProducts(categoryIds) {
    let shown = 0;
    for (const row of this.el('products').tBodies[0].rows) {
      row.hidden = categoryIds !== null
        && !JSON.parse(row.dataset.categories || '[]').some((id) => categoryIds.has(id));
      if (!row.hidden) shown += 1;
    }
    const empty = this.el('products-empty');
    empty.textContent = categoryIds === null ? 'No products yet.' : 'No products in this category.';
    empty.hidden = shown > 0;
  }

  /**
   * The website's categories as nested lists (by parentId; a category whose parent is not shown sits at the top),
   * each level by sequence, after an "All" entry; the selected one is marked (aria-current). Clicking one calls
   * `onSelect(id)` (null for "All").
   */
  renderCategories(categories, selectedId, onSelect) {
    const byParent = new Map();
    const shown = new Set(categories.map((c) => String(c.id)));
    for (const category of categories) {
      const parent = category.parentId != null && shown.has(String(category.parentId))
        && String(category.parentId) !== String(category.id) ? String(category.parentId) : null;
      if (!byParent.has(parent)) byParent.set(parent, []);
      byParent.get(parent).push(category);
    }
    const placed = new Set();
    const button = (id, name) => {
      const b = this.document.createElement('button');
      b.type = 'button';
      b.dataset.id = id ?? '';
      b.textContent = name == null ? '' : String(name);
      if ((id ?? null) === selectedId) b.setAttribute('aria-current', 'true');
      b.addEventListener('click', () => onSelect(id ?? null));
      return b;
    };
    const list = (parent) => {
      const ul = this.document.createElement('ul');
      for (const category of [...(byParent.get(parent) || [])].sort(categoryOrder)) {
        const id = String(category.id);
        if (placed.has(id)) continue;
        placed.add(id);
        const li = ul.appendChild(this.document.createElement('li'));
        li.dataset.id = id;
        li.appendChild(button(id, category.name));
        if (byParent.has(id)) li.appendChild(list(id));
      }
      return ul;
    };
    const top = list(null);
    // A parent loop (Odoo forbids it, but the page must not lose the categories): show them at the top.
    for (const category of [...categories].sort(categoryOrder)) {
      if (placed.has(String(category.id))) continue;
      byParent.set(`loop-${category.id}`, [category]);
      top.append(...list(`loop-${category.id}`).children);
    }
    const all = this.document.createElement('li');
    all.appendChild(button(null, 'All'));
    top.insertBefore(all, top.firstChild);
    this.el('categories').replaceChildren(top);
    this.el('categories-empty').hidden = categories.length > 0;
  }
}
