// A WAF JavaScript challenge (Jiasule __jsl_clearance / Aliyun acw_sc__v2 style). Served with
// status 200 and no content, so a crawler must recognise it rather than store it.
export function renderWafChallenge(seed: string): string {
  return `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>
<body>
<script>
var arg1='${seed}';
if (document.cookie.indexOf('__jsl_clearance') < 0) {
  document.cookie='__jsl_clearance=1711000000.123|0|' + arg1.slice(0, 16) + ';max-age=3600;path=/';
  document.cookie='acw_sc__v2=' + arg1.split('').reverse().join('') + ';max-age=3600;path=/';
  location.reload();
}
</script>
<noscript>请开启JavaScript并刷新该页.</noscript>
</body></html>
`;
}
