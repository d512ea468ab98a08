#!/usr/bin/env node
// Entry point for `npx bitext`: runs the TypeScript CLI through tsx's loader.
import { register } from 'tsx/esm/api';

register();
const { runFromProcess } = await import('../cli/bitext.ts');
await runFromProcess();
