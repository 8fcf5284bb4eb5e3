// How long a message reads: its first sentence, with code spans kept whole (`a.b` does not end one).
'use strict';

/** The text up to the first `.`, `!` or `?` that is outside backticks and followed by a space or the end. */
function firstSentence(message) {
  let code = false;
  for (let i = 0; i < message.length; i++) {
    const c = message[i];
    if (c === '`') code = !code;
    else if (!code && (c === '.' || c === '!' || c === '?') && (i + 1 === message.length || /\s/.test(message[i + 1]))) {
      return message.slice(0, i + 1);
    }
  }
  return message;
}

/** How many sentences a paragraph has, by the same rule. */
function sentenceCount(text) {
  let n = 0;
  let rest = text.trim();
  while (rest.length > 0) {
    const s = firstSentence(rest);
    n++;
    rest = rest.slice(s.length).trim();
  }
  return n;
}

module.exports = { firstSentence, sentenceCount };
