import { describe, expect, it } from 'vitest';
import { noticeHtmlToText, noticeTextToHtml, parseNoticeText, segmentsOf } from './notice-body';

describe('notice body markup', () => {
  it('turns paragraphs, line breaks, headings, lists and bold into HTML', () => {
    const text = '## 活动安排\n\n各位党员：\n请于**12月10日**前报名。\n\n- 上午 学习\n- 下午 志愿服务\n\n幸福村党支部';
    expect(noticeTextToHtml(text)).toBe(
      '<h4>活动安排</h4><p>各位党员：<br>请于<strong>12月10日</strong>前报名。</p>' +
        '<ul><li>上午 学习</li><li>下午 志愿服务</li></ul><p>幸福村党支部</p>',
    );
  });

  it('escapes what looks like HTML, so the text stays text', () => {
    expect(noticeTextToHtml('<script>alert(1)</script> & "引号"')).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;引号&quot;</p>',
    );
  });

  it('keeps an unpaired ** as text and gives no blocks for blank text', () => {
    expect(segmentsOf('a ** b')).toEqual([{ text: 'a ** b', strong: false }]);
    expect(parseNoticeText(' \n\n ')).toEqual([]);
    expect(noticeTextToHtml('')).toBe('');
  });

  it('separates a list from the paragraph right before or after it', () => {
    expect(parseNoticeText('议程：\n- 一\n- 二\n散会').map((b) => b.kind)).toEqual(['paragraph', 'list', 'paragraph']);
  });

  it('reads a stored body back into the markup, so a draft edits as it was written', () => {
    const text =
      '## 活动安排\n\n各位党员：\n请于**12月10日**前报名 <务必> & 准时。\n\n- 上午 学习\n- 下午 志愿服务\n\n幸福村党支部';
    expect(noticeHtmlToText(noticeTextToHtml(text))).toBe(text);
  });

  it('keeps only the text of tags it does not write', () => {
    expect(noticeHtmlToText('<p>见<a href="https://example.org">链接</a></p><table><tr><td>表</td></tr></table>')).toBe(
      '见链接\n\n表',
    );
  });
});
