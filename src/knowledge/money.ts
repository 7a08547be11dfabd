/** Words that put money or stock in a code path (a risk factor of every rule). */
const MONEY_WORDS = /pay|charge|refund|order|invoice|balance|wallet|stock|inventory|billing|checkout|ledger|transfer|withdraw|deposit|price|subscription|purchase|settle|payout/i;

/** True when a name or text mentions money or stock. */
export function mentionsMoney(text: string): boolean {
  return MONEY_WORDS.test(text);
}
