// Tiny HTML building for the server-rendered pages: every interpolated value goes through `esc`
// unless it is already `Html` made here, so report text can never inject markup.
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = Html | string | number | null | undefined | false | Html[];

export const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const render = (p: Part): string => {
  if (p === null || p === undefined || p === false) return '';
  if (p instanceof Html) return p.value;
  if (Array.isArray(p)) return p.map(render).join('');
  return esc(String(p));
};

export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let out = strings[0] ?? '';
  parts.forEach((p, i) => {
    out += render(p) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

const CSS = `
*{box-sizing:border-box}body{margin:0;font:16px/1.6 system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;color:#1b1f24;background:#f6f7f9}
header{background:#1d3557;color:#fff;padding:.6rem 1rem;display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;align-items:center}
header a{color:#fff;text-decoration:none;font-weight:600}header .brand{font-size:1.15rem;margin-right:auto}
main{max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.35rem;line-height:1.35;margin:.4rem 0 .8rem}h2{font-size:1.1rem;margin:1.4rem 0 .5rem}
a{color:#1d4ed8}form.search{display:flex;flex-wrap:wrap;gap:.5rem;margin:0 0 1rem}
form.search input[type=search]{flex:1 1 14rem;font-size:1rem;padding:.5rem .6rem;border:1px solid #b6bcc6;border-radius:6px}
select,button{font-size:1rem;padding:.45rem .6rem;border-radius:6px;border:1px solid #b6bcc6;background:#fff}
button{background:#1d3557;color:#fff;border-color:#1d3557;cursor:pointer}
table{width:100%;border-collapse:collapse;background:#fff}th,td{text-align:left;padding:.5rem .6rem;border-bottom:1px solid #e3e6ea;vertical-align:top}
th{font-size:.85rem;color:#555;font-weight:600}.muted{color:#667}.num{text-align:right;white-space:nowrap}
.card{background:#fff;border:1px solid #e3e6ea;border-radius:8px;padding:.8rem 1rem;margin:.6rem 0}ul.card{padding-left:2rem}
.text p{margin:.3rem 0 .7rem;text-indent:2em}.outline li{margin:.15rem 0}.outline .l2{margin-left:1.2rem}.outline .l3{margin-left:2.4rem}
.diff{font-size:.95rem}.diff div{padding:.15rem .5rem;white-space:pre-wrap;word-break:break-all}
.diff .add{background:#e6ffec}.diff .del{background:#ffebe9;text-decoration:line-through;text-decoration-color:#c33}
.diff .add::before{content:"+ ";color:#1a7f37}.diff .del::before{content:"− ";color:#c33}
.pager{margin:1rem 0}.badge{display:inline-block;font-size:.8rem;padding:0 .4rem;border-radius:4px;background:#e8eef9;color:#1d3557}
@media (max-width:640px){
 table.list thead{display:none}table.list tr{display:block;background:#fff;border-bottom:1px solid #e3e6ea;padding:.5rem .2rem}
 table.list td{display:inline-block;border:0;padding:.1rem .4rem}table.list td.title{display:block;font-weight:600}
 table.list td[data-label]::before{content:attr(data-label) ": ";color:#667;font-size:.85rem}
}`;

export function page(title: string, body: Html): string {
  return html`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title} · govwatch</title><style>${new Html(CSS)}</style></head>
<body><header><a class="brand" href="/">govwatch 法治政府建设报告</a><a href="/">报告 Reports</a><a href="/ui/watch">公开情况 Watch</a><a href="/ui/runs">运行 Runs</a><a href="/ui/sites">站点 Sites</a></header>
<main>${body}</main></body></html>`.value;
}
