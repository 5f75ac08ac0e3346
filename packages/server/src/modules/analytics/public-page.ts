import {
  formatDate,
  FormDecimal,
  PIVOT_DIMENSION_LABELS,
  type PivotHeader,
  type PivotResult,
  type PublicDataset,
  SUBTOTAL_LABEL,
  TOTAL_LABEL,
} from '@baocao/core';
import type { FastifyReply } from 'fastify';
import type { App, Deps } from '../../http/types.ts';
import { findPublicDataset, publicSnapshots } from './public.ts';
import { rootUnitName } from './public-queries.ts';

/**
 * The public portal (công khai thông tin) as server-rendered HTML: readable on a phone, without
 * script, from the monthly snapshots only (never the facts). Outside the API prefix and without
 * login; registered before the web app's fallback, so these paths are never the SPA's.
 */
export function publicPortalPages(app: App, { db }: Deps): void {
  // Pages for people, not API operations: kept out of the OpenAPI document.
  const options = { schema: { hide: true } };
  app.get('/cong-khai', options, async (_request, reply) => {
    const [province, datasets] = await Promise.all([rootUnitName(db), publicSnapshots(db)]);
    return sendPage(reply, 200, listPage(province, datasets));
  });

  app.get<{ Params: { id: string } }>('/cong-khai/:id', options, async (request, reply) => {
    const { id } = request.params;
    const province = await rootUnitName(db);
    if (id === '') return sendPage(reply, 200, listPage(province, await publicSnapshots(db)));
    const dataset = UUID.test(id) ? await findPublicDataset(db, id) : null;
    if (!dataset) return sendPage(reply, 404, notFoundPage(province));
    return sendPage(reply, 200, datasetPage(province, dataset));
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;
const PORTAL_NAME = 'Công khai thông tin số liệu';
/** The list page shows a dataset's whole table only up to this many cells; larger ones on their own page. */
const LIST_TABLE_CELLS = 1000;
const CHART_BARS = 40;

function sendPage(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', status === 200 ? 'public, max-age=300' : 'public, max-age=60')
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'")
    .send(html);
}

// ---------- Text ----------

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every text that reaches the page goes through this: titles and labels are typed by users. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => HTML_ESCAPES[c]!);
}

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/u;

/** Exact decimal text in Vietnamese: "1234567.5" → "1.234.567,5" (from its digits, no float; at most 6 places). */
export function formatDecimalText(value: string): string {
  if (!DECIMAL_TEXT.test(value)) return value;
  let text = value;
  if ((text.split('.')[1] ?? '').length > 6) text = new FormDecimal(text).toFixed(6).replace(/\.?0+$/u, '');
  const negative = text.startsWith('-');
  const [int = '0', frac] = (negative ? text.slice(1) : text).split('.');
  const out = int.replace(/\B(?=(\d{3})+(?!\d))/gu, '.') + (frac ? `,${frac}` : '');
  return negative && /[1-9]/u.test(out) ? `-${out}` : out;
}

/** "2026-11" → "11/2026". */
function monthText(month: string): string {
  const [year, m] = month.split('-');
  return `${m}/${year}`;
}

function paragraphs(text: string | null): string {
  if (!text) return '';
  return text
    .split(/\n+/u)
    .filter((line) => line.trim() !== '')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('');
}

// ---------- Pages ----------

function layout(province: string | null, title: string, main: string): string {
  const provinceName = province ?? 'Hệ thống thông tin báo cáo';
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — ${escapeHtml(provinceName)}</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#noi-dung">Bỏ qua, đến nội dung chính</a>
<header class="site"><div class="wrap">
<p class="province">${escapeHtml(provinceName)}</p>
<p class="portal"><a href="/cong-khai">${PORTAL_NAME}</a></p>
</div></header>
<main id="noi-dung" class="wrap">
${main}
</main>
<footer class="site"><div class="wrap">
<p>${escapeHtml(provinceName)} — số liệu tổng hợp từ các báo cáo đã được tiếp nhận, cập nhật hằng tháng.</p>
</div></footer>
</body>
</html>
`;
}

function listPage(province: string | null, datasets: PublicDataset[]): string {
  const body = datasets.length
    ? datasets.map((d) => datasetSection(d)).join('\n')
    : '<p class="empty">Hiện chưa có bộ dữ liệu nào được công khai.</p>';
  const count = datasets.length ? `<p class="meta">${datasets.length} bộ dữ liệu đang được công khai.</p>` : '';
  return layout(province, PORTAL_NAME, `<h1>${PORTAL_NAME}</h1>\n${count}\n${body}`);
}

function datasetSection(d: PublicDataset): string {
  const id = `ds-${d.id}`;
  const cells = d.result.rows.length * d.result.columns.length;
  const table =
    cells <= LIST_TABLE_CELLS
      ? pivotTable(d, id)
      : `<p><a href="/cong-khai/${d.id}">Xem bảng số liệu đầy đủ (${formatDecimalText(String(cells))} ô số liệu)</a></p>`;
  return `<section class="dataset" aria-labelledby="${id}-h">
<h2 id="${id}-h"><a href="/cong-khai/${d.id}">${escapeHtml(d.title)}</a></h2>
${updated(d)}
${paragraphs(d.description)}
${barChart(d.result, id)}
${table}
${notes(d.result)}
</section>`;
}

function datasetPage(province: string | null, d: PublicDataset): string {
  const main = `<nav aria-label="Đường dẫn" class="crumbs"><a href="/cong-khai">${PORTAL_NAME}</a> › <span aria-current="page">${escapeHtml(d.title)}</span></nav>
<h1>${escapeHtml(d.title)}</h1>
${updated(d)}
${paragraphs(d.description)}
${barChart(d.result, 'ds')}
${pivotTable(d, 'ds')}
${notes(d.result)}`;
  return layout(province, d.title, main);
}

function notFoundPage(province: string | null): string {
  const main = `<h1>Không tìm thấy bộ dữ liệu</h1>
<p>Bộ dữ liệu bạn tìm không tồn tại hoặc đã ngừng công khai.</p>
<p><a href="/cong-khai">Xem các bộ dữ liệu đang được công khai</a></p>`;
  return layout(province, 'Không tìm thấy bộ dữ liệu', main);
}

function updated(d: PublicDataset): string {
  return `<p class="meta">Số liệu cập nhật tháng <time datetime="${escapeHtml(d.month)}">${escapeHtml(monthText(d.month))}</time> (lấy ngày ${formatDate(d.snapshotAt)}).</p>`;
}

function notes(result: PivotResult): string {
  const lines = [...result.notes, 'Dấu “–”: không có số liệu.'];
  return `<div class="notes">${lines.map((n) => `<p>${escapeHtml(n)}</p>`).join('')}</div>`;
}

// ---------- The table ----------

/** "Sở Y tế – Tháng 1/2026"; a sub-total "Cộng Sở Y tế" (core puts its word last); the grand total "Tổng cộng". */
function headerText(h: PivotHeader): string {
  if (h.kind === 'total') return h.labels[0] ?? TOTAL_LABEL;
  if (h.kind === 'subtotal') return `${SUBTOTAL_LABEL} ${h.labels.slice(0, -1).join(' – ')}`;
  return h.labels.join(' – ');
}

function unitsOfMeasure(result: PivotResult): string {
  const units = [...new Set(result.indicators.map((i) => i.unitOfMeasure).filter((u): u is string => !!u))];
  if (units.length === 0) return '';
  if (units.length === 1) return `Đơn vị tính: ${units[0]}`;
  return `Đơn vị tính: ${result.indicators.map((i) => `${i.name} — ${i.unitOfMeasure ?? 'không có'}`).join('; ')}`;
}

function pivotTable(d: PublicDataset, id: string): string {
  const r = d.result;
  const corner = r.rowDimensions.map((dim) => PIVOT_DIMENSION_LABELS[dim]).join(' / ') || 'Số liệu';
  const uom = unitsOfMeasure(r);
  const head = `<tr><th scope="col">${escapeHtml(corner)}</th>${r.columns.map((c) => `<th scope="col">${escapeHtml(headerText(c))}</th>`).join('')}</tr>`;
  const body = r.rows
    .map((row, i) => {
      const cells = r.columns.map((_, c) => {
        const v = r.cells[i]?.[c] ?? null;
        return v === null ? '<td class="num">–</td>' : `<td class="num">${escapeHtml(formatDecimalText(v))}</td>`;
      });
      return `<tr class="${row.kind}"><th scope="row">${escapeHtml(headerText(row))}</th>${cells.join('')}</tr>`;
    })
    .join('\n');
  return `<div class="table-wrap" role="region" aria-labelledby="${id}-cap" tabindex="0">
<table>
<caption id="${id}-cap">${escapeHtml(d.title)}${uom ? `<span class="uom">${escapeHtml(uom)}</span>` : ''}</caption>
<thead>${head}</thead>
<tbody>
${body}
</tbody>
</table>
</div>`;
}

// ---------- The chart ----------

interface Bar {
  label: string;
  value: string;
}

/**
 * The bars: one per row of the outermost row dimension (its members, or its subtotals when rows are
 * nested), valued at the grand-total column — or at the only column. None when that cannot be read.
 */
function chartBars(r: PivotResult): Bar[] {
  const totalColumn = r.columns.findIndex((c) => c.kind === 'total');
  const column = totalColumn >= 0 ? totalColumn : r.columns.length === 1 ? 0 : -1;
  if (column < 0 || r.rowDimensions.length === 0) return [];
  const nested = r.rowDimensions.length > 1;
  return r.rows.flatMap((row, i) => {
    const top = nested ? row.kind === 'subtotal' && row.keys.length === 1 : row.kind === 'member';
    const value = r.cells[i]?.[column] ?? null;
    return top && value !== null && DECIMAL_TEXT.test(value) ? [{ label: row.labels[0] ?? '', value }] : [];
  });
}

function barChart(r: PivotResult, id: string): string {
  const all = chartBars(r);
  if (all.length < 2) return '';
  const bars = all.slice(0, CHART_BARS);
  const max = Math.max(...bars.map((b) => Number(b.value)), 0);
  // A narrow drawing shown at most 32rem wide: its 13px text stays readable from a phone to a desktop.
  const width = 420;
  const labelRow = 18;
  const step = 44;
  const barWidth = width - 95;
  const height = bars.length * step + 4;
  const dimension = PIVOT_DIMENSION_LABELS[r.rowDimensions[0]!].toLowerCase();
  const title = `Biểu đồ tổng số liệu theo ${dimension}`;
  const desc = bars.map((b) => `${b.label}: ${formatDecimalText(b.value)}`).join('; ');
  const shapes = bars
    .map((b, i) => {
      const y = i * step;
      const w = max > 0 ? Math.max(0, (Number(b.value) / max) * barWidth) : 0;
      const label = b.label.length > 56 ? `${b.label.slice(0, 55)}…` : b.label;
      return `<text x="0" y="${y + 14}">${escapeHtml(label)}</text>
<rect x="0" y="${y + labelRow + 2}" width="${w.toFixed(1)}" height="16" rx="2" fill="#1f5fbf"/>
<text x="${(w + 6).toFixed(1)}" y="${y + labelRow + 15}" class="v">${escapeHtml(formatDecimalText(b.value))}</text>`;
    })
    .join('\n');
  const more = all.length > bars.length ? ` (${bars.length} dòng đầu trong số ${all.length})` : '';
  return `<figure class="chart">
<svg role="img" aria-labelledby="${id}-ct ${id}-cd" viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="xMinYMin meet">
<title id="${id}-ct">${escapeHtml(title)}</title>
<desc id="${id}-cd">${escapeHtml(desc)}</desc>
${shapes}
</svg>
<figcaption>${escapeHtml(title)}${escapeHtml(more)}; số liệu chi tiết ở bảng dưới đây.</figcaption>
</figure>`;
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:#1a1a1a;background:#fff}
.wrap{max-width:72rem;margin:0 auto;padding:0 1rem}
a{color:#0b4ea2}
header.site{background:#a3120f;color:#fff;padding:.75rem 0}
header.site a{color:#fff}
header.site p{margin:0}
.province{font-weight:700;text-transform:uppercase;letter-spacing:.02em}
h1{font-size:1.6rem;line-height:1.25;margin:1.25rem 0 .5rem}
h2{font-size:1.25rem;line-height:1.3;margin:0 0 .25rem}
.crumbs{margin-top:1rem;font-size:.9rem}
.meta,.notes,figcaption{color:#555}
.notes,figcaption{font-size:.9rem}
.notes p{margin:.25rem 0}
section.dataset{border-top:1px solid #d0d7de;padding:1.25rem 0}
.table-wrap{overflow-x:auto;border:1px solid #d0d7de;margin:.75rem 0}
.table-wrap:focus{outline:2px solid #0b4ea2;outline-offset:2px}
table{border-collapse:collapse;min-width:100%;font-size:.95rem}
caption{text-align:left;padding:.5rem .75rem;font-weight:600}
.uom{display:block;font-weight:400;color:#555;font-size:.9rem}
th,td{padding:.4rem .75rem;border-bottom:1px solid #e3e8ee;vertical-align:top}
thead th{background:#f3f5f8;text-align:right;white-space:nowrap}
thead th:first-child,tbody th{text-align:left}
tbody th{font-weight:400;min-width:9rem;position:sticky;left:0;background:#fff}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.subtotal th,tr.subtotal td{font-weight:600;background:#fafbfc}
tr.total th,tr.total td{font-weight:700;background:#f3f5f8}
figure{margin:.75rem 0}
figure.chart svg{display:block;max-width:32rem}
svg text{font-size:13px;fill:#1a1a1a}
svg text.v{font-variant-numeric:tabular-nums}
.skip{position:absolute;left:-999px}
.skip:focus{left:1rem;top:1rem;background:#fff;color:#000;padding:.5rem}
footer.site{border-top:1px solid #d0d7de;margin-top:2rem;padding:.5rem 0;color:#555;font-size:.9rem}
@media print{header.site{background:none;color:#000}header.site a{color:#000}.table-wrap{overflow:visible;border:0}}
`;
