// council-kg graph views: lays out the folded view (boxes packed left to right, each node's children in
// a block to its right), opens groups on click, searches, filters by legend, and shows the inspector.
// Everything comes from the JSON block in the page; every text is set with textContent (never markup).
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("kg-data").textContent);
  var N = Object.create(null), KIDS = Object.create(null), open = new Set(), hidden = new Set();
  D.nodes.forEach(function (n) {
    N[n.id] = n;
    var p = n.p || "";
    (KIDS[p] = KIDS[p] || []).push(n.id);
    if (n.o) { open.add(n.id); }
  });
  var FONT = D.font, LEGIBLE = D.min_px / D.font, GX = 34, GY = 14;
  var container = document.getElementById("mynetwork");
  var nodes = new vis.DataSet(), edges = new vis.DataSet();
  window.nodes = nodes; window.edges = edges;

  function kids(id) { return KIDS[id] || []; }
  function hasKids(id) { return kids(id).length > 0; }

  function visibleIds() {
    var out = [];
    (function walk(p) {
      kids(p).forEach(function (id) { out.push(id); if (open.has(id)) { walk(id); } });
    })("");
    return out;
  }

  // The drawn node that stands for `id`: itself, or its topmost closed ancestor.
  function rep(id) {
    var r = id;
    for (var a = N[id] && N[id].p; a; a = N[a].p) { if (!open.has(a)) { r = a; } }
    return r;
  }

  function ancestorOf(a, b) {
    for (var x = N[b] && N[b].p; x; x = N[x].p) { if (x === a) { return true; } }
    return false;
  }

  // ---- layout: shelf packing of boxes; a node's open children form a block to its right
  var B = {};
  function aspect() { return Math.max(1, container.clientWidth) / Math.max(1, container.clientHeight); }

  function shelf(items, ratio) {
    var area = 0, maxw = 0;
    items.forEach(function (it) { area += (it[1].w + GX) * (it[1].h + GY); maxw = Math.max(maxw, it[1].w); });
    var target = Math.max(maxw, Math.sqrt(area * ratio));
    var rows = [], row = [], x = 0, w = 0, h = 0, rh = 0;
    items.forEach(function (it) {
      var b = it[1];
      if (row.length && x + b.w > target) {
        rows.push({items: row, h: rh}); w = Math.max(w, x - GX); h += rh + GY; row = []; x = 0; rh = 0;
      }
      row.push(it); x += b.w + GX; rh = Math.max(rh, b.h);
    });
    if (row.length) { rows.push({items: row, h: rh}); w = Math.max(w, x - GX); h += rh; }
    return {rows: rows, w: w, h: h};
  }

  function block(id) {
    var n = N[id];
    var ks = open.has(id) ? kids(id) : [];
    if (!ks.length) { return (B[id] = {w: n.w, h: n.h, rows: null}); }
    var s = shelf(ks.map(function (k) { return [k, block(k)]; }), aspect() * childRatio);
    return (B[id] = {w: n.w + GX * 2 + s.w, h: Math.max(n.h, s.h), rows: s.rows});
  }

  function place(id, x, y, pos) {
    var n = N[id], b = B[id];
    pos[id] = {x: x + n.w / 2, y: y + n.h / 2};
    if (!b.rows) { return; }
    var cy = y;
    b.rows.forEach(function (r) {
      var cx = x + n.w + GX * 2;
      r.items.forEach(function (it) { place(it[0], cx, cy, pos); cx += it[1].w + GX; });
      cy += r.h + GY;
    });
  }

  // Children's blocks are tried at a few shapes; the one whose whole drawing fits the page largest wins.
  var childRatio = 1, lastShelf = null;
  function layout() {
    var best = null, W = container.clientWidth, H = container.clientHeight;
    [0.5, 1, 2, 4, 8].forEach(function (ratio) {
      childRatio = ratio; B = {};
      var items = kids("").map(function (r) { return [r, block(r)]; });
      [0.5, 1, 1.5, 2.5].forEach(function (top) {
        var s = shelf(items, aspect() * top);
        var score = Math.min(W / Math.max(1, s.w), H / Math.max(1, s.h));
        if (!best || score > best.score + 1e-9) { best = {score: score, s: s, B: B}; }
      });
    });
    B = best.B;
    lastShelf = best.s;
    var pos = {}, cy = 0;
    best.s.rows.forEach(function (r) {
      var cx = 0;
      r.items.forEach(function (it) { place(it[0], cx, cy, pos); cx += it[1].w + GX; });
      cy += r.h + GY;
    });
    return pos;
  }

  // ---- drawing
  function visNode(id, p) {
    var n = N[id], closed = hasKids(id) && !open.has(id);
    return {
      id: id, label: n.t, x: p.x, y: p.y, kind: n.k, title: n.l + (n.c && n.l.indexOf(n.c) < 0 ? " (" + n.c + ")" : ""),
      shape: "box", color: {background: n.b, border: closed ? "#333333" : "#8c8c8c",
                            highlight: {background: n.b, border: "#000000"}},
      font: {color: n.fc || "#111111", size: FONT, face: "system-ui, sans-serif", multi: false},
      borderWidth: n.centre ? 4 : closed ? 2 : 1, shapeProperties: {borderDashes: closed ? [6, 3] : false},
      widthConstraint: {minimum: n.w - 12, maximum: n.w + 12}, heightConstraint: {minimum: n.h - 10},
      hidden: hidden.has(n.g), fixed: true
    };
  }

  function edgeList(shown) {
    var vis = new Set(shown), agg = new Map(), out = [];
    shown.forEach(function (id) {
      var p = N[id].p;
      if (p && vis.has(p)) { out.push({id: "t:" + id, from: p, to: id, color: {color: "#d0d5db"}, width: 1}); }
    });
    D.edges.forEach(function (e) {
      var a = rep(e[0]), b = rep(e[1]);
      if (a === b || !vis.has(a) || !vis.has(b) || ancestorOf(a, b) || ancestorOf(b, a)) { return; }
      var key = a + "\u0000" + b + "\u0000" + e[2];
      agg.set(key, (agg.get(key) || 0) + e[3]);
    });
    agg.forEach(function (count, key) {
      var k = key.split("\u0000");
      var label = k[2] ? k[2] + (count > 1 ? " ×" + count : "") : (count > 1 ? "×" + count : "");
      out.push({id: "e:" + key, from: k[0], to: k[1], label: label, arrows: "to",
                value: Math.min(6, 1 + Math.log2(count))});
    });
    return out;
  }

  function redraw() {
    var shown = visibleIds(), pos = layout();
    nodes.clear(); edges.clear();
    nodes.add(shown.map(function (id) { return visNode(id, pos[id]); }));
    edges.add(edgeList(shown));
    window.kgView.drawn = shown.length;
    window.kgView.drawnEdges = edges.length;
    var notice = document.getElementById("notice");
    if (shown.length < D.nodes.length) {
      notice.textContent = shown.length.toLocaleString("en-GB") + " of " + D.nodes.length.toLocaleString("en-GB") +
        " nodes drawn: the rest are inside the nodes with dashed borders. Click one to open it, or search by name.";
      notice.hidden = false;
    } else { notice.hidden = true; }
    return shown;
  }

  // What the first drawing shows is what fits this screen legibly: the data opens as much as the budget
  // allows, then the biggest open blocks (deepest first) are folded until the whole drawing fits.
  function fitScale() {
    var W = container.clientWidth, H = container.clientHeight;
    layout();
    var w = 0, h = 0;
    lastShelf.rows.forEach(function (r) {
      var x = 0;
      r.items.forEach(function (it) { x += it[1].w + GX; });
      w = Math.max(w, x - GX); h += r.h + GY;
    });
    return 0.96 * Math.min(W / Math.max(1, w), H / Math.max(1, h - GY));
  }
  function depth(id) { var d = 0; for (var a = N[id].p; a; a = N[a].p) { d += 1; } return d; }
  function foldToFit() {
    var pinned = new Set(D.nodes.filter(function (n) { return n.centre; }).map(function (n) { return n.id; }));
    if (kids("").length === 1) { pinned.add(kids("")[0]); }
    while (fitScale() < LEGIBLE) {
      var best = null;
      open.forEach(function (id) {
        if (pinned.has(id) || !B[id] || kids(id).some(function (k) { return open.has(k); })) { return; }
        var key = [depth(id), B[id].w * B[id].h];
        if (!best || key[0] > best.key[0] || (key[0] === best.key[0] && key[1] > best.key[1])) {
          best = {id: id, key: key};
        }
      });
      if (!best) { break; }
      open.delete(best.id);
    }
  }
  foldToFit();

  var options = {
    physics: {enabled: false},
    layout: {improvedLayout: false},
    interaction: {hover: true, tooltipDelay: 300, hideEdgesOnDrag: true, multiselect: false},
    edges: {smooth: false, font: {size: 12, align: "middle", color: "#444444", strokeWidth: 3},
            color: {color: "#9aa5b1", highlight: "#333333"}, scaling: {min: 1, max: 5, label: {enabled: false}}},
    nodes: {shape: "box", margin: 5, font: {size: FONT}}
  };
  redraw();
  window.kgView.nodes = window.kgView.drawn;
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, options);
  window.network = network;

  // Fit `ids`; if that would draw labels under the legible size, zoom to it from their top left instead.
  function fitTo(ids) {
    var list = ids.filter(function (id) { return nodes.get(id); });
    if (!list.length) { return; }
    network.fit({nodes: list, animation: false});
    var s = network.getScale();
    if (s > 1.5) { network.moveTo({scale: 1.5, animation: false}); }
    if (s >= LEGIBLE) { return; }
    var x0 = Infinity, y0 = Infinity, pos = network.getPositions(list);
    list.forEach(function (id) {
      var n = N[id];
      x0 = Math.min(x0, pos[id].x - n.w / 2); y0 = Math.min(y0, pos[id].y - n.h / 2);
    });
    var W = container.clientWidth, H = container.clientHeight;
    network.moveTo({position: {x: x0 + (W / 2 - 16) / LEGIBLE, y: y0 + (H / 2 - 16) / LEGIBLE},
                    scale: LEGIBLE, animation: false});
  }

  fitTo(nodes.getIds());
  window.kgView.firstScale = network.getScale();
  window.kgView.firstPx = network.getScale() * FONT;
  window.kgView.onScreen = onScreen();
  network.once("afterDrawing", function () { document.body.setAttribute("data-drawn", "1"); });

  // How many drawn nodes lie wholly inside the canvas (what the first fit shows).
  function onScreen() {
    var W = container.clientWidth, H = container.clientHeight, inside = 0, pos = network.getPositions();
    Object.keys(pos).forEach(function (id) {
      var n = N[id], a = network.canvasToDOM({x: pos[id].x - n.w / 2, y: pos[id].y - n.h / 2}),
          b = network.canvasToDOM({x: pos[id].x + n.w / 2, y: pos[id].y + n.h / 2});
      if (a.x >= 0 && a.y >= 0 && b.x <= W && b.y <= H) { inside += 1; }
    });
    return inside;
  }

  function expand(id) {
    open.add(id);
    redraw();
    fitTo([id].concat(kids(id)));
    network.selectNodes([id]);
  }

  function collapse(id) {
    open.delete(id);
    redraw();
    fitTo([id]);
    network.selectNodes([id]);
  }

  // Open every group holding `id`, then centre on it at a legible size.
  function reveal(id) {
    for (var a = N[id].p; a; a = N[a].p) { open.add(a); }
    if (hidden.has(N[id].g)) { toggleKey(N[id].g); }
    redraw();
    network.selectNodes([id]);
    network.focus(id, {scale: Math.max(LEGIBLE * 1.25, Math.min(1.2, network.getScale())), animation: false});
    inspect(id);
  }
  window.kgReveal = reveal;

  network.on("click", function (p) {
    if (!p.nodes.length) { return; }
    var id = p.nodes[0];
    if (hasKids(id) && !open.has(id)) { expand(id); }
    inspect(id);
  });

  // ---- inspector
  var aside = document.getElementById("inspector");
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }
  function link(href, text) {
    var a = el("a", text);
    a.href = href;
    if (!D.served) { a.target = "_blank"; a.rel = "noopener"; }
    return a;
  }

  function inspect(id) {
    var n = N[id];
    aside.replaceChildren();
    var close = el("button", "×", "close");
    close.type = "button"; close.setAttribute("aria-label", "close");
    close.onclick = function () { aside.hidden = true; };
    aside.appendChild(close);
    aside.appendChild(el("h2", n.l));
    var what = D.kinds[n.k] || n.k;
    aside.appendChild(el("p", what + (n.c ? " · " + n.c : ""), "what"));
    if (hasKids(id)) {
      var lines = n.t.split("\n");
      aside.appendChild(el("p", "Holds " + lines[lines.length - 1] + "."));
      var b = el("button", open.has(id) ? "Fold" : "Open");
      b.type = "button"; b.className = "toggle";
      b.onclick = function () { if (open.has(id)) { collapse(id); } else { expand(id); } inspect(id); };
      aside.appendChild(b);
    }
    if (n.f && n.f.length) {
      var ul = el("ul");
      n.f.forEach(function (f) { ul.appendChild(el("li", f)); });
      aside.appendChild(ul);
    }
    (n.e || []).forEach(function (ev) {
      var doc = D.docs[ev[1]];
      if (ev[0]) { aside.appendChild(el("blockquote", "“" + ev[0] + "”", "quote")); }
      var from = el("p", ev[0] ? "from " : "Document: ", "from");
      from.appendChild(doc[2] ? link(doc[2], doc[1]) : el("span", doc[1]));
      aside.appendChild(from);
    });
    if (n.i) {
      var p = el("p", "", "iri");
      if (n.r) { p.appendChild(link(n.r, "Resource page")); p.appendChild(document.createTextNode(" ")); }
      p.appendChild(el("code", n.i));
      aside.appendChild(p);
    }
    aside.hidden = false;
  }
  window.kgInspect = inspect;

  // ---- search: every node the page holds, drawn or folded
  var input = document.getElementById("search"), results = document.getElementById("results");
  // Every word typed must appear in the name (which carries the council) or the kind: "smith durham".
  function search(q) {
    var words = q.trim().toLowerCase().split(/\s+/).filter(Boolean);
    results.replaceChildren();
    if (!words.length || words.join(" ").length < 2) { return; }
    var hits = [];
    D.nodes.forEach(function (n) {
      if (n.k === "grouped") { return; }
      var name = n.l.toLowerCase(), hay = name + " " + (D.kinds[n.k] || n.k).toLowerCase();
      for (var i = 0; i < words.length; i++) { if (hay.indexOf(words[i]) < 0) { return; } }
      hits.push([name.indexOf(words[0]) === 0 ? 0 : 1, n.l.length, n]);
    });
    hits.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    hits.slice(0, 30).forEach(function (h) {
      var n = h[2], li = el("li"), b = el("button", n.l);
      b.type = "button"; b.setAttribute("role", "option"); b.dataset.id = n.id;
      b.appendChild(el("span", " — " + (D.kinds[n.k] || n.k), "kind"));
      b.onclick = function () { results.replaceChildren(); reveal(n.id); };
      li.appendChild(b); results.appendChild(li);
    });
    if (hits.length > 30) { results.appendChild(el("li", (hits.length - 30) + " more: type more of the name", "kind")); }
  }
  input.addEventListener("input", function () { search(input.value); });
  input.addEventListener("keydown", function (e) {
    var first = results.querySelector("button");
    if (e.key === "Enter" && first) { first.click(); }
    if (e.key === "Escape") { results.replaceChildren(); }
  });

  // ---- legend: each entry hides or shows its kind
  function toggleKey(key) {
    if (hidden.has(key)) { hidden.delete(key); } else { hidden.add(key); }
    var btn = document.querySelector('#legend button[data-key="' + CSS.escape(key) + '"]');
    if (btn) { btn.setAttribute("aria-pressed", hidden.has(key) ? "false" : "true"); }
    nodes.update(nodes.get().map(function (v) { return {id: v.id, hidden: hidden.has(N[v.id].g)}; }));
  }
  document.querySelectorAll("#legend button").forEach(function (b) {
    b.addEventListener("click", function () { toggleKey(b.dataset.key); });
  });

  document.getElementById("reset").addEventListener("click", function () {
    open = new Set(D.nodes.filter(function (n) { return n.o; }).map(function (n) { return n.id; }));
    hidden.forEach(function (k) { toggleKey(k); });
    foldToFit();
    redraw();
    fitTo(nodes.getIds());
    aside.hidden = true;
  });
})();
