/**
 * @module Plain-text clean-up shared by the reply readers. Written with split and trimEnd, not a
 * regex like /[ \t]+$/gm: that one backtracks over every run of spaces, and a mail with 100,000
 * spaces before a letter kept a core busy for two minutes.
 */

/** Line ends as \n, and no spaces at the end of a line. */
export function trimLineEnds(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n');
}

/** Also no more than one blank line in a row, and none at the start or the end. */
export function tidyText(text: string): string {
  return trimLineEnds(text)
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+/, '')
    .trimEnd();
}
