#!/usr/bin/env node
// The `heygen-fake` command. It imports the built code, so it exists before `pnpm build` runs
// (a bin pointing into dist/ would make a fresh install warn "Failed to create bin").
import { runCli } from "../dist/cli.js";

process.exitCode = await runCli(process.argv.slice(2));
