// src/classify.ts
var WAF_COOKIE = /__jsl_clearance|acw_sc__v2|acw_tc|cdn_sec_tc|_waf_bd8ce2ce37/i;
var JS_WALL = /Please enable JavaScript|enable JavaScript and cookies|请(开启|启用|打开)\s*JavaScript|浏览器安全检查|正在进行安全验证/i;
var NOT_FOUND = /(^|\D)404(\D|$)|页面不存在|页面未找到|找不到(该|您要的|您访问的)?页面|not found|页面已失效|您访问的页面|访问的(资源|内容)不存在/i;
var DELETED = /(信息|文章|内容|页面|稿件|新闻)(已|已经)?(被)?(删除|撤销|撤回|下线|过期)|(信息|文章|内容)不存在/;
var GOV_INFO_DISCLOSURE = /政府信息公开/;
var NEWS_TITLE = /召开|举行|举办|发布|印发|公布|解读|图解|部署|调研|督导|督查|荣获|获评|入选|推进会|座谈会|《[^》]*法治政府建设[^》]*》/;
var REPORT_TITLE_END = /(报告|情况|总结)$/;
var TITLE_TAIL = /[\s（(【[]*(全文|摘要|正文|简版)?[)）】\]]*[。.!！\s]*$/;
var SHORT_PAGE = 500;
function finish(pageKind, reasons) {
  return { pageKind, isReport: pageKind === "report", reasons };
}
function classify(i) {
  const textLen = i.text.length;
  const keywords = i.titleKeywords.length > 0 ? i.titleKeywords : ["\u6CD5\u6CBB\u653F\u5E9C\u5EFA\u8BBE"];
  if (i.proseChars < 200 && WAF_COOKIE.test(i.html)) return finish("challenge", ["WAF challenge page (anti-bot cookie script), not content"]);
  if ((textLen < 50 || i.proseChars < 100 && JS_WALL.test(i.text)) && JS_WALL.test(i.html)) {
    return finish("challenge", ["JavaScript wall: the page asks to enable JavaScript and shows nothing else"]);
  }
  const shortText = `${i.rawTitle}
${i.text}`;
  if (textLen < SHORT_PAGE && i.proseChars < 200 && NOT_FOUND.test(shortText)) return finish("notFound", ["page says it does not exist (404)"]);
  if (textLen < SHORT_PAGE && DELETED.test(i.text)) return finish("deleted", ["page says the information was deleted"]);
  const headline = i.title !== null && !i.titleIsSiteName && (i.hasDateline || i.title.replace(/\s/g, "").length >= 12);
  const proseUnderTitle = headline && i.proseChars >= 40 && i.bodyListEntries < 3;
  if (i.listEntries >= 8 && i.proseChars < 400 && i.attachments.length === 0 && !proseUnderTitle) {
    return finish("list", [`list/column page: ${i.listEntries} link entries, little prose`]);
  }
  if (textLen === 0 && i.attachments.length === 0) return finish("empty", ["no visible text"]);
  const bodyEvidence = i.sections.filter((s) => s.level === 1).length >= 2 || i.hasSignature || textLen >= 1500;
  const attachmentOnly = i.attachments.length > 0 && i.proseChars < 300;
  if (!i.title || i.titleIsSiteName) {
    const opening = i.text.slice(0, 300);
    const inHeadings = i.sections.some((s) => s.level === 1 && keywords.some((k) => s.heading.includes(k)));
    const inOpening = keywords.some((k) => opening.includes(k));
    if ((inHeadings || inOpening) && i.sections.filter((s) => s.level === 1).length >= 2 && textLen >= 1e3 && !GOV_INFO_DISCLOSURE.test(opening)) {
      return finish("report", ["no title; body is an outlined report on the keyword topic"]);
    }
    return finish("article", ["no title and the body does not read as a report"]);
  }
  const title = i.title;
  if (!keywords.some((k) => title.includes(k))) return finish("article", [`title lacks ${keywords.join("/")}`]);
  if (GOV_INFO_DISCLOSURE.test(title)) return finish("article", ["\u653F\u5E9C\u4FE1\u606F\u516C\u5F00 report, not a \u6CD5\u6CBB\u653F\u5E9C\u5EFA\u8BBE report"]);
  if (NEWS_TITLE.test(title)) return finish("article", ["title reads as news about the work, not the report"]);
  if (!REPORT_TITLE_END.test(title.replace(TITLE_TAIL, ""))) return finish("article", ["title is not a report title (\u62A5\u544A/\u60C5\u51B5/\u603B\u7ED3)"]);
  if (attachmentOnly) return finish("report", ["report title; the body only points to an attachment: the report text is in the attachment"]);
  if (!bodyEvidence) return finish("article", ["report title but body too short and without outline or signature"]);
  return finish("report", ["report title and body (outline/signature/length)"]);
}
export {
  classify
};
//# sourceMappingURL=classify.js.map
