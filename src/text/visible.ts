// Text from a coalition's files (a folder name, a question, a coalition's name)
// reaches the terminal. Control characters in it could move the cursor, rewrite
// a line or change colours, and bidirectional overrides could turn text around;
// so every human output shows them as visible escapes (\x1b, \u202e) instead.
// Line ends and tabs stay: they are layout.
const HIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function visible(text: string): string {
  return text.replace(HIDDEN, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
