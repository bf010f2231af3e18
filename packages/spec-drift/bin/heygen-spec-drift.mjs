#!/usr/bin/env node
// The `heygen-spec-drift` command. Committed (not in dist/) so that `pnpm install` can link it
// before the package is built; it runs the built CLI.
import "../dist/cli.js";
