/** The in-process transports each answer to one exact URL. */
import { InvalidTransportUrlError } from '@plugin-patterns/meter-contracts';

export function requireExactTransportUrl(url: unknown, exact: string, transport: string): string {
  if (typeof url !== 'string') {
    throw new InvalidTransportUrlError(transport, String(url), `"${exact}"`, 'no URL was given');
  }
  if (url !== exact) throw new InvalidTransportUrlError(transport, url, `"${exact}"`);
  return url;
}
