/** Regenerates docs/workflows.md from the transition tables. */
import fs from 'node:fs';
import { workflowsMarkdown } from '../src/server/docs/workflows.js';

fs.mkdirSync('docs', { recursive: true });
fs.writeFileSync('docs/workflows.md', workflowsMarkdown());
console.log('docs/workflows.md written');
