import type { ReactNode } from 'react';
import { useDocumentTitle } from '../lib/useTitle';

/** The title row of a console page: an h1, an optional lead, and actions on the right. */
export function PageHead({ title, lead, extra }: { title: string; lead?: ReactNode; extra?: ReactNode }) {
  useDocumentTitle(title);
  return (
    <div className="page-head">
      <div>
        <h1>{title}</h1>
        {lead && <p>{lead}</p>}
      </div>
      {extra && <div>{extra}</div>}
    </div>
  );
}
