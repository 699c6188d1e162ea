/*
  Full-text search in Material's search box, answered by Pagefind (hooks/search_index.py writes the
  index to pagefind/ in the site; overrides/partials/search.html is the box and loads this script).

  - Pagefind's JavaScript API is loaded from this site, the first time the box opens: the browser
    then fetches only the index chunks of the words typed and one fragment per result shown. A
    large site's index is in parts, merged here (mergeParts): each part adds its small metadata
    file and its chunks of the words typed.
  - Results are listed as Material lists its own: the page (its title, an excerpt) and the sections
    where the words are found, ten pages at a time, more as the list is scrolled. Each link goes to
    the paragraph the excerpt is from (its #para-N anchor, or the heading's), not just the page.
  - Text from the pages is never parsed as HTML here: titles and excerpts are built as text nodes
    from the page's text (which Pagefind stores as plain text), with <mark> elements made here
    around the words found; Pagefind's own HTML excerpts are not used.
  - The keys of Material's search: "/", "s" or "f" open it; Enter opens the first result; arrows
    move through the results; Escape or Tab closes it.
*/
(() => {
  "use strict";

  const script = document.currentScript;
  const toggle = document.getElementById("__search");
  const dialog = document.querySelector(".md-search");
  if (!script || !toggle || !dialog) return;

  const bundle = new URL(script.dataset.pagefind, document.baseURI).href;
  const form = dialog.querySelector(".md-search__form");
  const input = dialog.querySelector(".md-search__input");
  const meta = dialog.querySelector(".md-search-result__meta");
  const list = dialog.querySelector(".md-search-result__list");
  const scrollwrap = dialog.querySelector(".md-search__scrollwrap");
  const answered = dialog.querySelector(".md-search-result");
  const labels = translations();

  const PAGES_AT_A_TIME = 10;
  const SECTIONS_SHOWN = 2; // sections listed under a page; the rest fold into "N more on this page"
  const EXCERPT_WORDS = 30;
  const CONTEXT_WORDS = 6; // words shown before the first word found
  // The query is searched once typing pauses this long. Not Pagefind's debouncedSearch, which
  // fetches the index chunks of every prefix typed on the way (each part's, on a large site).
  const SETTLE_MS = 150;
  const UNAVAILABLE = "Search is not available: the site must be served over HTTP, with its pagefind/ folder";

  let pagefind = null; // the promise of Pagefind's API, loaded once
  let current = 0; // the latest query's number: answers to older ones are dropped
  let searching = Promise.resolve(); // the search under way
  let results = [];
  let shown = 0;
  let loading = false;

  function translations() {
    const config = document.getElementById("__config");
    try {
      return JSON.parse(config.textContent).translations || {};
    } catch (error) {
      return {};
    }
  }

  function say(key, fallback, count) {
    const text = labels[key] || fallback;
    return count === undefined ? text : text.replace("#", String(count));
  }

  // A large site's index is in parts (hooks/search_index.py): the first is the bundle loaded here,
  // the others are listed in its parts.json and merged into it, so one query searches them all and
  // their results are ranked together. The site's root is the base of every part's page URLs.
  async function mergeParts(api) {
    const listing = await fetch(new URL("parts.json", bundle));
    if (!listing.ok) throw new Error(`${listing.url}: ${listing.status}`);
    const baseUrl = new URL("../", bundle).pathname;
    const { parts } = await listing.json();
    await Promise.all(parts.map((part) => api.mergeIndex(new URL(part, bundle).href, { baseUrl })));
  }

  function load() {
    if (pagefind === null) {
      pagefind = import(bundle).then(async (api) => {
        await api.init();
        await mergeParts(api);
        return api;
      });
      pagefind.catch(() => {
        pagefind = null; // tried again at the next query
      });
    }
    return pagefind;
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // A word as the search compares it: lower case, no accents, no punctuation around it.
  function fold(word) {
    return word.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
  }

  // Where the words found are together: the location of the first word of the run of EXCERPT_WORDS
  // words that holds the most different words found (then the best scored). A phrase from a
  // paragraph is found there, not where one frequent word of it is repeated or in a heading.
  function together(weighted, words) {
    const found = [...(weighted || [])].sort((a, b) => a.location - b.location);
    let best = null;
    let bestKey = [-1, -1];
    found.forEach((first, i) => {
      const distinct = new Set();
      let score = 0;
      for (let j = i; j < found.length && found[j].location < first.location + EXCERPT_WORDS; j += 1) {
        distinct.add(fold(words[found[j].location] || ""));
        score += found[j].balanced_score || found[j].weight || 0;
      }
      if (distinct.size > bestKey[0] || (distinct.size === bestKey[0] && score > bestKey[1])) {
        bestKey = [distinct.size, score];
        best = first.location;
      }
    });
    return best;
  }

  // The excerpt around `location`, as text nodes, the words found inside <mark> (built from the
  // page's text, which Pagefind stores as plain text: nothing in it is read as markup).
  function excerpt(words, location, weighted) {
    const paragraph = element("p");
    if (location === null) return paragraph;
    const marked = new Set((weighted || []).map((w) => w.location));
    const start = Math.max(0, location - CONTEXT_WORDS);
    const end = Math.min(words.length, start + EXCERPT_WORDS);
    if (start > 0) paragraph.append("… ");
    for (let i = start; i < end; i += 1) {
      if (i > start) paragraph.append(" ");
      paragraph.append(marked.has(i) ? element("mark", "", words[i]) : words[i]);
    }
    if (end < words.length) paragraph.append(" …");
    return paragraph;
  }

  // The page's URL with the id of the element (paragraph or heading) the word at `location` is in.
  function anchored(url, anchors, location) {
    const page = url.split("#")[0];
    if (location === null) return url;
    let id = null;
    for (const anchor of anchors || []) {
      if (anchor.location <= location && anchor.id) id = anchor.id;
    }
    return id ? `${page}#${encodeURIComponent(id)}` : url;
  }

  function link(href, title, text, heading) {
    const a = element("a", "md-search-result__link");
    a.href = href;
    a.tabIndex = -1;
    const article = element("article", "md-search-result__article md-typeset");
    if (heading === "h1") article.append(element("div", "md-search-result__icon md-icon"));
    article.append(element(heading, "", title), text);
    a.append(article);
    return a;
  }

  function item(data) {
    const li = element("li", "md-search-result__item");
    const words = (data.content || "").replace(/\u200B/g, "").split(/[\r\n\s]+/g);
    const title = (data.meta && data.meta.title) || data.url;
    const at = together(data.weighted_locations, words);
    const top = anchored(data.url, data.anchors, at);
    li.append(link(top, title, excerpt(words, at, data.weighted_locations), "h1"));
    const sections = (data.sub_results || [])
      .filter((sub) => sub.anchor && sub.anchor.element !== "h1")
      .map((sub) => ({ sub, at: together(sub.weighted_locations, words) }))
      .map(({ sub, at: where }) => ({ sub, where, href: anchored(sub.url, data.anchors, where) }))
      .filter(({ href }) => href !== top);
    const links = sections.map(({ sub, where, href }) =>
      link(href, sub.title, excerpt(words, where, sub.weighted_locations), "h2"));
    li.append(...links.slice(0, SECTIONS_SHOWN));
    const more = links.slice(SECTIONS_SHOWN);
    if (more.length) {
      const details = element("details", "md-search-result__more");
      const summary = element("summary");
      summary.tabIndex = -1;
      const count = more.length === 1
        ? say("search.result.more.one", "1 more on this page")
        : say("search.result.more.other", "# more on this page", more.length);
      summary.append(element("div", "", count));
      details.append(summary, ...more);
      li.append(details);
    }
    return li;
  }

  async function showMore() {
    if (loading || shown >= results.length) return;
    loading = true;
    const query = current;
    try {
      const batch = results.slice(shown, shown + PAGES_AT_A_TIME);
      const pages = await Promise.all(batch.map((result) => result.data()));
      if (query !== current) return;
      shown += batch.length;
      list.append(...pages.map(item));
    } finally {
      loading = false;
    }
    if (scrollwrap.scrollHeight <= scrollwrap.clientHeight) showMore();
  }

  function clear(message) {
    results = [];
    shown = 0;
    list.replaceChildren();
    meta.textContent = message;
  }

  async function run() {
    const query = ++current;
    const terms = input.value.trim();
    if (!terms) {
      clear(say("search.result.placeholder", "Type to start searching"));
      return;
    }
    let api;
    try {
      api = await load();
    } catch (error) {
      // no index beside the page: opened from disk (file://), or a site built without the hook
      clear(UNAVAILABLE);
      return;
    }
    await new Promise((resolve) => { setTimeout(resolve, SETTLE_MS); });
    if (query !== current) return; // typing went on: only the words typed last are searched
    await searching; // one search at a time (each takes a while on a large site) ...
    if (query !== current) return; // ... and, after it, only the latest query
    const pending = api.search(terms);
    searching = pending.catch(() => null);
    const found = await pending;
    if (query !== current) return;
    clear(found.results.length === 0 ? say("search.result.none", "No matching documents")
      : found.results.length === 1 ? say("search.result.one", "1 matching document")
        : say("search.result.other", "# matching documents", found.results.length));
    results = found.results;
    scrollwrap.scrollTop = 0;
    await showMore();
    if (query === current) answered.dataset.answered = terms; // which query the list answers (tests wait for it)
  }

  function open(state) {
    if (toggle.checked === state) return;
    toggle.checked = state;
    toggle.dispatchEvent(new Event("change"));
  }

  toggle.addEventListener("change", () => {
    list.setAttribute("role", toggle.checked ? "list" : "presentation");
    list.hidden = !toggle.checked;
    if (toggle.checked) {
      load();
      if (document.activeElement !== input) input.focus();
    }
  });
  list.hidden = !toggle.checked;
  input.addEventListener("focus", () => open(true));
  input.addEventListener("input", run);
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("reset", () => setTimeout(() => { run(); input.focus(); }));
  scrollwrap.addEventListener("scroll", () => {
    if (scrollwrap.scrollTop + scrollwrap.clientHeight >= scrollwrap.scrollHeight - 64) showMore();
  });
  dialog.addEventListener("click", (event) => {
    if (event.target instanceof Element && event.target.closest("a")) open(false);
  });

  function typing(target) {
    return target instanceof HTMLElement
      && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    if (!toggle.checked) {
      if (["/", "s", "f"].includes(event.key) && !typing(event.target)) {
        event.preventDefault();
        input.focus();
        input.select();
      }
      return;
    }
    const links = [input, ...list.querySelectorAll(":not(details) > a[href], summary, details[open] a[href]")];
    const at = links.indexOf(document.activeElement);
    switch (event.key) {
      case "Enter":
        if (document.activeElement === input) {
          event.preventDefault();
          const first = list.querySelector("a[href]");
          if (first) first.click();
        }
        break;
      case "Escape":
      case "Tab":
        open(false);
        input.blur();
        break;
      case "ArrowUp":
      case "ArrowDown": {
        event.preventDefault();
        const step = event.key === "ArrowUp" ? -1 : 1;
        links[(Math.max(0, at) + step + links.length) % links.length].focus();
        break;
      }
      default:
        break;
    }
  });
})();
