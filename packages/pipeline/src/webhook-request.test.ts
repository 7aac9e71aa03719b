import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signBody, verifySignature, webhookJobId, webhookRequest } from './webhook-request.ts';

const event = {
  id: '42',
  type: 'report.created' as const,
  reportId: 'r1',
  payload: { title: '宜春市公安局2023年法治政府建设工作情况报告' },
  createdAt: '2026-01-01T00:00:00.000Z',
};

describe('webhook request', () => {
  it('signs the exact body with HMAC-SHA256 of the secret', () => {
    const { body, headers } = webhookRequest(event, 's3cret', 'govwatch/0.1');
    expect(JSON.parse(body)).toEqual(event);
    const hex = createHmac('sha256', 's3cret').update(Buffer.from(body, 'utf8')).digest('hex');
    expect(headers['X-Govwatch-Signature']).toBe(`sha256=${hex}`);
    expect(headers['X-Govwatch-Event']).toBe('report.created');
    expect(headers['X-Govwatch-Delivery']).toBe('42');
    expect(verifySignature(body, 's3cret', headers['X-Govwatch-Signature'])).toBe(true);
    expect(verifySignature(`${body} `, 's3cret', headers['X-Govwatch-Signature'])).toBe(false);
    expect(verifySignature(body, 'other', headers['X-Govwatch-Signature'])).toBe(false);
    expect(verifySignature(body, 's3cret', undefined)).toBe(false);
    expect(signBody('', 'k')).toMatch(/^sha256=[0-9a-f]{64}$/);
  });

  it('gives one deterministic job id per event and URL, without ":"', () => {
    const a = webhookJobId('42', 'http://a.example/hook');
    expect(a).toBe(webhookJobId('42', 'http://a.example/hook'));
    expect(a).not.toBe(webhookJobId('42', 'http://b.example/hook'));
    expect(a).not.toBe(webhookJobId('43', 'http://a.example/hook'));
    expect(a).not.toContain(':');
  });
});
