#!/usr/bin/env node
// The bin is a file of the repository rather than the bundle, so that `pnpm install` links `yardpass` at the
// repository root (`pnpm yardpass …`) before the first build.
import '../dist/main.js';
