// The live-chart component's module. ikt_model/ui/live_chart.py puts plotlyFrom (its loader) and fitWidth
// (ui.chart_fit) before it. Each call draws into the same div with Plotly.react; charts of components the
// page no longer shows are purged (plotly.js keeps a window resize handler per chart until then), unless
// kept for their page (see `kept`).
const charts = (window.__iktCharts = window.__iktCharts || new Set());
// The last chart drawn under each key, kept when its page is left: back on the page, the same drawing is put
// in place (and updated only if its figure changed) instead of laid out anew, ~100 ms a chart (issue 14)
const kept = (window.__iktKept = window.__iktKept || new Map());
const OPEN = "Vis diagrammet i fullskjerm", CLOSE = "Lukk fullskjerm";
const NOT_LOADED = "Diagrammet kunne ikke tegnes: nettleseren fikk ikke hentet tegnebiblioteket fra appen. " +
  "Last siden på nytt.";
const NOT_DRAWN = "Diagrammet kunne ikke tegnes. Tallene står i teksten og tabellene på siden.";
const ICON = '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path fill="currentColor" ' +
  'd="M7 14H5v5h5v-2H7v-3zm-2-4h2V7h3V5H5v5zm12 7h-3v2h5v-5h-2v3zM14 5v2h3v3h2V5h-5z"/></svg>';
const fullHeight = () => Math.max(300, window.innerHeight - 24);
function build() {
  const wrap = document.createElement("div");
  wrap.className = "ikt-chart";
  const button = document.createElement("button");
  button.type = "button";
  button.className = "ikt-chart-fullscreen";
  button.title = OPEN;
  button.setAttribute("aria-label", OPEN);
  button.innerHTML = ICON;
  const div = document.createElement("div");
  div.className = "ikt-live-chart";
  button.addEventListener("click", () => {
    if (document.fullscreenElement === wrap) document.exitFullscreen();
    else wrap.requestFullscreen().catch((error) => console.error(error));
  });
  wrap.addEventListener("fullscreenchange", () => {
    const full = document.fullscreenElement === wrap;
    button.title = full ? CLOSE : OPEN;
    button.setAttribute("aria-label", full ? CLOSE : OPEN);
    const drawn = window.Plotly && div.dataset.height && !div.dataset.failed;
    if (drawn && full) {  // the whole screen
      window.Plotly.relayout(div, {height: fullHeight(), width: Math.max(300, window.innerWidth - 24)});
    } else if (drawn) {  // back to the page's column as it is now (the window may have been resized meanwhile)
      redraw(div.iktParent, wrap, div);
    }
    if (!full) button.blur();
  });
  wrap.append(button, div);
  return wrap;
}
function label(div, text) {
  if (text) { div.setAttribute("role", "img"); div.setAttribute("aria-label", text); }
}
// The latest figure for the column's width now, on a chart drawn before at another width: Plotly.react keeps
// the width it had, resize takes the column's (plotly's own resize handler ran on the window's resize, before
// the column had its final width)
function redraw(parentElement, wrap, div) {
  return draw(parentElement, wrap, div, div.iktText).then(() => div.dataset.failed || window.Plotly.Plots.resize(div));
}
function draw(parentElement, wrap, div, text) {
  const data = JSON.parse(text);  // payload(): UTF-8 JSON
  label(div, data.label);
  const figure = data.figure;
  const layout = (figure.layout = figure.layout || {});
  const width = parentElement.clientWidth || window.innerWidth;
  div.iktWidth = width;
  fitWidth(figure, width);
  div.dataset.height = layout.height || 450;
  div.style.minHeight = div.dataset.height + "px";
  if (document.fullscreenElement === wrap) {  // a new figure while shown full screen
    layout.height = fullHeight();
    layout.width = Math.max(300, window.innerWidth - 24);
  }
  return plotlyFrom(data.src).then((Plotly) => {
    for (const old of charts) {
      if (!old.isConnected && kept.get(old.iktWrap.iktKey) !== old.iktWrap) { Plotly.purge(old); charts.delete(old); }
    }
    charts.add(div);
    if (div.dataset.failed) { div.textContent = ""; delete div.dataset.failed; }  // a later update may draw
    return Plotly.react(div, figure.data, layout, data.config);
  }).then(() => hideStale(div, false)).catch((error) => {
    console.error(error);
    if (window.Plotly) Plotly.purge(div);
    div.dataset.failed = "1";
    div.textContent = window.Plotly ? NOT_DRAWN : NOT_LOADED;  // said on the page, not only in the console
  });
}
// A chart far outside the window is drawn when it comes near (NEAR_PX above or below the window): a weight
// change redraws the charts the user can see at once, and a chart scrolled to later gets the latest figure
// then. Until drawn, a chart holds its height (the page does not jump) and its accessible name. A chart in a
// folded or hidden part of the page is drawn when shown, at its real width. Printing draws them all.
const NEAR_PX = 200;
function isNear(wrap) {
  if (document.fullscreenElement === wrap) return true;
  const box = wrap.getBoundingClientRect();
  return box.height > 0 && box.bottom > -NEAR_PX && box.top < window.innerHeight + NEAR_PX;
}
function drawPending(div) {
  if (!div.iktPending) return;
  div.iktPending = false;
  const width = div.iktParent.clientWidth || window.innerWidth;
  // a chart never drawn is sized to its column by Plotly.react; one drawn before (kept while its page was
  // left, or drawn on a phone) keeps the width it had unless resized
  if (div.iktWidth !== undefined && Math.abs(width - div.iktWidth) >= 2) redraw(div.iktParent, div.iktWrap, div);
  else draw(div.iktParent, div.iktWrap, div, div.iktText);
}
// A drawing of an older figure (kept while its page was left) is not shown while the chart waits to be drawn
// again: the reader sees an empty chart of the right height, not numbers that no longer hold
function hideStale(div, hidden) {
  const plot = div.querySelector(":scope > .plot-container");
  if (plot) plot.style.visibility = hidden ? "hidden" : "";
}
// Watches the charts that wait; observing anew makes it report where a chart is now (a chart found far away
// in the middle of React's update may already be back in view, which a running observer would not report).
const nearby = (window.__iktNearby = window.__iktNearby || new IntersectionObserver((entries, observer) => {
  for (const entry of entries) {
    if (!entry.isIntersecting) continue;
    observer.unobserve(entry.target);
    drawPending(entry.target.querySelector(".ikt-live-chart"));
  }
}, {rootMargin: NEAR_PX + "px 0px", scrollMargin: NEAR_PX + "px 0px"}));  // the page scrolls in Streamlit's main
// area: without scrollMargin (Chrome 120+) a chart is drawn when it enters the window, not NEAR_PX before
if (!window.__iktPrintAll) {
  window.__iktPrintAll = true;
  window.addEventListener("beforeprint", () => document.querySelectorAll(".ikt-live-chart").forEach(drawPending));
}
// The column's width followed: a phone turned, a window or column resized lays the same figure out again (the
// column's width, not the window's: the sidebar coming back narrows the column after the window grew)
function followWidth(wrap, parentElement) {
  if (wrap.iktResize) wrap.iktResize.disconnect();
  wrap.iktResize = new ResizeObserver(() => {
    const div = wrap.querySelector(".ikt-live-chart"), width = parentElement.clientWidth;
    if (!div.iktText || div.iktPending || !width || Math.abs(width - div.iktWidth) < 2 ||
        document.fullscreenElement === wrap) return;
    redraw(parentElement, wrap, div);
  });
  wrap.iktResize.observe(parentElement);
}
export default function (component) {
  const { parentElement } = component;
  const text = new TextDecoder().decode(component.data);  // payload(): UTF-8 JSON bytes
  let wrap = parentElement.querySelector(":scope > .ikt-chart");
  if (!wrap) {
    const key = JSON.parse(text).key;  // the page's key for the chart (Streamlit's id is new on every mount)
    const before = key && kept.get(key);
    wrap = before && !before.isConnected ? before : build();  // a kept chart is used once it has left the page
    parentElement.appendChild(wrap);
    if (key) { wrap.iktKey = key; kept.set(key, wrap); }
    followWidth(wrap, parentElement);
  }
  const div = wrap.querySelector(".ikt-live-chart");
  div.iktParent = parentElement;
  div.iktWrap = wrap;
  // Drawn already with this figure (a kept chart back on its page, or a run that did not change it): nothing to
  // do here. Its column is not measured now, in the middle of Streamlit's commit (a forced layout of the whole
  // page for each chart): followWidth's observer sees a column that changed width meanwhile and redraws it.
  if (text === div.iktText && !div.iktPending && !div.dataset.failed && div.iktWidth !== undefined &&
      document.fullscreenElement !== wrap) return;
  const width = parentElement.clientWidth || window.innerWidth;
  const resized = div.iktWidth !== undefined && Math.abs(width - div.iktWidth) >= 2;  // e.g. kept, window resized
  div.iktText = text;
  if (isNear(wrap)) {
    div.iktPending = false;
    if (resized) redraw(parentElement, wrap, div);  // Plotly.react alone would keep the width drawn before
    else draw(parentElement, wrap, div, div.iktText);
  } else {  // drawn by `nearby` (or for printing): until then its name and its height
    div.iktPending = true;
    hideStale(div, true);
    nearby.unobserve(wrap);
    nearby.observe(wrap);
    const data = JSON.parse(div.iktText), layout = (data.figure.layout = data.figure.layout || {});
    label(div, data.label);
    fitWidth(data.figure, parentElement.clientWidth || window.innerWidth);  // the height it will be drawn at
    div.style.minHeight = (layout.height || 450) + "px";
  }
}
