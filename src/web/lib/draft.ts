import { useCallback, useState } from 'react';

/**
 * Keeps what a user typed into a form in localStorage so a reload or a lost connection does not lose
 * it. Keys listed in `omit` (passwords) are never stored.
 */
export function useFormDraft<T extends object>(
  storageKey: string,
  omit: readonly string[],
): { initial: Partial<T> | undefined; save(values: Partial<T>): void; clear(): void } {
  const [initial] = useState<Partial<T> | undefined>(() => {
    try {
      const raw = localStorage.getItem(storageKey);
      if (!raw) return undefined;
      const parsed: unknown = JSON.parse(raw);
      return parsed && typeof parsed === 'object' ? (parsed as Partial<T>) : undefined;
    } catch {
      return undefined;
    }
  });

  const save = useCallback(
    (values: Partial<T>) => {
      const copy: Record<string, unknown> = { ...values };
      for (const k of omit) delete copy[k];
      try {
        localStorage.setItem(storageKey, JSON.stringify(copy));
      } catch {
        // Storage full or disabled: the form still works, only the draft is lost.
      }
    },
    [storageKey, omit],
  );

  const clear = useCallback(() => {
    try {
      localStorage.removeItem(storageKey);
    } catch {
      // ignore
    }
  }, [storageKey]);

  return { initial, save, clear };
}
