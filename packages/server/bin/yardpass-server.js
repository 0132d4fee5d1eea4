#!/usr/bin/env node
// The bin is a file of the repository rather than the bundle, so that `pnpm install` can link it before the first
// build (packages that depend on the server got "WARN Failed to create bin" otherwise).
import '../dist/main.js';
