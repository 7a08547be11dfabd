/**
 * Work that is best-effort by contract, told by the names it goes by: a failure there is dropped on purpose.
 * Each pattern is tested against one whole name read from the AST (a callee's last name, a property's key).
 */

/** Typing indicators: `sendTyping(chatId)`, `channel.setTypingIndicator(…)`, `typing()`. */
export const TYPING_INDICATOR_CALL = /^(?:send|set|start|stop|show)?[Tt]yping(?:Indicator|Action|Status)?$/;

/** "Last used" timestamps written beside a read: `lastUsedAt: new Date()`, `lastSeen: now`. */
export const LAST_TOUCH_FIELD = /^last(?:Used|Seen|Active|Accessed|Activity)(?:At|On|Date)?$/;
