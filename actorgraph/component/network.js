// Actorgraph network component (Streamlit components v2, no build step).
//
// vis-network's standalone bundle, taken from the pyvis package, comes as the
// module of an element of its own (view.vis_js, sent once per session): it sets
// `globalThis.vis` and fires "actorgraph:vis"; nothing is fetched from a CDN.
// Python sends the drawing as columns (view.network_payload: node and edge
// facts, vocabularies, vis options); `expand` makes the vis items of them
// (colours, widths, edge ids and edge tooltips are written here, not sent).
// The selection comes apart, from the tiny "actorgraph.selection" component
// (SELECTION_JS in view.py), as the window event "actorgraph:selected": a
// click then resends no drawing.
//
// Streamlit calls the default export on mount and again whenever `data`
// changes. The vis Network lives as long as the mounted element: later calls
// update it in place (positions, zoom and selection are kept), giving vis only
// the items that changed, or, when most changed, new DataSets (`rebuild`).
// Clicks go back to Python as the trigger value "select": {kind: "node", id} or
// {kind: "edge", id, source, target, stance}; a tap on an actor is answered at
// the release (`watchTaps`).
//
// Big drawings with Python's positions: vis holds the actors only, and the lines
// are drawn here (beforeDrawing; see "lines drawn here"), with their own
// tooltips and clicks. `state.edges` is then a DataSet vis never sees.
//
// Reading aids drawn on vis's canvas (afterDrawing), so PNG exports include them:
// * labels: vis's own labels are off (their drawThreshold is never reached);
//   this module draws names at a constant screen size, most important actors
//   first (Python sends `rank`), skipping any label that would cover one
//   already drawn. Zoomed out only the top actors fit; zooming in reveals the
//   rest. Nodes marked `pinLabel` are always labelled.
// * highlight: a selected actor (or edge) and its neighbours are redrawn over
//   a white veil that dims everything else; it follows a click at once,
//   before Python answers.
// Buttons: zoom in, zoom out, fit, PNG and SVG of the current view.
//
// For tests, benchmarks and power users the live Network is
// `window.actorgraphNetwork` (the app's main window: v2 components are not in
// an iframe), and `window.actorgraphState` holds {network, nodes, edges, stable,
// version, stableAt} (`edges`: every line of the drawing, vis's or drawn here). The container carries data-stable="true" once the
// drawing has stopped moving, and window gets an "actorgraph:stable" event.

const STATES = new WeakMap();

// --------------------------------------------------------------------------- the payload

function shortLabel(text, limit) {
  const s = String(text ?? "").split(/\s+/).filter(Boolean).join(" ");
  return s.length <= limit ? s : s.slice(0, limit - 1).trimEnd() + "\u2026";
}

function edgeTip(source, target, stance, weight, relations, nArticles, first, last) {
  // The same text as view.edge_tip (plain text: vis sets a string title with innerText, the
  // lines drawn here with textContent).
  const lines = [`${shortLabel(source, 160)} ${stance} ${shortLabel(target, 160)}`,
    `${weight} statement${weight !== 1 ? "s" : ""}`];
  if (relations.length) lines.push("Relations: " + relations.join(", "));
  if (nArticles) lines.push(`In ${nArticles} article(s)`);
  if (first) lines.push(`Dates: ${first}` + (last && last !== first ? ` to ${last}` : ""));
  return lines.join("\n");
}

function edgeWidth(weight) {
  const w = Math.max(1, weight || 1);
  return Math.round(Math.min(12, 1.5 + 2 * Math.sqrt(w - 1)) * 100) / 100;
}

function expand(data) {
  // Columns from Python (view.network_payload) -> vis items (view.payload_items does the same).
  const n = data.nodes || { id: [] };
  const e = data.edges || { from: [] };
  const vocab = data.vocab || {};
  const pinned = data.pinned || 0;
  const nodes = n.id.map((id, i) => {
    const color = vocab.palette[n.color[i]];
    const item = {
      id, label: n.label[i], title: n.title[i], size: n.size[i], rank: i, pinLabel: i < pinned,
      actorType: vocab.types[n.type[i]], camp: n.camp[i], shape: "dot",
      color: { background: color, border: "#3b3b3b", highlight: { background: color, border: "#000000" },
        hover: { background: color, border: "#000000" } },
    };
    if (n.x && n.x[i] != null) {
      item.x = n.x[i];
      item.y = n.y[i];
    }
    return item;
  });
  const edges = e.from.map((a, i) => {
    const from = n.id[a];
    const to = n.id[e.to[i]];
    const stance = vocab.stances[e.stance[i]];
    const color = vocab.stanceColors[e.stance[i]];
    const weight = e.weight[i];
    const relations = e.relations[i].map((r) => vocab.relations[r]);
    return {
      id: `${from}\u001f${to}\u001f${stance}`, from, to, stance, weight, arrows: "to",
      color: { color, highlight: color, hover: color }, width: edgeWidth(weight),
      smooth: e.round ? { enabled: true, type: "curvedCW", roundness: e.round[i] } : { enabled: false },
      title: edgeTip(from, to, stance, weight, relations, e.articles[i], e.first[i], e.last[i]),
    };
  });
  return { nodes, edges };
}

function diffItems(ds, items, seen) {
  // What vis must hear about: items new or changed (by their JSON), and ids gone.
  const keep = new Set();
  const changed = [];
  for (const item of items) {
    keep.add(item.id);
    const text = JSON.stringify(item);
    if (seen.get(item.id) !== text) {
      seen.set(item.id, text);
      changed.push(item);
    }
  }
  const gone = ds.getIds().filter((id) => !keep.has(id));
  for (const id of gone) seen.delete(id);
  return { changed, gone };
}

function remember(items) {
  return new Map(items.map((item) => [item.id, JSON.stringify(item)]));
}

function sameJSON(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

function markStable(state, stable) {
  state.stable = stable;
  if (stable) state.stableAt = performance.now();
  state.container.dataset.stable = stable ? "true" : "false";
  const g = window.actorgraphState;
  if (g && g.network === state.network) {
    g.stable = stable;
    g.stableAt = state.stableAt;
  }
  if (stable) {
    window.dispatchEvent(new CustomEvent("actorgraph:stable", { detail: { version: state.version } }));
  }
}

function freeze(state) {
  // Physics off once the layout has settled: the drawing then costs nothing
  // until the user drags a node.
  if (state.physicsOn) {
    state.network.setOptions({ physics: { enabled: false } });
    state.physicsOn = false;
  }
  if (state.fitPending) {
    state.fitPending = false;
    state.network.fit({ animation: false });
  }
  markStable(state, true);
}

function relayout(state, data) {
  // Nodes added to a frozen drawing would land on top of each other: run the
  // (bounded) stabilisation again, starting from the positions already drawn.
  const physics = data.options && data.options.physics;
  if (!physics || physics.enabled === false) {
    state.network.fit({ animation: false });
    markStable(state, true);
    return;
  }
  state.fitPending = true;
  const iterations = (physics.stabilization && physics.stabilization.iterations) || 200;
  markStable(state, false);
  state.network.setOptions({ physics: { enabled: true } });
  state.physicsOn = true;
  state.network.stabilize(iterations);
}

function renderLegend(state, legend, notice) {
  const box = state.legend;
  while (box.firstChild) box.removeChild(box.firstChild);
  for (const item of legend || []) {
    const entry = document.createElement("span");
    entry.className = "actorgraph-legend-item";
    const swatch = document.createElement("span");
    swatch.className = "actorgraph-swatch" + (item.kind === "edge" ? " actorgraph-swatch-edge" : "");
    swatch.style.background = String(item.color || "#999");
    const label = document.createElement("span");
    label.textContent = String(item.label);
    entry.append(swatch, label);
    box.appendChild(entry);
  }
  if (notice) {
    const note = document.createElement("span");
    note.className = "actorgraph-notice";
    note.textContent = String(notice);
    box.appendChild(note);
  }
}

function visSelects(state) {
  const interaction = state.options && state.options.interaction;
  return !(interaction && interaction.selectable === false);
}

function applySelection(state, selected) {
  const network = state.network;
  if (!visSelects(state)) {
    // nothing to undo in vis: the highlight alone shows the selection
  } else if (selected && selected.kind === "node" && state.nodes.get(selected.id)) {
    network.selectNodes([selected.id], true);
  } else if (selected && selected.kind === "edge" && state.edges.get(selected.id)) {
    network.setSelection({ nodes: [], edges: [selected.id] }, { unselectAll: true, highlightEdges: false });
  } else {
    network.unselectAll();
  }
  setHighlight(state, selected);
}

// --------------------------------------------------------------------------- labels and highlight

const LABEL_PX = 13; // screen pixels, whatever the zoom
const MAX_LABELS = 400;

function neighbourhood(state) {
  const sel = state.highlight;
  if (!sel) return null;
  const network = state.network;
  const nodes = new Set();
  const edges = new Set();
  if (sel.kind === "node" && state.nodes.get(sel.id)) {
    nodes.add(sel.id);
    if (state.own) { // the lines drawn here: their own index
      const around = state.around.get(sel.id) || { nodes: [], edges: [] };
      for (const id of around.nodes) nodes.add(id);
      for (const id of around.edges) edges.add(id);
    } else {
      for (const id of network.getConnectedNodes(sel.id)) nodes.add(id);
      for (const id of network.getConnectedEdges(sel.id)) edges.add(id);
    }
  } else if (sel.kind === "edge") {
    const edge = state.edges.get(sel.id);
    if (!edge) return null;
    nodes.add(edge.from);
    nodes.add(edge.to);
    edges.add(sel.id);
  } else {
    return null;
  }
  return { nodes, edges };
}

function viewKey(state) {
  const view = state.network.body.view;
  const canvas = state.container.querySelector("canvas");
  return [view.scale, view.translation.x, view.translation.y, canvas.width, canvas.height, state.version].join("|");
}

function snapshot(state, canvas) {
  // The drawing as vis left it (before veil and labels): a highlight is then one
  // image copy plus the neighbourhood, not a redraw of every edge.
  if (!state.snap) state.snap = document.createElement("canvas");
  state.snap.width = canvas.width;
  state.snap.height = canvas.height;
  state.snap.getContext("2d").drawImage(canvas, 0, 0);
  state.snapKey = viewKey(state);
}

function quickPaint(state) {
  const network = state.network;
  const canvas = state.container.querySelector("canvas");
  if (!canvas || !state.snap || state.snapKey !== viewKey(state) || !network.canvas) {
    network.redraw();
    return;
  }
  const ctx = canvas.getContext("2d");
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(state.snap, 0, 0);
  ctx.restore();
  ctx.save();
  network.canvas.setTransform(); // vis's pixel ratio
  const view = network.body.view;
  ctx.translate(view.translation.x, view.translation.y);
  ctx.scale(view.scale, view.scale);
  drawOverlay(state, ctx, false);
  ctx.restore();
}

function drawOverlay(state, ctx, fresh = true) {
  const network = state.network;
  const body = network.body;
  const scale = network.getScale();
  if (fresh) snapshot(state, ctx.canvas);
  const near = neighbourhood(state);
  if (near) {
    // Veil over everything, then the neighbourhood drawn again on top.
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = "rgba(255, 255, 255, 0.78)";
    ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    ctx.restore();
    for (const id of near.edges) {
      if (state.own) {
        const line = state.lineById.get(id);
        if (line) drawLine(state, ctx, line);
        continue;
      }
      const edge = body.edges[id];
      if (edge && edge.connected) {
        edge.draw(ctx);
        if (typeof edge.drawArrows === "function") edge.drawArrows(ctx);
      }
    }
    for (const id of near.nodes) {
      const node = body.nodes[id];
      if (node) node.draw(ctx);
    }
  }
  drawLabels(state, ctx, scale, near);
}

function drawLabels(state, ctx, scale, near) {
  const body = state.network.body;
  const ids = state.labelOrder || [];
  const fontPx = LABEL_PX / scale;
  const pad = 2 / scale;
  const view = state.network.getViewPosition();
  const halfW = state.container.clientWidth / 2 / scale;
  const halfH = state.container.clientHeight / 2 / scale;
  const taken = [];
  const shown = [];
  ctx.save();
  ctx.font = `${fontPx}px sans-serif`;
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  ctx.lineJoin = "round";
  ctx.lineWidth = 3 / scale;
  ctx.strokeStyle = "rgba(255, 255, 255, 0.9)";
  const order = near ? [...ids.filter((id) => near.nodes.has(id)), ...ids.filter((id) => !near.nodes.has(id))] : ids;
  for (const id of order) {
    if (shown.length >= MAX_LABELS) break;
    const node = body.nodes[id];
    if (!node || !node.options || node.options.hidden) continue;
    const text = state.labels.get(id);
    if (!text) continue;
    const x = node.x;
    const y = node.y + (node.options.size || 10) + 2 / scale;
    if (Math.abs(x - view.x) > halfW + 200 / scale || Math.abs(y - view.y) > halfH + 50 / scale) continue;
    const w = ctx.measureText(text).width;
    const box = [x - w / 2 - pad, y - pad, x + w / 2 + pad, y + fontPx + pad];
    const pinned = state.pinned.has(id) || (near && near.nodes.has(id));
    if (!pinned && taken.some((b) => box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3])) continue;
    taken.push(box);
    const dim = near && !near.nodes.has(id);
    ctx.fillStyle = dim ? "rgba(60, 60, 60, 0.35)" : "#1f1f1f";
    ctx.strokeText(text, x, y);
    ctx.fillText(text, x, y);
    shown.push(id);
  }
  ctx.restore();
  state.shownLabels = shown;
  state.root.dataset.labels = String(shown.length);
}

function indexLabels(state, nodes) {
  // Most important first: Python's rank (0 = biggest), then name.
  const sorted = [...nodes].sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || String(a.id).localeCompare(String(b.id)));
  state.labelOrder = sorted.map((n) => n.id);
  state.labels = new Map(sorted.map((n) => [n.id, String(n.label ?? n.id)]));
  state.pinned = new Set(sorted.filter((n) => n.pinLabel).map((n) => n.id));
}

function setHighlight(state, selected) {
  const before = JSON.stringify(state.highlight || null);
  state.highlight = selected && (selected.kind === "node" || selected.kind === "edge") ? selected : null;
  if (JSON.stringify(state.highlight) !== before) {
    state.highlightAt = performance.now();
    quickPaint(state);
    state.highlightDrawnAt = performance.now();
  }
}

// --------------------------------------------------------------------------- lines drawn here

// Big drawings with Python's positions (no physics): vis gets the actors only and the lines are
// drawn here, under them. vis makes every edge an object with its own options and a label even
// with no text (70 to 200 ms for 3,000 edges on every filter change); a line here is a few canvas
// calls. Smaller drawings keep vis's edges: its physics lays them out along them.

function optionOf(state, path, fallback) {
  let v = state.options;
  for (const k of path) v = v && v[k];
  return v ?? fallback;
}

function ownsLines(options) {
  const physics = options && options.physics;
  const interaction = options && options.interaction;
  return !!(physics && physics.enabled === false && interaction && interaction.selectable === false);
}

function indexLines(state, edges) {
  // Per actor, its neighbours and lines (the highlight); per id, the line.
  const around = new Map();
  const at = (id) => {
    if (!around.has(id)) around.set(id, { nodes: new Set(), edges: [] });
    return around.get(id);
  };
  for (const e of edges) {
    at(e.from).nodes.add(e.to);
    at(e.from).edges.push(e.id);
    at(e.to).nodes.add(e.from);
    if (e.to !== e.from) at(e.to).edges.push(e.id);
  }
  state.lines = edges;
  state.around = around;
  state.lineById = new Map(edges.map((e) => [e.id, e]));
}

function drawLines(state, ctx) {
  if (!state.own) return;
  // as vis does with its edges (view.network_options): none while dragging or zooming a big drawing
  const r = state.network.renderer || {};
  if ((r.dragging && optionOf(state, ["interaction", "hideEdgesOnDrag"], false)) ||
      (r.zooming && optionOf(state, ["interaction", "hideEdgesOnZoom"], false))) return;
  ctx.save();
  for (const e of state.lines) drawLine(state, ctx, e);
  ctx.restore();
}

function loopOf(node) {
  // A statement about oneself: a circle at the dot's upper right.
  const r = node.options.size || 10;
  return { x: node.x + r * 0.7, y: node.y - r * 0.7, r: r * 0.7 };
}

function drawLine(state, ctx, e) {
  // A straight line from the source's centre to an arrow whose tip touches the target's dot,
  // sized as vis sizes its own (at least 0.3 px wide on screen; arrow 15 x scaleFactor + 3 x width).
  const nodes = state.network.body.nodes;
  const a = nodes[e.from];
  const b = nodes[e.to];
  if (!a || !b) return;
  const color = (e.color && e.color.color) || "#999999";
  const width = Math.max(e.width || 1, 0.3 / state.network.getScale());
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = width;
  if (a === b) {
    const loop = loopOf(a);
    ctx.beginPath();
    ctx.arc(loop.x, loop.y, loop.r, 0, 2 * Math.PI);
    ctx.stroke();
    return;
  }
  const r = b.options.size || 10;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy);
  if (len < 1e-6) return;
  const ux = dx / len;
  const uy = dy / len;
  const scale = optionOf(state, ["edges", "arrows", "to", "scaleFactor"], 1);
  const head = Math.min(15 * scale + 3 * width, Math.max(0, len - r) * 0.5);
  const tx = b.x - ux * (r + 1);
  const ty = b.y - uy * (r + 1);
  ctx.beginPath();
  ctx.moveTo(a.x, a.y);
  ctx.lineTo(tx - ux * head * 0.9, ty - uy * head * 0.9);
  ctx.stroke();
  // vis's "arrow": tip, a back corner, the notch at 0.9 of its length, the other corner
  const point = (along, side) => [tx - ux * head * along - uy * head * side, ty - uy * head * along + ux * head * side];
  ctx.beginPath();
  ctx.moveTo(tx, ty);
  for (const [x, y] of [point(1, 0.3), point(0.9, 0), point(1, -0.3)]) ctx.lineTo(x, y);
  ctx.closePath();
  ctx.fill();
}

function lineAt(state, dom) {
  // The line nearest the pointer (DOM pixels in the canvas), if within a few pixels of it.
  if (!state.own || !state.lines) return undefined;
  const network = state.network;
  const p = network.DOMtoCanvas(dom);
  const scale = network.getScale();
  const nodes = network.body.nodes;
  let best;
  let bestD = Infinity;
  for (const e of state.lines) {
    const a = nodes[e.from];
    const b = nodes[e.to];
    if (!a || !b) continue;
    const loop = a === b ? loopOf(a) : null;
    const d = loop ? Math.abs(Math.hypot(p.x - loop.x, p.y - loop.y) - loop.r) : segmentDistance(p.x, p.y, a.x, a.y, b.x, b.y);
    if (d <= (e.width || 1) / 2 + 4 / scale && d < bestD) {
      best = e;
      bestD = d;
    }
  }
  return best;
}

function segmentDistance(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function watchLineTips(state) {
  // vis shows the tooltips of its own items; a line drawn here gets the same box, text only.
  const tip = document.createElement("div");
  tip.className = "actorgraph-tip";
  state.container.appendChild(tip);
  let timer = null;
  const hide = () => {
    clearTimeout(timer);
    tip.style.visibility = "hidden";
  };
  state.hideTip = hide; // also when the drawing changes (update) or goes (unmount)
  const el = state.container;
  el.addEventListener("pointermove", (e) => {
    hide();
    const canvas = el.querySelector("canvas");
    if (!state.own || e.buttons || !canvas) return;
    const box = canvas.getBoundingClientRect();
    const dom = { x: e.clientX - box.left, y: e.clientY - box.top };
    timer = setTimeout(() => {
      if (state.network.getNodeAt(dom) !== undefined) return; // vis shows the actor's own
      const line = lineAt(state, dom);
      if (!line) return;
      tip.textContent = String(line.title || "");
      tip.style.visibility = "visible"; // measured, then kept inside the drawing as vis keeps its own
      const left = Math.min(dom.x + 12, el.clientWidth - tip.offsetWidth - 4);
      const top = dom.y + 12 + tip.offsetHeight > el.clientHeight ? dom.y - 12 - tip.offsetHeight : dom.y + 12;
      tip.style.left = `${Math.max(0, left)}px`;
      tip.style.top = `${Math.max(0, top)}px`;
    }, optionOf(state, ["interaction", "tooltipDelay"], 150));
  });
  for (const name of ["pointerleave", "pointerdown", "pointercancel", "wheel"]) el.addEventListener(name, hide);
}

// --------------------------------------------------------------------------- export

function exportName(state, ext) {
  return `${state.exportStem || "actorgraph"}.${ext}`;
}

function download(href, name) {
  const a = document.createElement("a");
  a.href = href;
  a.download = name;
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
}

function pngDataURL(state) {
  // The canvas is transparent: paint it on white so viewers show what the page shows.
  const src = state.container.querySelector("canvas");
  const out = document.createElement("canvas");
  out.width = src.width;
  out.height = src.height;
  const ctx = out.getContext("2d");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(src, 0, 0);
  return out.toDataURL("image/png");
}

function svgEscape(text) {
  return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function svgText(state) {
  // The current view as vector shapes: straight edges, dots, and the labels shown now.
  const network = state.network;
  const w = state.container.clientWidth;
  const h = state.container.clientHeight;
  const near = neighbourhood(state);
  const pos = network.getPositions();
  const dom = (id) => network.canvasToDOM(pos[id]);
  const scale = network.getScale();
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">`,
    `<rect width="${w}" height="${h}" fill="#ffffff"/>`];
  for (const e of state.edges.get()) {
    if (!pos[e.from] || !pos[e.to]) continue;
    const a = dom(e.from);
    const b = dom(e.to);
    const color = (e.color && e.color.color) || "#999999";
    const opacity = near && !near.edges.has(e.id) ? 0.2 : 0.9;
    parts.push(`<line x1="${a.x.toFixed(1)}" y1="${a.y.toFixed(1)}" x2="${b.x.toFixed(1)}" y2="${b.y.toFixed(1)}" ` +
      `stroke="${svgEscape(color)}" stroke-width="${Math.max(0.5, (e.width || 1) * scale).toFixed(2)}" stroke-opacity="${opacity}"/>`);
  }
  for (const n of state.nodes.get()) {
    if (!pos[n.id]) continue;
    const p = dom(n.id);
    const fill = (n.color && n.color.background) || "#999999";
    const opacity = near && !near.nodes.has(n.id) ? 0.25 : 1;
    parts.push(`<circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="${Math.max(1, (n.size || 10) * scale).toFixed(2)}" ` +
      `fill="${svgEscape(fill)}" fill-opacity="${opacity}" stroke="#3b3b3b" stroke-width="0.5"/>`);
  }
  for (const id of state.shownLabels || []) {
    if (!pos[id]) continue;
    const p = dom(id);
    const node = state.nodes.get(id);
    const y = p.y + ((node && node.size) || 10) * scale + 2 + LABEL_PX;
    parts.push(`<text x="${p.x.toFixed(1)}" y="${y.toFixed(1)}" font-family="sans-serif" font-size="${LABEL_PX}" ` +
      `text-anchor="middle" fill="#1f1f1f">${svgEscape(state.labels.get(id) || id)}</text>`);
  }
  parts.push("</svg>");
  return parts.join("\n");
}

function exportPNG(state) {
  download(pngDataURL(state), exportName(state, "png"));
}

function exportSVG(state) {
  const blob = new Blob([svgText(state)], { type: "image/svg+xml" });
  const url = URL.createObjectURL(blob);
  download(url, exportName(state, "svg"));
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function zoomBy(state, factor) {
  const network = state.network;
  network.moveTo({ scale: Math.min(8, Math.max(0.02, network.getScale() * factor)), animation: false });
}

function toolbar(state) {
  const bar = document.createElement("div");
  bar.className = "actorgraph-toolbar";
  const buttons = [
    ["+", "Zoom in", "zoom-in", () => zoomBy(state, 1.4)],
    ["\u2212", "Zoom out", "zoom-out", () => zoomBy(state, 1 / 1.4)],
    ["Fit", "Fit the whole drawing in view", "fit", () => state.network.fit({ animation: false })],
    ["PNG", "Download the current view as a PNG image", "png", () => exportPNG(state)],
    ["SVG", "Download the current view as an SVG drawing", "svg", () => exportSVG(state)],
  ];
  for (const [text, title, name, action] of buttons) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = `actorgraph-btn actorgraph-${name}`;
    b.textContent = text;
    b.title = title;
    b.setAttribute("aria-label", title);
    b.addEventListener("click", action);
    bar.appendChild(b);
  }
  return bar;
}

function publish(state) {
  window.actorgraphNetwork = state.network;
  window.actorgraphState = {
    network: state.network,
    nodes: state.nodes,
    edges: state.edges,
    stable: state.stable,
    stableAt: state.stableAt,
    createdAt: state.createdAt,
    version: state.version,
    updateMs: state.updateMs,
    updateParts: state.updateParts,
    highlightAt: state.highlightAt,
    highlightDrawnAt: () => state.highlightDrawnAt,
    highlight: () => state.highlight,
    shownLabels: () => state.shownLabels || [],
    selectsSent: () => state.selectsSent || 0,
    select: (id) => {
      if (!visSelects(state)) {
        // the highlight alone (see applySelection)
      } else if (id == null) state.network.unselectAll();
      else state.network.selectNodes([id], true);
      setHighlight(state, id == null ? null : { kind: "node", id });
    },
    pngDataURL: () => pngDataURL(state),
    svgText: () => svgText(state),
  };
}

function create(parentElement, data, api) {
  const vis = globalThis.vis;
  const root = document.createElement("div");
  root.className = "actorgraph-root";
  const legend = document.createElement("div");
  legend.className = "actorgraph-legend";
  const container = document.createElement("div");
  container.className = "actorgraph-network";
  container.dataset.testid = "actorgraph-network";
  container.style.height = `${data.height || 620}px`;
  root.append(legend, container);
  parentElement.appendChild(root);

  const items = expand(data);
  const nodes = new vis.DataSet(items.nodes);
  const edges = new vis.DataSet(items.edges);
  const own = ownsLines(data.options);
  const network = new vis.Network(container, { nodes, edges: own ? new vis.DataSet() : edges }, data.options || {});
  const state = {
    root, legend, container, nodes, edges, network, api, own,
    version: data.version, options: data.options, stable: false, stableAt: null,
    createdAt: performance.now(),
    physicsOn: !(data.options && data.options.physics && data.options.physics.enabled === false),
    highlight: null, highlightAt: null, exportStem: data.exportStem,
    seenNodes: remember(items.nodes), seenEdges: own ? new Map() : remember(items.edges),
  };
  root.appendChild(toolbar(state));
  indexLabels(state, items.nodes);
  indexLines(state, items.edges);
  network.on("beforeDrawing", (ctx) => drawLines(state, ctx));
  network.on("afterDrawing", (ctx) => drawOverlay(state, ctx));
  watchLineTips(state);

  network.on("stabilizationIterationsDone", () => freeze(state));
  network.on("stabilized", () => freeze(state));
  network.once("afterDrawing", () => {
    if (!state.physicsOn) markStable(state, true);
  });
  watchTaps(state);
  const picker = network.selectionHandler;
  if (picker && typeof picker.getClickedItems === "function") {
    // vis fills a click's `items` by testing every node and edge against the pointer (10 to 20
    // ms at 10,000 edges, inside the release event, so before Streamlit sends the selection);
    // nothing here reads `items`, so big drawings skip it.
    const clickedItems = picker.getClickedItems.bind(picker);
    picker.getClickedItems = (pointer) => (visSelects(state) ? clickedItems(pointer) : []);
  }
  network.on("click", (params) => {
    // Big drawings are not "selectable" for vis (its own selection redraws every edge): the
    // item under the pointer is looked up here, and the highlight shows the selection.
    const nodeId = (params.nodes && params.nodes[0]) ?? network.getNodeAt(params.pointer.DOM);
    if (nodeId !== undefined && nodeId === state.tapped) { // answered at the release (watchTaps)
      state.tapped = undefined;
      return;
    }
    const edgeId = nodeId !== undefined ? undefined
      : state.own ? lineAt(state, params.pointer.DOM)?.id : (params.edges && params.edges[0]) ?? network.getEdgeAt(params.pointer.DOM);
    if (nodeId !== undefined) {
      choose(state, { kind: "node", id: nodeId });
    } else if (edgeId !== undefined) {
      const edge = state.edges.get(edgeId);
      if (edge) choose(state, { kind: "edge", id: edge.id, source: edge.from, target: edge.to, stance: edge.stance });
    }
  });
  renderLegend(state, data.legend, data.notice);
  state.data = data;
  state.onSelected = () => applySelection(state, currentSelection(state.data));
  window.addEventListener("actorgraph:selected", state.onSelected);
  applySelection(state, currentSelection(data));
  return state;
}

// Hammer's tap, which vis's "click" follows: at most this long and this far between press and release.
const TAP_MS = 250;
const TAP_PX = 9;

function watchTaps(state) {
  // A tap on an actor is answered at the release, before vis's "click": vis first tests every
  // edge against the pointer (tens of ms at 10,000 edges), and the evidence would wait for it.
  const el = state.container;
  let down = null;
  el.addEventListener("pointerdown", (e) => {
    state.tapped = undefined;
    down = e.isPrimary && e.button === 0 ? { x: e.clientX, y: e.clientY, t: e.timeStamp } : null;
  }, true);
  el.addEventListener("pointercancel", () => { down = null; }, true);
  el.addEventListener("pointerup", (e) => {
    const d = down;
    down = null;
    if (!d || e.timeStamp - d.t > TAP_MS || Math.hypot(e.clientX - d.x, e.clientY - d.y) > TAP_PX) return;
    const canvas = el.querySelector("canvas");
    if (!canvas) return;
    const box = canvas.getBoundingClientRect();
    const id = state.network.getNodeAt({ x: e.clientX - box.left, y: e.clientY - box.top });
    if (id === undefined) return;
    state.tapped = id;
    choose(state, { kind: "node", id });
  }, true);
}

function choose(state, selected) {
  // Python is told first; the highlight is painted in the next task, after Streamlit's own
  // setTimeout has sent the message (a paint before it held the evidence back by its time).
  state.api.setTriggerValue("select", selected);
  state.selectsSent = (state.selectsSent || 0) + 1; // for tests: one click, one message
  setTimeout(() => setHighlight(state, { kind: selected.kind, id: selected.id }), 0);
}

function currentSelection(data) {
  // The selection comes from the small "actorgraph.selection" component (so a click does not
  // resend the drawing); a payload that carries its own wins (tests, other callers).
  if (data && data.selected !== undefined) return data.selected;
  return window.actorgraphSelected || null;
}

// A drawing with Python positions whose items change more than this share is handed to vis
// anew (setData): 2,000 node updates and 4,000 edge removals one by one took vis 1 to 2 s.
const REBUILD_SHARE = 0.2;

function rebuild(state, items) {
  // New DataSets, same Network: actors keep where they are drawn (dragged or not), the view stays.
  const network = state.network;
  const drawn = network.getPositions();
  for (const n of items.nodes) {
    const p = drawn[n.id];
    if (p) Object.assign(n, { x: p.x, y: p.y });
  }
  const view = { position: network.getViewPosition(), scale: network.getScale(), animation: false };
  state.nodes = new globalThis.vis.DataSet(items.nodes);
  state.edges = new globalThis.vis.DataSet(items.edges);
  network.setData({ nodes: state.nodes, edges: state.own ? new globalThis.vis.DataSet() : state.edges });
  network.moveTo(view);
  // state.seenNodes / seenEdges are already those of `items`: diffItems updated them
}

function applyItems(state, items, positioned) {
  // Only what changed goes to vis: an update of 10,000 unchanged edges costs a redraw's worth.
  if (state.own) {
    // vis holds the actors only: the lines are a new DataSet (no vis objects), drawn by drawLines
    indexLines(state, items.edges);
    const nodes = diffItems(state.nodes, items.nodes, state.seenNodes);
    state.rebuilt = positioned && nodes.changed.length + nodes.gone.length > REBUILD_SHARE * Math.max(1, items.nodes.length);
    if (state.rebuilt) {
      rebuild(state, items);
      return;
    }
    state.edges = new globalThis.vis.DataSet(items.edges);
    if (nodes.gone.length) state.nodes.remove(nodes.gone);
    if (nodes.changed.length) state.nodes.update(nodes.changed);
    state.network.redraw();
    return;
  }
  const nodes = diffItems(state.nodes, items.nodes, state.seenNodes);
  const edges = diffItems(state.edges, items.edges, state.seenEdges);
  const work = nodes.changed.length + nodes.gone.length + edges.changed.length + edges.gone.length;
  const total = Math.max(1, items.nodes.length + items.edges.length);
  state.rebuilt = positioned && work > REBUILD_SHARE * total;
  if (state.rebuilt) {
    rebuild(state, items);
    return;
  }
  // Stale edges go first so no edge is left pointing at a removed node.
  if (edges.gone.length) state.edges.remove(edges.gone);
  if (nodes.gone.length) state.nodes.remove(nodes.gone);
  if (nodes.changed.length) state.nodes.update(nodes.changed);
  if (edges.changed.length) state.edges.update(edges.changed);
}

function update(state, data, api) {
  state.api = api;
  state.data = data;
  state.exportStem = data.exportStem;
  state.container.style.height = `${data.height || 620}px`;
  renderLegend(state, data.legend, data.notice);
  if (data.version !== state.version) {
    state.hideTip();
    const t0 = performance.now();
    const items = expand(data);
    const t1 = performance.now();
    const before = new Set(state.nodes.getIds());
    const optionsChanged = !sameJSON(data.options, state.options);
    if (ownsLines(data.options) !== state.own) {
      // lines drawn here <-> by vis (physics needs vis's edges): everything handed over anew,
      // the actors where they are drawn (physics then starts from there)
      const drawn = state.network.getPositions();
      for (const n of items.nodes) if (drawn[n.id]) Object.assign(n, drawn[n.id]);
      state.own = !state.own;
      state.seenNodes = new Map();
      state.seenEdges = new Map();
      state.nodes = new globalThis.vis.DataSet();
      state.edges = new globalThis.vis.DataSet();
      state.network.setData({ nodes: state.nodes, edges: state.edges });
    }
    if (optionsChanged) {
      state.network.setOptions(data.options || {});
      state.options = data.options;
      state.physicsOn = !(data.options && data.options.physics && data.options.physics.enabled === false);
      if (!visSelects(state)) state.network.unselectAll(); // grew big: the highlight alone marks it
    }
    const t2 = performance.now();
    applyItems(state, items, !state.physicsOn && items.nodes.every((n) => n.x != null));
    const t3 = performance.now();
    // for benchmarks: columns to items, options, vis taking in the items (rebuilt: new DataSets)
    state.updateParts = { expand: t1 - t0, options: t2 - t1, items: t3 - t2, rebuilt: state.rebuilt };
    indexLabels(state, items.nodes);
    state.version = data.version;
    const added = items.nodes.some((n) => !before.has(n.id));
    const removed = before.size + items.nodes.filter((n) => !before.has(n.id)).length !== items.nodes.length;
    if (added || optionsChanged) {
      relayout(state, data);
    } else {
      if (removed) state.network.fit({ animation: false });
      markStable(state, true);
    }
  }
  applySelection(state, currentSelection(state.data));
}

function decode(data) {
  // Python sends the payload as JSON bytes (view.payload_bytes).
  if (data instanceof Uint8Array || data instanceof ArrayBuffer) return JSON.parse(new TextDecoder().decode(data));
  return data;
}

function mount(component) {
  const { parentElement } = component;
  const data = decode(component.data);
  const api = { setTriggerValue: component.setTriggerValue, setStateValue: component.setStateValue };
  let state = STATES.get(parentElement);
  const t0 = performance.now();
  if (!state || !state.root.isConnected) {
    state = create(parentElement, data || {}, api);
    STATES.set(parentElement, state);
  } else {
    update(state, data || {}, api);
  }
  state.updateMs = performance.now() - t0; // this call's own time (data in, DataSets updated), for benchmarks
  publish(state);
}

function unmount(parentElement) {
  const state = STATES.get(parentElement);
  if (!state) return;
  STATES.delete(parentElement);
  state.hideTip();
  window.removeEventListener("actorgraph:selected", state.onSelected);
  if (window.actorgraphNetwork === state.network) {
    window.actorgraphNetwork = undefined;
    window.actorgraphState = undefined;
  }
  state.network.destroy();
  state.root.remove();
}

export default function (component) {
  const { parentElement } = component;
  let waiting = null;
  if (globalThis.vis) {
    mount(component);
  } else {
    // vis-network comes in its own element (view.vis_js), whose module may run after this one.
    waiting = () => mount(component);
    window.addEventListener("actorgraph:vis", waiting, { once: true });
  }
  return () => {
    // Streamlit calls this when the element is unmounted.
    if (waiting) window.removeEventListener("actorgraph:vis", waiting);
    unmount(parentElement);
  };
}
