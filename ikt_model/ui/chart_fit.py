"""Plotly figures fitted to the width of their column, in the browser (used by ui.live_chart).

The chart builders lay their figures out for a desk or a projector: category labels beside the rows on
one line, margins computed for them. On a phone the 12 alternatives' labels took the whole width and
left the bars none; on a tablet column labels and titles ran off the figure. `FIT_WIDTH_JS` defines
`fitWidth(figure, width)`, which the live-chart component calls before each draw with the column's width
in px; it changes the figure in place:
- a title, column labels or an x-axis title longer than the width are broken into lines (at spaces), and
  the margins grow by what the lines need;
- the value written after the longest bar keeps 48 px at the right;
- the titles of panels side by side (subplot titles) are broken to a panel's width, and the top margin grows;
- the foot keeps room for tick labels, axis title and the legend's rows, counted as plotly.js lays them
  out (every entry as wide as the widest, wrapped at the plot's width); plotly.js otherwise moves the
  axis title up onto the tick labels;
- in a column narrower than `NARROW_PX` (640 px: a phone, a half-width column at 1280 px) the category
  labels beside the rows are broken too (on every y axis that writes them: panels one above the other) and
  keep to 45 % of the width (33 % beside a heatmap of more than six columns), rows get the height their
  lines need (in every panel), values stay upright in thin bars, and a heatmap that writes its values in
  the cells drops its colour bar;
- a heatmap whose cells are narrower than its values (at `VALUE_EM` of the font size a character) shows
  colours with its colour bar, and a cell's value on a tap (its hover text), instead of values run together.
The widths of text are estimates (`CHAR_PX`, 6,4 px a character of the 12-13 px app font), so a label can
be a few pixels off at another zoom; the browser tests check the result at 390, 768 and 1280 px.
"""

NARROW_PX = 640
FIT_WIDTH_JS = """const NARROW_PX = __NARROW__, LABEL_SHARE = 0.45, MATRIX_LABEL_SHARE = 0.33, CHAR_PX = 6.4;
const LINE_PX = 14, VALUE_EM = 0.6;
function breakLines(text, chars) {
  const lines = [];
  for (const word of String(text).split(" ")) {
    const last = lines.length - 1;
    if (last >= 0 && (lines[last] + " " + word).length <= chars) lines[last] += " " + word;
    else lines.push(word);
  }
  return lines;
}
function categories(traces, axis) {  // the first trace's text categories on this axis ("x"/"y"), or none
  const source = traces.find((t) => Array.isArray(t[axis]) && t[axis].some((v) => typeof v === "string"));
  return source ? [...new Set(source[axis])] : [];
}
function fitWidth(figure, width) {
  const narrow = width < NARROW_PX, layout = figure.layout, traces = figure.data || [];
  const margin = (layout.margin = { l: 80, r: 80, t: 100, b: 80, ...(layout.margin || {}) });
  layout.height = layout.height || 450;
  const grow = (side, px) => { margin[side] += px; layout.height += px; };
  const title = layout.title && layout.title.text;
  const titleLines = title ? breakLines(title, Math.floor(width / 9.5)) : [];
  if (titleLines.length > 1) {  // from the top of the figure down, with room for every line
    // (plotly.js sets a title of several lines 13 px higher than its pad says: hence 22, not 8)
    Object.assign(layout.title, { text: titleLines.join("<br>"), yref: "container", y: 1, yanchor: "top",
                                  pad: { t: 22 } });
    const topAxis = layout.xaxis && layout.xaxis.side === "top" ? 48 : 0;  // its tick labels and title
    const need = 30 + titleLines.length * 22 + topAxis;
    if (margin.t < need) grow("t", need - margin.t);
  }
  for (const t of traces) {
    if (t.name && t.showlegend !== false) t.name = breakLines(t.name, Math.floor(width / 7.5)).join("<br>");
    if (t.textposition === "outside" && margin.r < 48) margin.r = 48;  // a value after the longest bar
    if (!narrow) continue;
    if (t.type === "bar" && t.textangle === undefined) t.textangle = 0;  // no value turned in a thin bar
    if (t.type === "heatmap" && t.texttemplate) {  // the cells say their values: the colour bar can go
      t.textfont = { ...(t.textfont || {}), size: Math.min(12, (t.textfont || {}).size || 12) };
      t.showscale = false;
      margin.r = Math.min(margin.r, 20);
    }
  }
  const yaxis = (layout.yaxis = layout.yaxis || {}), xaxis = (layout.xaxis = layout.xaxis || {});
  // a matrix of many columns (the twelve factors) keeps its row labels to less of the width: its columns need it
  const manyColumns = traces.some((t) => t.type === "heatmap" && Array.isArray(t.z) && (t.z[0] || []).length > 6);
  const labelShare = manyColumns ? MATRIX_LABEL_SHARE : LABEL_SHARE;
  const rows = categories(traces, "y"), rowChars = Math.floor((width * labelShare) / CHAR_PX);
  if (narrow && rows.some((c) => String(c).length > rowChars)) {  // labels beside the rows: broken into lines
    const ticktext = rows.map((c) => breakLines(c, rowChars));
    // every y axis that writes the rows' labels (panels one above the other each have their own)
    const labelled = Object.keys(layout).filter((k) => /^yaxis[0-9]*$/.test(k) && layout[k].showticklabels !== false);
    for (const key of labelled) {
      Object.assign(layout[key], { tickmode: "array", tickvals: rows, ticktext: ticktext.map((l) => l.join("<br>")),
                                   tickfont: { size: 12 } });
    }
    if (yaxis.automargin === false) margin.l = Math.min(margin.l, Math.round(width * labelShare) + 14);
    const lines = Math.max(...ticktext.map((l) => l.length));
    // each panel holds every row: the plot must be tall enough for the panel with the smallest share of it
    const share = Math.min(...labelled.map((k) => { const d = layout[k].domain || [0, 1]; return d[1] - d[0]; }));
    const plot = layout.height - margin.t - margin.b, need = (rows.length * (lines * LINE_PX + 8)) / share;
    if (plot < need) layout.height += need - plot;
  }
  const plotWidth = Math.max(120, width - margin.l - margin.r);
  for (const t of traces) {  // a heatmap whose cells are too narrow for its values: colours and a colour bar,
    // the value on a tap (hover); written over each other, twelve columns of «−1,5» on a phone were unreadable
    if (t.type !== "heatmap" || !t.texttemplate || !Array.isArray(t.z) || !Array.isArray(t.z[0])) continue;
    const size = (t.textfont && t.textfont.size) || 12;
    const chars = Math.max(1, ...(t.text || []).flat().map((v) => String(v).length));
    if (chars * size * VALUE_EM + 4 <= plotWidth / t.z[0].length) continue;
    delete t.texttemplate;
    t.showscale = true;
    t.colorbar = { ...(t.colorbar || {}), thickness: 12 };
    xaxis.tickfont = { ...(xaxis.tickfont || {}), size: 10 };  // «10» «11» «12» apart, not «101112»
  }
  // titles of side-by-side panels (plotly's subplot titles: centred over each panel, at its top) broken to the
  // panel's width, with room above for their lines
  const panelTitles = (layout.annotations || []).filter((a) => a.xref === "paper" && a.yref === "paper" &&
    a.y === 1 && a.yanchor === "bottom" && a.xanchor === "center" && typeof a.text === "string");
  if (panelTitles.length > 1) {
    const chars = Math.floor(plotWidth / panelTitles.length / 8.5);  // 16 px titles: about 8,5 px a character
    const lines = panelTitles.map((a) => breakLines(a.text, chars));
    panelTitles.forEach((a, i) => { a.text = lines[i].join("<br>"); });
    const extra = Math.max(...lines.map((l) => l.length)) - 1;
    if (extra > 0) grow("t", extra * 20);
  }
  const columns = categories(traces, "x"), columnChars = Math.floor(plotWidth / Math.max(1, columns.length) / CHAR_PX);
  if (columns.some((c) => String(c).length > columnChars)) {  // labels under the columns, broken into lines:
    // upright where every word fits a column, else turned a quarter (a column then holds its lines side by side)
    const word = Math.max(...columns.flatMap((c) => String(c).split(" ").map((w) => w.length)));
    const upright = word <= columnChars, chars = upright ? columnChars : Math.max(word, 12);
    const ticktext = columns.map((c) => breakLines(c, chars));
    Object.assign(xaxis, { tickmode: "array", tickvals: columns, ticktext: ticktext.map((l) => l.join("<br>")),
                           tickangle: upright ? 0 : -90, tickfont: { size: 12 } });
    const lines = Math.max(...ticktext.map((l) => l.length));
    const need = upright ? lines * LINE_PX : Math.max(...ticktext.flat().map((l) => l.length)) * CHAR_PX;
    if (xaxis.automargin === false) grow("b", Math.max(0, need - LINE_PX));
  }
  let axisTitleLines = 0;
  if (xaxis.title && xaxis.title.text) {  // centred under the plot: broken to the plot's width
    const lines = breakLines(xaxis.title.text, Math.floor(plotWidth / 7.5));
    xaxis.title.text = lines.join("<br>");
    axisTitleLines = lines.length;
    if (xaxis.automargin === false && lines.length > 1) grow("b", (lines.length - 1) * 18);
  }
  const legend = layout.legend || {};
  if (legend.orientation === "h" && legend.yref === "container") {  // a legend at the foot, in rows
    if (narrow) layout.legend = Object.assign(legend, { xref: "container", x: 0 });  // from the figure's edge
    // plotly.js gives every entry the widest entry's width and wraps at the plot's width
    const names = traces.filter((t) => t.name && t.showlegend !== false).map((t) => String(t.name).split("<br>"));
    const entry = 70 + Math.max(0, ...names.flat().map((l) => l.length)) * 7;
    const rows = Math.ceil(names.length / Math.max(1, Math.floor(plotWidth / entry)));
    // the foot holds the tick labels, the axis title and the legend's rows; plotly.js would otherwise move the
    // axis title up onto the tick labels
    const need = 40 + axisTitleLines * 18 + Math.max(...names.map((l) => l.length), 1) * rows * 22;
    if (margin.b < need) grow("b", need - margin.b);
  }
}
""".replace("__NARROW__", str(NARROW_PX))
