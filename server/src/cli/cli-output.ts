/**
 * @module What a command prints. Results go to stdout (as JSON with --json, for scripts); progress
 * and notes go to stderr, so `parley … --json | jq` and `parley export site … > file` stay clean.
 */
export interface Output {
  /** The result: `json` with --json, else the lines of `text`. */
  result(json: unknown, text: () => string[]): void;
  /** A note for the person at the terminal (stderr), never part of the result. */
  note(line: string): void;
  /** Progress of long work, on one line of stderr that updates in place on a terminal. */
  progress(line: string): void;
}

export function createOutput(options: { json: boolean }): Output {
  const tty = process.stderr.isTTY;
  let progressShown = false;
  const endProgress = () => {
    if (progressShown && tty) process.stderr.write('\n');
    progressShown = false;
  };
  return {
    result(json, text) {
      endProgress();
      process.stdout.write(
        options.json
          ? `${JSON.stringify(json)}\n`
          : text()
              .map((l) => `${l}\n`)
              .join(''),
      );
    },
    note(line) {
      endProgress();
      process.stderr.write(`${line}\n`);
    },
    progress(line) {
      progressShown = true;
      process.stderr.write(tty ? `\r\u001b[2K${line}` : `${line}\n`);
    },
  };
}

/** Columns padded to their widest cell. */
export function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}
