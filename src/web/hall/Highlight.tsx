import type { TextPart } from './types';

/** Renders server-split text: matched parts in <mark>, the rest as plain text (never raw HTML). */
export function Highlight({ parts }: { parts: TextPart[] }) {
  return <>{parts.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}</>;
}
