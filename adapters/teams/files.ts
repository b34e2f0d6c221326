import { fetchLimited, type DownloadFile } from '../../src/evidence/receive-files';
import type { FetchToken } from './token-check';

/** Hosts of the Bot Framework, where pictures pasted into a chat are kept and the bot's token is asked for. */
const BOT_FRAMEWORK_HOST =
  /(^|\.)(smba\.trafficmanager\.net|botframework\.com|botframework\.us|botframework\.azure\.us)$/i;

/**
 * Downloads a member's file or picture at arrival. A file comes with a pre-authenticated `downloadUrl` (SharePoint or
 * OneDrive), fetched as it is; a picture's `contentUrl` on the Bot Framework needs the bot's token, which is sent to
 * those hosts only, never to a host an activity merely names.
 */
export function teamsDownload(fetchToken: FetchToken | null): DownloadFile {
  return async (file, maxBytes) => {
    const url = new URL(file.download ?? '');
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`not a download url: ${url.protocol}`);
    const headers: Record<string, string> =
      fetchToken && BOT_FRAMEWORK_HOST.test(url.hostname) ? { Authorization: `Bearer ${await fetchToken()}` } : {};
    return fetchLimited(url.toString(), headers, maxBytes);
  };
}
