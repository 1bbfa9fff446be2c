import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

export type FieldPath = (string | number)[];

/** `unit.creditCode` → ['unit', 'creditCode']; numeric segments index arrays. */
export function toNamePath(path: string): FieldPath {
  return path.split('.').map((seg) => (/^\d+$/.test(seg) ? Number(seg) : seg));
}

function hasPath(obj: unknown, path: FieldPath): boolean {
  let cur: unknown = obj;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object' || !(String(seg) in cur)) return false;
    cur = (cur as Record<string, unknown>)[String(seg)];
  }
  return true;
}

/**
 * Puts the server's field errors on the form's fields and returns the message for the form's alert
 * (the general message, plus any field errors the form has no field for).
 */
export function applyServerErrors(form: FormInstance, err: unknown): string {
  if (!(err instanceof ApiError)) return err instanceof Error ? err.message : String(err);
  const registered: unknown = form.getFieldsValue();
  const onForm: { name: FieldPath; errors: string[] }[] = [];
  const elsewhere: string[] = [];
  for (const f of err.fields) {
    const name = toNamePath(f.path);
    if (hasPath(registered, name)) onForm.push({ name, errors: [f.message] });
    else elsewhere.push(f.path ? `${f.path}：${f.message}` : f.message);
  }
  if (onForm.length > 0) {
    form.setFields(onForm);
    form.scrollToField(onForm[0]!.name, { block: 'center', behavior: 'smooth' });
  }
  return [err.message, ...elsewhere].join('；');
}
