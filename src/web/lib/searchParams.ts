import type { SetURLSearchParams } from 'react-router';

/**
 * A setter for list filters kept in the address (so Back returns to the same list): applies `patch`
 * (undefined or '' removes a key) and resets the page, replacing the history entry.
 */
export function filterSetter(setParams: SetURLSearchParams) {
  return (patch: Record<string, string | undefined>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries({ page: undefined, ...patch })) {
          if (v === undefined || v === '') next.delete(k);
          else next.set(k, v);
        }
        return next;
      },
      { replace: true },
    );
}
