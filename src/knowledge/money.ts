import { nameWords } from './words.js';

/**
 * Words that put money or stock in a code path (a risk factor of every rule), compared with whole words of a name
 * or text (`chargeCard`, `order_items`, `PaymentService`), never substrings: `parsePayload`, `loadBalancer`,
 * `recorder` and `Promise.allSettled` mention no money.
 */
const MONEY_WORDS = new Set([
  'pay', 'pays', 'paid', 'paying', 'payment', 'payments', 'payout', 'payouts', 'payer', 'payee', 'payable', 'repay', 'repayment',
  'charge', 'charges', 'charged', 'refund', 'refunds', 'refunded', 'order', 'orders', 'invoice', 'invoices', 'invoiced',
  'balance', 'balances', 'wallet', 'wallets', 'stock', 'stocks', 'inventory', 'inventories', 'billing', 'checkout', 'checkouts',
  'ledger', 'ledgers', 'transfer', 'transfers', 'withdraw', 'withdrawal', 'withdrawals', 'deposit', 'deposits', 'price', 'prices',
  'pricing', 'subscription', 'subscriptions', 'purchase', 'purchases', 'purchased', 'settle', 'settlement', 'settlements',
]);

/** `order` as a position, not a purchase: `sortOrder`, `displayOrder`, `orderBy`, `orderIndex`. */
const ORDER_AS_POSITION_BEFORE = new Set(['sort', 'sorting', 'display', 'tab', 'z', 'column', 'sibling', 'menu', 'field', 'byte', 'reverse']);
const ORDER_AS_POSITION_AFTER = new Set(['by', 'index', 'idx', 'direction', 'dir', 'position', 'pos', 'rank']);

/** True when a name or text mentions money or stock. */
export function mentionsMoney(text: string): boolean {
  const words = nameWords(text);
  return words.some((w, i) => {
    if (!MONEY_WORDS.has(w)) return false;
    if (w !== 'order' && w !== 'orders') return true;
    return !ORDER_AS_POSITION_BEFORE.has(words[i - 1] ?? '') && !ORDER_AS_POSITION_AFTER.has(words[i + 1] ?? '');
  });
}

// stripe.paymentIntents.create(...), this.stripe.refunds.create(...): external money movement, not the database
export const PAYMENT_SDK = /^(this\.)?(stripe|paypal|braintree|adyen|squareClient|razorpay|mollie|checkout|paddle)\./i;
