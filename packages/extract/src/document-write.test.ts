import { describe, expect, it } from 'vitest';
import { expandDocumentWrite } from './document-write.ts';

describe('expandDocumentWrite', () => {
  it('puts the markup of literal document.write calls where the script stands', () => {
    const html = `<div><script>document.write("<p>一、\\"总体\\"情况</p>");\ndocument.writeln('<p>' + '二、\\u4e0b一步' + '</p>');</script></div>`;
    expect(expandDocumentWrite(html)).toBe('<div><p>一、"总体"情况</p><p>二、下一步</p></div>');
  });
  it('leaves scripts that write anything but literals, and external scripts', () => {
    const html = '<script>document.write(body)</script><script src="a.js">document.write("x")</script>';
    expect(expandDocumentWrite(html)).toBe(html);
  });
  it('leaves a template literal with a substitution', () => {
    const html = `<script>document.write(\`<p>\${x}</p>\`)</script>`;
    expect(expandDocumentWrite(html)).toBe(html);
  });
});
