import { createContext, use, useCallback, useMemo, useState, type ReactNode } from 'react';
import type { FileView } from '../types';

interface FileCache {
  get(id: number): FileView | undefined;
  add(files: readonly FileView[]): void;
  /** The known files among `ids` (for the local copy of the form). */
  pick(ids: readonly number[]): FileView[];
}

const FileCacheContext = createContext<FileCache | null>(null);

/**
 * Names and types of the evidence files the form refers to: the server lists the files of the saved
 * form; files uploaded since are added here, so the form can show them before the next save.
 */
export function FileCacheProvider({
  initial,
  children,
}: {
  initial: readonly FileView[];
  children: ReactNode;
}) {
  const [files, setFiles] = useState<Map<number, FileView>>(() => new Map(initial.map((f) => [f.id, f])));
  const add = useCallback((more: readonly FileView[]) => {
    setFiles((prev) => {
      if (more.every((f) => prev.has(f.id))) return prev;
      const next = new Map(prev);
      for (const f of more) next.set(f.id, f);
      return next;
    });
  }, []);
  const value = useMemo<FileCache>(
    () => ({
      get: (id) => files.get(id),
      add,
      pick: (ids) => ids.flatMap((id) => files.get(id) ?? []),
    }),
    [files, add],
  );
  return <FileCacheContext value={value}>{children}</FileCacheContext>;
}

export function useFileCache(): FileCache {
  const ctx = use(FileCacheContext);
  if (!ctx) throw new Error('useFileCache outside FileCacheProvider');
  return ctx;
}
