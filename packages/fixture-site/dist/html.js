// src/html.ts
function esc(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
var DATE_LINE = /^\d{4}年\d{1,2}月\d{1,2}日$/;
function signatureLength(paragraphs) {
  const n = paragraphs.length;
  const last = paragraphs[n - 1];
  if (last === void 0 || !DATE_LINE.test(last)) return 0;
  const before = paragraphs[n - 2];
  return before !== void 0 && before.length <= 20 && !/[。：:；]$/.test(before) ? 2 : 1;
}
function linkBoxes() {
  const provinces = ["\u5317\u4EAC", "\u5929\u6D25", "\u6CB3\u5317", "\u5C71\u897F", "\u4E0A\u6D77", "\u6C5F\u82CF", "\u6D59\u6C5F", "\u6E56\u5317", "\u6C5F\u897F", "\u56DB\u5DDD"];
  return `<div class="link-boxes">
  <div class="link-box"><span class="link-title">\u5168\u56FD\u5404\u7701\u5E02\u653F\u5E9C\u7F51\u7AD9</span><ul>${provinces.map((p, i) => `<li><a href="http://www.gov${i + 1}.example.invalid/" target="_blank">${p}</a></li>`).join("")}</ul></div>
  <div class="link-box"><span class="link-title">\u91CD\u70B9\u94FE\u63A5</span><ul><li><a href="http://www.gov.example.invalid/" target="_blank">\u4E2D\u56FD\u653F\u5E9C\u7F51</a></li><li><a href="http://www.mps.example.invalid/" target="_blank">\u516C\u5B89\u90E8</a></li></ul></div>
</div>`;
}
function footer(siteName) {
  return `<div class="footer">
  ${linkBoxes()}
  <div class="footer-nav"><a href="/sitemap.html">\u7F51\u7AD9\u5730\u56FE</a> | <a href="/contact.html">\u8054\u7CFB\u6211\u4EEC</a> | <a href="/statement.html">\u7F51\u7AD9\u58F0\u660E</a></div>
  <div class="footer-info">
    <p>\u4E3B\u529E\u5355\u4F4D\uFF1A${esc(siteName)} &nbsp; \u7248\u6743\u6240\u6709\uFF1A${esc(siteName)}</p>
    <p><a href="https://beian.miit.example.invalid/" target="_blank">\u4EACICP\u590705012345\u53F7-1</a> &nbsp; <img src="/images/ga.png" alt=""><a href="http://www.beian.example.invalid/" target="_blank">\u4EAC\u516C\u7F51\u5B89\u5907 11010502030123\u53F7</a> &nbsp; \u7F51\u7AD9\u6807\u8BC6\u7801\uFF1A1100000012</p>
  </div>
</div>`;
}
export {
  esc,
  footer,
  linkBoxes,
  signatureLength
};
//# sourceMappingURL=html.js.map
