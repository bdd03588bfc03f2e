// Actorgraph network component (Streamlit components v2, no build step).
//
// Python (actorgraph/view.py) prepends vis-network's standalone bundle, taken
// from the pyvis package, to this file: the bundle sets `globalThis.vis`, so
// nothing is fetched from a CDN. Python builds the nodes, edges and options
// with pyvis and sends them as `data`; this module only draws them.
//
// Streamlit calls the default export on mount and again whenever `data`
// changes. The vis Network lives as long as the mounted element: later calls
// update its DataSets in place (positions, zoom and selection are kept) instead
// of rebuilding the drawing. Clicks go back to Python as the trigger value
// "select": {kind: "node", id} or {kind: "edge", id, source, target, stance}.
//
// For tests, benchmarks and power users the live Network is
// `window.actorgraphNetwork` (the app's main window: v2 components are not in
// an iframe), and `window.actorgraphState` holds {network, nodes, edges, stable,
// version, stableAt}. The container carries data-stable="true" once the
// drawing has stopped moving, and window gets an "actorgraph:stable" event.

const STATES = new WeakMap();

function syncDataSet(ds, items) {
  const keep = new Set(items.map((item) => item.id));
  const gone = ds.getIds().filter((id) => !keep.has(id));
  if (gone.length) ds.remove(gone);
  if (items.length) ds.update(items);
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

function applySelection(state, selected) {
  const network = state.network;
  if (selected && selected.kind === "node" && state.nodes.get(selected.id)) {
    network.selectNodes([selected.id], true);
  } else if (selected && selected.kind === "edge" && state.edges.get(selected.id)) {
    network.setSelection({ nodes: [], edges: [selected.id] }, { unselectAll: true, highlightEdges: false });
  } else {
    network.unselectAll();
  }
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
  const fit = document.createElement("button");
  fit.type = "button";
  fit.className = "actorgraph-fit";
  fit.textContent = "Fit";
  fit.title = "Fit the whole drawing in view";
  root.append(legend, container, fit);
  parentElement.appendChild(root);

  const nodes = new vis.DataSet(data.nodes || []);
  const edges = new vis.DataSet(data.edges || []);
  const network = new vis.Network(container, { nodes, edges }, data.options || {});
  const state = {
    root, legend, container, nodes, edges, network, api,
    version: data.version, options: data.options, stable: false, stableAt: null,
    createdAt: performance.now(),
    physicsOn: !(data.options && data.options.physics && data.options.physics.enabled === false),
  };
  fit.addEventListener("click", () => network.fit({ animation: false }));

  network.on("stabilizationIterationsDone", () => freeze(state));
  network.on("stabilized", () => freeze(state));
  network.once("afterDrawing", () => {
    if (!state.physicsOn) markStable(state, true);
  });
  network.on("click", (params) => {
    if (params.nodes && params.nodes.length) {
      state.api.setTriggerValue("select", { kind: "node", id: params.nodes[0] });
    } else if (params.edges && params.edges.length) {
      const edge = edges.get(params.edges[0]);
      if (edge) {
        state.api.setTriggerValue("select", {
          kind: "edge", id: edge.id, source: edge.from, target: edge.to, stance: edge.stance,
        });
      }
    }
  });
  renderLegend(state, data.legend, data.notice);
  applySelection(state, data.selected);
  return state;
}

function update(state, data, api) {
  state.api = api;
  state.container.style.height = `${data.height || 620}px`;
  renderLegend(state, data.legend, data.notice);
  if (data.version !== state.version) {
    const before = new Set(state.nodes.getIds());
    const optionsChanged = !sameJSON(data.options, state.options);
    if (optionsChanged) {
      state.network.setOptions(data.options || {});
      state.options = data.options;
      state.physicsOn = !(data.options && data.options.physics && data.options.physics.enabled === false);
    }
    // Stale edges go first so no edge is left pointing at a removed node.
    const keepEdges = new Set((data.edges || []).map((e) => e.id));
    const staleEdges = state.edges.getIds().filter((id) => !keepEdges.has(id));
    if (staleEdges.length) state.edges.remove(staleEdges);
    syncDataSet(state.nodes, data.nodes || []);
    syncDataSet(state.edges, data.edges || []);
    state.version = data.version;
    const added = (data.nodes || []).some((n) => !before.has(n.id));
    const removed = before.size + (data.nodes || []).filter((n) => !before.has(n.id)).length !== (data.nodes || []).length;
    if (added || optionsChanged) {
      relayout(state, data);
    } else {
      if (removed) state.network.fit({ animation: false });
      markStable(state, true);
    }
  }
  applySelection(state, data.selected);
}

export default function (component) {
  const { data, parentElement } = component;
  const api = { setTriggerValue: component.setTriggerValue, setStateValue: component.setStateValue };
  let state = STATES.get(parentElement);
  if (!state || !state.root.isConnected) {
    state = create(parentElement, data || {}, api);
    STATES.set(parentElement, state);
  } else {
    update(state, data || {}, api);
  }
  publish(state);
  return () => {
    // Streamlit calls this when the element is unmounted.
    STATES.delete(parentElement);
    if (window.actorgraphNetwork === state.network) {
      window.actorgraphNetwork = undefined;
      window.actorgraphState = undefined;
    }
    state.network.destroy();
    state.root.remove();
  };
}
