// The stand-in for WeChat's payment sheet: an HTML page a browser e2e opens for a prepay_id and clicks.
import type { SimOrder } from './types';

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

export function payPageHtml(order: SimOrder, returnUrl: string | null, problem: string | null): string {
  const amount = (order.totalFen / 100).toFixed(2);
  const data = JSON.stringify({ prepay_id: order.prepayId, return_url: returnUrl }).replace(/</g, '\\u003c');
  const buttons = problem
    ? `<p class="problem" role="alert">${escapeHtml(problem)}</p>`
    : `<button id="pay" type="button">确认支付</button><button id="cancel" type="button" class="secondary">取消</button>`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>微信支付（模拟）</title>
<style>
body{font-family:-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:#f2f2f2;margin:0;padding:24px;color:#222}
main{max-width:420px;margin:0 auto;background:#fff;border-radius:12px;padding:24px;text-align:center}
.amount{font-size:40px;font-weight:600;margin:12px 0}.desc{font-size:18px;color:#555}.mch{font-size:14px;color:#888}
button{display:block;width:100%;font-size:20px;padding:14px;margin-top:16px;border:0;border-radius:8px;background:#07c160;color:#fff}
button.secondary{background:#eee;color:#333}button:disabled{opacity:.5}.problem,#result{font-size:18px;margin-top:16px}.problem{color:#c00}
.note{font-size:13px;color:#999;margin-top:24px}
</style></head><body><main>
<h1 class="desc">${escapeHtml(order.description)}</h1>
<p class="amount" data-testid="amount">¥${amount}</p>
<p class="mch">商户号 ${escapeHtml(order.mchid)} · 订单号 ${escapeHtml(order.outTradeNo)}</p>
${buttons}
<p id="result" role="status"></p>
<p class="note">这是开发用的微信支付模拟页面，不会真的扣款。</p>
</main>
<script>
const data = ${data};
async function act(path, doneText) {
  document.querySelectorAll('button').forEach((b) => (b.disabled = true));
  const result = document.getElementById('result');
  result.textContent = '请稍候…';
  try {
    const res = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ prepay_id: data.prepay_id }) });
    const body = await res.json();
    if (!res.ok) throw new Error(body.error && body.error.message ? body.error.message : '操作失败');
    result.textContent = doneText;
    // Done: the buttons go away so nobody taps a second time.
    document.querySelectorAll('button').forEach((b) => b.remove());
    if (data.return_url) setTimeout(() => location.assign(data.return_url), 300);
  } catch (err) {
    result.textContent = '没有成功：' + err.message + '，请返回后重试。';
    document.querySelectorAll('button').forEach((b) => (b.disabled = false));
  }
}
const pay = document.getElementById('pay');
if (pay) pay.onclick = () => act('/__dev/pay', '支付成功');
const cancel = document.getElementById('cancel');
if (cancel) cancel.onclick = () => act('/__dev/cancel', '已取消支付。订单没有付款，可以返回后重新支付。');
</script></body></html>`;
}
