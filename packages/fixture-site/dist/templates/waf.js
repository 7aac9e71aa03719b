// src/templates/waf.ts
function renderWafChallenge(seed) {
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
<noscript>\u8BF7\u5F00\u542FJavaScript\u5E76\u5237\u65B0\u8BE5\u9875.</noscript>
</body></html>
`;
}
export {
  renderWafChallenge
};
//# sourceMappingURL=waf.js.map
