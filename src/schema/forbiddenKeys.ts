/** Keys no file may hold (they reach an object's prototype): the parsers refuse them, and overlay paths too. */
export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
