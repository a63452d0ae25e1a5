/**
 * @module Where clamd listens, as CLAMAV_ADDRESS gives it: `tcp://host:port` (an IPv6 host in
 * brackets), or a unix socket as an absolute path (`/run/clamav/clamd.ctl`) or `unix:/path`.
 * Anything else is refused at start with what was expected: a scanner that is silently not used
 * would let every file through.
 */
export type ClamavAddress = { kind: 'tcp'; host: string; port: number } | { kind: 'unix'; path: string };

const TCP = /^tcp:\/\/(\[[0-9a-f:.]+\]|[a-z0-9.-]+):(\d{1,5})\/?$/i;

/** The address, or a sentence saying what is wrong with `value`. */
export function parseClamavAddress(value: string): ClamavAddress | { error: string } {
  const text = value.trim();
  const tcp = TCP.exec(text);
  if (tcp) {
    const [, host = '', port = ''] = tcp;
    const number = Number(port);
    if (number < 1 || number > 65535) return { error: `${JSON.stringify(value)} has no usable port (1 to 65535)` };
    return { kind: 'tcp', host: host.replace(/^\[|\]$/g, ''), port: number };
  }
  const path = text.startsWith('unix:') ? text.slice('unix:'.length).replace(/^\/\/(?=\/)/, '') : text;
  // a NUL would cut the path short in the kernel; a relative path would depend on the working folder
  if (path.startsWith('/') && path.length > 1 && !path.includes('\0')) return { kind: 'unix', path };
  return {
    error: `${JSON.stringify(value)} is not a clamd address: give tcp://host:port or the absolute path of its unix socket`,
  };
}

export function describeClamavAddress(address: ClamavAddress): string {
  return address.kind === 'tcp' ? `tcp://${address.host}:${address.port}` : address.path;
}
