/**
 * @module Loading a site's public widget settings (name, colour, corner, greeting).
 */
import type { WidgetConfigWire } from '@parley/shared';
import { readErrorBody } from './error-info.ts';
import { isRecord, isString } from './stored-shapes.ts';

function widgetConfigUrl(serverUrl: string, siteKey: string): string {
  return `${serverUrl}/api/widget/config/${encodeURIComponent(siteKey)}`;
}

function isWidgetConfig(value: unknown): value is WidgetConfigWire {
  return (
    isRecord(value) &&
    isString(value.siteKey) &&
    isString(value.siteName) &&
    isString(value.color) &&
    (value.position === 'right' || value.position === 'left') &&
    isString(value.greeting)
  );
}

/** `prefetched`: the same request already started by the script-tag loader, which paints the launcher from it. */
export async function fetchWidgetConfig(
  serverUrl: string,
  siteKey: string,
  signal?: AbortSignal,
  prefetched?: Promise<Response>,
): Promise<WidgetConfigWire> {
  const response = await (prefetched ??
    fetch(widgetConfigUrl(serverUrl, siteKey), {
      signal,
      // the config is public: sending the host page's cookies to Parley would only widen CORS needs
      credentials: 'omit',
    }));
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error(readErrorBody(body)?.message ?? `widget config request failed (${response.status})`);
  }
  if (!isWidgetConfig(body)) throw new Error('widget config has an unexpected shape');
  return body;
}
