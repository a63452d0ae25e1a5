/**
 * @module The site an admin page works on (rules, webhooks, help center): the sites loaded once, the
 * first one chosen until the admin picks another, and the picker, drawn only when there is a choice.
 */
import { useEffect, useState } from 'preact/hooks';
import type { SiteAdminView } from '@parley/shared';
import { ApiError } from '../../api/rest-client.ts';
import { useApi } from '../../components/api-context.ts';
import { SelectField } from '../../components/form-field.tsx';

export interface SiteChoice {
  /** null while they load (or when they could not be loaded). */
  sites: SiteAdminView[] | null;
  siteId: string | null;
  site: SiteAdminView | undefined;
  choose: (siteId: string) => void;
}

/** `onError` hears why the sites could not be loaded; a new `attempt` loads them again. */
export function useSiteChoice(onError: (message: string) => void, attempt = 0): SiteChoice {
  const { admin } = useApi();
  const [sites, setSites] = useState<SiteAdminView[] | null>(null);
  const [siteId, setSiteId] = useState<string | null>(null);
  useEffect(() => {
    admin.listSites().then(
      (list) => {
        setSites(list);
        setSiteId((id) => id ?? list[0]?.id ?? null);
      },
      (caught: unknown) => onError(caught instanceof ApiError ? caught.message : 'Could not load the sites.'),
    );
  }, [admin, attempt]);
  return { sites, siteId, site: sites?.find((s) => s.id === siteId), choose: setSiteId };
}

/** The site picker, when there is more than one site. */
export function SitePicker({
  sites,
  site,
  choose,
}: {
  sites: SiteAdminView[];
  site: SiteAdminView;
  choose: (id: string) => void;
}) {
  if (sites.length < 2) return null;
  return (
    <SelectField
      label="Site"
      name="site"
      value={site.id}
      options={sites.map((s) => [s.id, s.name] as const)}
      onChange={choose}
    />
  );
}
