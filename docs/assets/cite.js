/* Cite this page: copy buttons in the citation box, and the ¶ permalink of every paragraph.
 * Clicking ¶ goes to the paragraph (its URL ends in #para-N) and copies a citation of it,
 * with the paragraph number, built from the page's citation box. Hand-made, no dependencies;
 * text is only ever handled as text (never parsed as HTML). */
(function () {
  "use strict";

  function copy(text, where) {
    var done = function () { flash(where, "Copied"); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallback(text) && done(); });
    } else if (fallback(text)) {
      done();
    }
  }

  function fallback(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }

  function flash(el, message) {
    if (!el) return;
    el.setAttribute("data-copied", message);
    window.setTimeout(function () { el.removeAttribute("data-copied"); }, 1600);
  }

  function stored(key, value) {
    try {  // storage may be disabled: the citation style is then APA
      if (value !== undefined) window.localStorage.setItem(key, value);
      return window.localStorage.getItem(key);
    } catch (e) {
      return null;
    }
  }

  function paragraphCitation(number) {
    var data = document.querySelector(".cite-data");
    if (!data) return location.href.split("#")[0] + "#para-" + number;
    var style = stored("cite-style") === "chicago" ? "chicago" : "apa";
    var template = data.getAttribute("data-cite-" + style) || "";
    return template.split("%PARA%").join(String(number));
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element)) return;
    var button = target.closest("button.cite-copy");
    if (button) {
      event.preventDefault();
      copy(button.getAttribute("data-copy") || "", button);
      var label = button.closest(".cite-label");
      if (label) stored("cite-style", /chicago/i.test(label.textContent) ? "chicago" : "apa");
      return;
    }
    var link = target.closest("a.para-link");
    if (link && !(event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)) {
      copy(paragraphCitation(link.getAttribute("data-para")), link);
    }
  });
})();
