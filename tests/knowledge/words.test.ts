import { describe, expect, it } from 'vitest';
import { mentionsMoney } from '../../src/knowledge/money.js';
import { nameWords } from '../../src/knowledge/words.js';

describe('nameWords', () => {
  it.each([
    ['userPassword', ['user', 'password']],
    ['STRIPE_SECRET_KEY', ['stripe', 'secret', 'key']],
    ['HTTPServer', ['http', 'server']],
    ['api-key.v2', ['api', 'key', 'v2']],
    ['src/services/paymentService.ts', ['src', 'services', 'payment', 'service', 'ts']],
    ['', []],
  ])('%s', (name, words) => expect(nameWords(name)).toEqual(words));
});

describe('mentionsMoney', () => {
  it.each(['chargeCard', 'order_items', 'PaymentService', 'refund', 'this.walletRepo.save', 'orders.service.ts', 'createOrder', 'Promise.all([stock.decrement()])', 'settlementId', 'getPrices'])(
    '%s mentions money',
    (text) => expect(mentionsMoney(text)).toBe(true),
  );
  it.each(['parsePayload', 'Promise.allSettled', 'loadBalancer', 'recorder', 'sortOrder', 'displayOrder', 'orderBy', 'orderIndex', 'border', 'discharge', 'reorder', 'priceless', 'livestock', ''])(
    '%s mentions none',
    (text) => expect(mentionsMoney(text)).toBe(false),
  );
});
