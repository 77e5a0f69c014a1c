// Where Windows-1252 differs from Latin-1: bytes 0x80–0x9F are printable characters (curly quotes, dashes, €),
// not C1 controls. Some runtimes' TextDecoder('windows-1252') returns the controls (Node.js before 23 does), so
// they are mapped here; where the decoder is right this changes nothing. 0x81, 0x8D, 0x8F, 0x90 and 0x9D have
// no character and stay as they are.
const HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const C1 = /[\u0080-\u009F]/g;

export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252').decode(bytes).replace(C1, (c) => HIGH[c.charCodeAt(0) - 0x80] ?? c);
}
