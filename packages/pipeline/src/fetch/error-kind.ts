// One short name per kind of fetch failure: the keys of a run's `errors` figures.
import { HttpStatusError } from './fetch-page.ts';

export function errorKind(err: unknown): string {
  if (err instanceof HttpStatusError) return `http_${err.status}`;
  const e = err as Error;
  if (e?.name === 'TimeoutError' || /timeout/i.test(e?.message ?? '')) return 'timeout';
  if (e?.name === 'BlockedAddressError') return 'private_address';
  if (e?.name === 'OffSiteError') return 'off_site';
  if (e?.name === 'RobotsDisallowedError') return 'robots';
  if (e?.name === 'TooLargeError') return 'too_large';
  if (e?.name === 'RedirectError') return 'redirects';
  if (e?.name === 'BlockedError') return 'blocked';
  return 'network';
}
