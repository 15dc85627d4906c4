// The update client of `kwaliteit preview`: the only script on the page, allowed
// by its hash in the page's content security policy. When a file in the
// coalition folder is saved, the preview says so over /events; this fetches the
// new page and swaps in only the parts that differ, keeping the reader's place.
(() => {
  'use strict';

  const status = document.createElement('p');
  status.className = 'preview-status';
  status.setAttribute('role', 'status');
  status.dataset.previewOwn = '';

  const isOwn = (element) => 'previewOwn' in element.dataset;
  // Findings and markers come and go; the place of the reader is counted without them.
  const isNote = (element) => element.matches('aside.preview-notes, aside.preview-todo');
  const time = () => new Date().toLocaleTimeString('nl-NL', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

  function counts() {
    const summary = document.getElementById('samenvatting');
    const errors = Number(summary ? summary.dataset.errors : 0);
    const warnings = Number(summary ? summary.dataset.warnings : 0);
    if (!errors && !warnings) return 'geen fouten of waarschuwingen';
    const parts = [];
    if (errors) parts.push(errors === 1 ? '1 fout' : `${errors} fouten`);
    if (warnings) parts.push(warnings === 1 ? '1 waarschuwing' : `${warnings} waarschuwingen`);
    return parts.join(', ');
  }

  function say(state, text, changed) {
    status.dataset.state = state;
    status.replaceChildren(text);
    const all = changed || [];
    // A checkout of many files at once is named in short.
    const shown = all.length > 3 ? all.slice(0, 2) : all;
    for (const change of shown) {
      const target = document.getElementById(change.anchor);
      status.append(' · ');
      if (!target) {
        status.append(change.file);
        continue;
      }
      const link = document.createElement('a');
      link.href = `#${change.anchor}`;
      link.textContent = change.file;
      status.append(link);
    }
    if (shown.length < all.length) status.append(` en nog ${all.length - shown.length} bestanden`);
  }

  /** The path to `element` from the nearest ancestor with an id, by tag and position. */
  function pathTo(element) {
    const path = [];
    let node = element;
    while (node !== document.body && !node.id) {
      const parent = node.parentElement;
      const same = [...parent.children].filter((child) => child.tagName === node.tagName && !isNote(child));
      path.unshift([node.tagName, same.indexOf(node)]);
      node = parent;
    }
    return { id: node === document.body ? '' : node.id, path };
  }

  function resolve(where) {
    let node = where.id ? document.getElementById(where.id) : document.body;
    for (const [tag, index] of where.path) {
      if (!node) return null;
      node = [...node.children].filter((child) => child.tagName === tag && !isNote(child))[index];
    }
    return node || null;
  }

  /** Where the reader is: the element at the top of the window and each of its ancestors, with their position. */
  function readingPlace() {
    if (window.scrollY === 0) return [];
    const main = document.querySelector('main') || document.body;
    const x = Math.max(0, main.getBoundingClientRect().left) + 24;
    let element = null;
    for (let y = 16; y < window.innerHeight / 2 && !element; y += 24) {
      const hit = document.elementFromPoint(x, y);
      if (hit && hit !== document.body && hit !== main && hit !== document.documentElement && !hit.closest('[data-preview-own]')) element = hit;
    }
    if (!element) return [];
    while (element.closest('aside.preview-notes, aside.preview-todo')) element = element.closest('aside').parentElement;
    const place = [];
    for (let node = element; node && node !== document.body; node = node.parentElement) {
      place.push({ where: pathTo(node), top: node.getBoundingClientRect().top });
    }
    return place;
  }

  function keepPlace(place) {
    for (const { where, top } of place) {
      const found = resolve(where);
      if (found) return window.scrollBy(0, found.getBoundingClientRect().top - top);
    }
  }

  const directText = (element) => [...element.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.data).join('\u0000');

  function sameAttributes(a, b) {
    if (a.attributes.length !== b.attributes.length) return false;
    return [...a.attributes].every((attribute) => b.getAttribute(attribute.name) === attribute.value);
  }

  /** Makes `current` look like `next`, replacing only the elements that differ. */
  function patch(current, next) {
    const mine = [...current.children].filter((child) => !isOwn(child));
    const theirs = [...next.children];
    const sameShape = mine.length === theirs.length && mine.every((child, i) => child.tagName === theirs[i].tagName) && directText(current) === directText(next);
    if (!sameShape) {
      const own = [...current.children].filter(isOwn);
      current.replaceChildren(...[...next.childNodes].map((node) => document.importNode(node, true)), ...own);
      return;
    }
    mine.forEach((child, i) => {
      const other = theirs[i];
      if (child.isEqualNode(other)) return;
      if (sameAttributes(child, other) && child.children.length && other.children.length) patch(child, other);
      else child.replaceWith(document.importNode(other, true));
    });
  }

  let busy = false;
  let again = false;
  let changed = null;

  async function refresh() {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    try {
      do {
        again = false;
        const response = await fetch('/', { cache: 'no-store' });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const next = new DOMParser().parseFromString(await response.text(), 'text/html');
        const place = readingPlace();
        patch(document.body, next.body);
        document.title = next.title;
        keepPlace(place);
      } while (again);
      if (changed) say('updated', `Bijgewerkt om ${time()}: ${counts()}`, changed);
      else say('live', `Live: ververst vanzelf. Nu ${counts()}.`);
      document.dispatchEvent(new CustomEvent('kwaliteit-preview-bijgewerkt'));
    } catch {
      say('lost', 'De nieuwe versie kon niet worden opgehaald. Draait "kwaliteit preview" nog?');
    } finally {
      busy = false;
    }
  }

  function start() {
    document.body.append(status);
    say('live', `Live: ververst vanzelf. Nu ${counts()}.`);
    const events = new EventSource('/events');
    // Also after a lost connection: whatever changed meanwhile comes in.
    events.addEventListener('open', () => refresh());
    events.addEventListener('update', (event) => {
      changed = JSON.parse(event.data).changed;
      refresh();
    });
    events.addEventListener('error', () => say('lost', 'Geen verbinding met de preview. Draait "kwaliteit preview" nog? De pagina probeert het steeds opnieuw.'));
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
