import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { workflowsMarkdown } from './workflows.js';

describe('docs/workflows.md', () => {
  it('matches the transition tables (run `npm run docs` after changing a workflow)', () => {
    expect(fs.readFileSync('docs/workflows.md', 'utf8')).toBe(workflowsMarkdown());
  });
});
