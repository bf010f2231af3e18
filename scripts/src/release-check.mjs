#!/usr/bin/env node
// `pnpm release:check`: publishes every public workspace package to a throwaway local registry
// (Verdaccio on 127.0.0.1) exactly as a release would, then installs them with npm into an empty
// folder and uses them as a consumer would: ESM and CJS imports, a strict NodeNext type-check
// without skipLibCheck and without msw, a compiled program that runs, and every bin's flags.
// The checkout is never touched: versions are bumped with `changeset version` in a copy.
// Exit 0 when every step passed; 1 naming the step that failed. The registry is stopped, and
// the temp folders removed, on every way out (success, failure, SIGINT, SIGTERM).
import { spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { binEntries, listPublicPackages } from "./workspace.mjs";

const ROOT = resolve(import.meta.dirname, "../..");
const FIXTURES = join(ROOT, "scripts/release-check");
const rootManifest = JSON.parse(await readFile(join(ROOT, "package.json"), "utf8"));
/** What the consumer installs beside our packages: the root's own pins. */
const CONSUMER_DEV_DEPS = ["typescript", "@types/node"].map(
  (name) => `${name}@${rootManifest.devDependencies[name]}`,
);
/**
 * What every bin must answer, and how the answer is judged. A bin that lacks a flag fails here.
 * @type {Array<{ flag: string, expect: (stdout: string, version: string) => string | null }>}
 */
const BIN_FLAGS = [
  {
    flag: "--version",
    expect: (stdout, version) =>
      stdout.trim().endsWith(version) ? null : `expected it to print ${version}`,
  },
  {
    flag: "--help",
    expect: (stdout) => (/usage/i.test(stdout) ? null : "expected a usage text on stdout"),
  },
];

/** A failure of one named step, with what the failed command printed. */
class StepError extends Error {
  /**
   * @param {string} step
   * @param {string} message
   */
  constructor(step, message) {
    super(message);
    this.name = "StepError";
    this.step = step;
  }
}

/** @type {StepError[]} the consumer checks that failed (they all run, then the run fails) */
const failedChecks = [];

/**
 * Runs one consumer check as a step, recording a failure instead of stopping, so one run names
 * every check that fails.
 * @param {string} name
 * @param {() => Promise<void>} fn
 */
async function check(name, fn) {
  try {
    await step(name, fn);
  } catch (error) {
    const failure = error instanceof StepError ? error : new StepError(name, String(error));
    console.error(`release:check [${stepNo}] FAILED: ${failure.message}`);
    failedChecks.push(failure);
  }
}

/** @type {Set<() => void>} what must be undone synchronously on any way out */
const cleanups = new Set();
let stepNo = 0;

/**
 * Runs one step: prints its name, its outcome and how long it took; a throw names the step.
 * @template T
 * @param {string} name
 * @param {() => Promise<T>} fn
 * @returns {Promise<T>}
 */
async function step(name, fn) {
  stepNo++;
  const started = performance.now();
  console.log(`release:check [${stepNo}] ${name}`);
  try {
    const result = await fn();
    console.log(
      `release:check [${stepNo}] ok (${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
    return result;
  } catch (error) {
    if (error instanceof StepError) throw error;
    throw new StepError(
      `[${stepNo}] ${name}`,
      error instanceof Error ? error.message : String(error),
    );
  }
}

/**
 * Runs a command to its end; rejects with its exit code and the tail of its output.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string, env?: NodeJS.ProcessEnv }} options
 * @returns {Promise<{ stdout: string, stderr: string }>}
 */
function run(command, args, { cwd, env = process.env }) {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", fail);
    child.on("close", (code, signal) => {
      if (code === 0) return done({ stdout, stderr });
      const tail = `${stdout}\n${stderr}`.trim().split("\n").slice(-40).join("\n");
      fail(
        new Error(
          `\`${[command, ...args].join(" ")}\` exited with ${signal ?? code} in ${cwd}\n${tail}`,
        ),
      );
    });
  });
}

/** @returns {Promise<number>} a port nothing listens on right now */
function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/**
 * Copies the checkout's files (tracked and untracked, not ignored) into `dest`: what a clone of
 * the working tree holds, without node_modules, dist or .git.
 * @param {string} dest
 */
async function copyRepository(dest) {
  const { stdout } = await run(
    "git",
    ["ls-files", "-z", "--cached", "--others", "--exclude-standard"],
    { cwd: ROOT },
  );
  const files = stdout.split("\0").filter((f) => f && existsSync(join(ROOT, f)));
  for (const file of files) {
    await mkdir(dirname(join(dest, file)), { recursive: true });
    await copyFile(join(ROOT, file), join(dest, file));
  }
  return files.length;
}

/**
 * Starts Verdaccio on 127.0.0.1:`port` in its own process group with its storage under `dir`:
 * our scope is served from local storage only, everything else through the npm uplink. Resolves
 * once the registry answers its ping; rejects if the process exits first.
 * @param {string} dir
 * @param {number} port
 * @param {string} uplink the registry that serves everything else (npm's configured one)
 */
async function startRegistry(dir, port, uplink) {
  await mkdir(dir, { recursive: true });
  const config = join(dir, "config.yaml");
  await writeFile(
    config,
    [
      `storage: ${join(dir, "storage")}`,
      "auth:",
      "  htpasswd:",
      `    file: ${join(dir, "htpasswd")}`,
      "uplinks:",
      "  upstream:",
      `    url: ${uplink}`,
      "    timeout: 120s",
      "packages:",
      "  '@heygen-openapi/*':",
      "    access: $all",
      "    publish: $authenticated",
      "  '**':",
      "    access: $all",
      "    proxy: upstream",
      "log: { type: stdout, format: json, level: warn }",
      "web: { enable: false }",
      "",
    ].join("\n"),
  );
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve("verdaccio/package.json", { paths: [ROOT] });
  const { bin } = JSON.parse(await readFile(pkgPath, "utf8"));
  const binPath = join(dirname(pkgPath), typeof bin === "string" ? bin : bin.verdaccio);
  const child = spawn(
    process.execPath,
    [binPath, "--config", config, "--listen", `127.0.0.1:${port}`],
    { detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  let log = "";
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // the group is already gone
      }
    }
  };
  cleanups.add(stop);
  const exited = new Promise((done) => child.once("exit", done));
  const url = `http://127.0.0.1:${port}`;
  await new Promise((done, fail) => {
    const onOutput = (/** @type {Buffer} */ chunk) => {
      log += chunk;
      if (log.includes("http address")) {
        child.stdout.off("data", onOutput);
        done(undefined);
      }
    };
    child.stdout.on("data", onOutput);
    child.stderr.on("data", (chunk) => {
      log += chunk;
    });
    child.once("error", fail);
    child.once("exit", (code, signal) =>
      fail(new Error(`verdaccio exited (${signal ?? code}) before listening:\n${log}`)),
    );
  });
  const ping = await fetch(`${url}/-/ping`);
  if (!ping.ok) throw new Error(`${url}/-/ping answered ${ping.status}`);
  return {
    url,
    /** Stops the whole process group and waits for the process to be gone. */
    async stop() {
      stop();
      await exited;
      cleanups.delete(stop);
    },
  };
}

/**
 * Creates a user on the registry and returns its token.
 * @param {string} url
 */
async function createUser(url) {
  const name = "release-check";
  const response = await fetch(`${url}/-/user/org.couchdb.user:${name}`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name, password: "release-check-password" }),
  });
  const body = /** @type {{ token?: string }} */ (await response.json());
  if (!response.ok || !body.token) throw new Error(`adduser answered ${response.status}`);
  return body.token;
}

/**
 * The environment for npm and pnpm talking to the local registry, with caches in `dir`.
 * @param {string} dir
 * @param {string} npmrc
 * @param {string} url
 */
function registryEnv(dir, npmrc, url) {
  // pnpm passes its own settings down as npm_config_* (the real registry among them): drop them
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^npm_|^pnpm_/i.test(key)),
  );
  return {
    ...inherited,
    npm_config_registry: `${url}/`,
    npm_config_userconfig: npmrc,
    npm_config_cache: join(dir, "npm-cache"),
    npm_config_audit: "false",
    npm_config_fund: "false",
    npm_config_update_notifier: "false",
    TURBO_TELEMETRY_DISABLED: "1",
  };
}

/**
 * The consumer's files: an ESM and a CJS import of every package, type-only imports of every
 * package from both module kinds, and the journey program.
 * @param {string[]} names
 */
function consumerFiles(names) {
  const as = (/** @type {number} */ i) => `p${i}`;
  const list = names.map((name, i) => `[${JSON.stringify(name)}, ${as(i)}]`).join(", ");
  const summary = `for (const [name, m] of [${list}]) console.log(\`  \${name}: \${Object.keys(m).length} exports\`);\n`;
  return {
    "import-all.mjs":
      names.map((name, i) => `import * as ${as(i)} from ${JSON.stringify(name)};\n`).join("") +
      summary,
    "require-all.cjs":
      names.map((name, i) => `const ${as(i)} = require(${JSON.stringify(name)});\n`).join("") +
      summary,
    "types-esm.mts": names
      .map(
        (name, i) =>
          `import type * as ${as(i)} from ${JSON.stringify(name)};\nexport type T${i} = typeof ${as(i)};\n`,
      )
      .join(""),
    "types-cjs.cts": names
      .map(
        (name, i) =>
          `import ${as(i)} = require(${JSON.stringify(name)});\nexport type T${i} = typeof ${as(i)};\n`,
      )
      .join(""),
    "tsconfig.json": `${JSON.stringify(
      {
        compilerOptions: {
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          strict: true,
          // what `tsc --init` turns on besides, so a new project's settings are covered too
          noUncheckedIndexedAccess: true,
          exactOptionalPropertyTypes: true,
          verbatimModuleSyntax: true,
          skipLibCheck: false,
          types: ["node"],
          outDir: "out",
        },
        include: ["*.mts", "*.cts"],
      },
      null,
      2,
    )}\n`,
    // what the READMEs say about TypeScript's legacy resolution, kept true
    "node10/tsconfig.json": `${JSON.stringify({
      compilerOptions: {
        module: "commonjs",
        moduleResolution: "node10",
        strict: true,
        noEmit: true,
        types: ["node"],
      },
      files: ["uses-client.ts"],
    })}\n`,
    "node10/uses-client.ts":
      'import { createHeyGenClient } from "@heygen-openapi/client";\nexport const create = createHeyGenClient;\n',
  };
}

async function main() {
  const work = await mkdtemp(join(tmpdir(), "heygen-release-check-"));
  const removeWorkNow = () => rmSync(work, { recursive: true, force: true });
  cleanups.add(removeWorkNow);
  /** @type {Awaited<ReturnType<typeof startRegistry>> | undefined} */
  let registry;
  try {
    const packages = await step("find the public workspace packages", async () => {
      const found = listPublicPackages(ROOT);
      if (found.length === 0) throw new Error("no public package in the workspace");
      for (const pkg of found) console.log(`  ${pkg.name}`);
      return found;
    });
    const names = packages.map((pkg) => pkg.name);
    const repo = join(work, "repo");

    await step("copy the checkout to a throwaway folder", async () => {
      console.log(`  ${await copyRepository(repo)} files in ${repo}`);
    });
    const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", CI: "true" };
    await step("pnpm install --frozen-lockfile (in the copy)", () =>
      run("pnpm", ["install", "--frozen-lockfile", "--prefer-offline"], { cwd: repo, env }),
    );
    /** @type {Map<string, string>} */
    const versions = await step("changeset version (in the copy)", async () => {
      await run("pnpm", ["exec", "changeset", "version"], { cwd: repo, env });
      const found = new Map();
      for (const pkg of packages) {
        const dir = join(repo, pkg.dir.slice(ROOT.length));
        const { version } = JSON.parse(await readFile(join(dir, "package.json"), "utf8"));
        found.set(pkg.name, version);
        console.log(`  ${pkg.name}@${version}`);
      }
      return found;
    });
    await step("build the public packages (in the copy)", () =>
      run(
        "pnpm",
        [
          "exec",
          "turbo",
          "run",
          "build",
          "--output-logs=errors-only",
          ...names.map((n) => `--filter=${n}`),
        ],
        { cwd: repo, env },
      ),
    );

    registry = await step("start Verdaccio on 127.0.0.1", async () => {
      const { stdout: uplink } = await run("npm", ["config", "get", "registry"], { cwd: ROOT });
      const started = await startRegistry(join(work, "registry"), await freePort(), uplink.trim());
      console.log(`  ${started.url}`);
      return started;
    });
    const registryUrl = registry.url;
    const npmrc = join(work, "npmrc");
    await step("create a registry user", async () => {
      const token = await createUser(registryUrl);
      const host = registryUrl.replace(/^http:/, "");
      await writeFile(npmrc, `registry=${registryUrl}/\n${host}/:_authToken=${token}\n`);
    });
    const npmEnv = registryEnv(work, npmrc, registryUrl);

    for (const pkg of packages) {
      await step(`publish ${pkg.name}`, async () => {
        const dir = join(repo, pkg.dir.slice(ROOT.length));
        await run("pnpm", ["publish", "--no-git-checks", "--registry", `${registryUrl}/`], {
          cwd: dir,
          env: npmEnv,
        });
        const doc = await (await fetch(`${registryUrl}/${pkg.name.replace("/", "%2f")}`)).json();
        const published = doc.versions?.[versions.get(pkg.name) ?? ""];
        if (!published)
          throw new Error(`the registry has no ${pkg.name}@${versions.get(pkg.name)}`);
        for (const field of ["dependencies", "peerDependencies", "optionalDependencies"]) {
          for (const [dep, range] of Object.entries(published[field] ?? {})) {
            if (String(range).startsWith("workspace:"))
              throw new Error(`published ${field}.${dep} is still "${range}"`);
          }
        }
        console.log(
          `  ${pkg.name}@${published.version}, deps ${JSON.stringify(published.dependencies ?? {})}`,
        );
      });
    }

    const consumer = join(work, "consumer");
    await mkdir(consumer);
    await step("npm install every public package into an empty folder", async () => {
      await writeFile(
        join(consumer, "package.json"),
        `${JSON.stringify({ name: "consumer", version: "1.0.0", private: true }, null, 2)}\n`,
      );
      await run("npm", ["install", "--no-package-lock", ...names, ...CONSUMER_DEV_DEPS], {
        cwd: consumer,
        env: npmEnv,
      });
      for (const name of names) {
        const { version } = JSON.parse(
          await readFile(join(consumer, "node_modules", name, "package.json"), "utf8"),
        );
        if (version !== versions.get(name))
          throw new Error(`installed ${name}@${version}, published ${versions.get(name)}`);
      }
      if (existsSync(join(consumer, "node_modules/msw")))
        throw new Error("msw got installed: the type-check would not prove the types need none");
    });
    for (const [file, content] of Object.entries(consumerFiles(names))) {
      await mkdir(dirname(join(consumer, file)), { recursive: true });
      await writeFile(join(consumer, file), content);
    }
    await copyFile(join(FIXTURES, "journey.mts"), join(consumer, "journey.mts"));

    await check("import every package from ESM", async () => {
      const { stdout } = await run(process.execPath, ["import-all.mjs"], { cwd: consumer });
      process.stdout.write(stdout);
    });
    await check("require every package from CJS", async () => {
      const { stdout } = await run(process.execPath, ["require-all.cjs"], { cwd: consumer });
      process.stdout.write(stdout);
    });
    await check(
      "tsc: strict NodeNext, no skipLibCheck, no msw (ESM and CJS imports, journey)",
      async () => {
        await run(
          process.execPath,
          [join(consumer, "node_modules/typescript/bin/tsc"), "-p", "."],
          {
            cwd: consumer,
          },
        );
      },
    );
    await check(
      "tsc with moduleResolution node10 fails with TS2307, as the READMEs say",
      async () => {
        const tsc = join(consumer, "node_modules/typescript/bin/tsc");
        const outcome = await run(process.execPath, [tsc, "-p", "node10"], { cwd: consumer }).then(
          () => "compiled",
          (/** @type {Error} */ error) => error.message,
        );
        if (!outcome.includes("error TS2307"))
          throw new Error(
            `expected TS2307; the READMEs' TypeScript sections need updating:\n${outcome}`,
          );
      },
    );
    await check("run the compiled journey program", async () => {
      const { stdout } = await run(process.execPath, ["out/journey.mjs"], { cwd: consumer });
      process.stdout.write(`  ${stdout}`);
    });

    for (const pkg of packages) {
      for (const [bin] of binEntries(pkg.manifest)) {
        for (const { flag, expect } of BIN_FLAGS) {
          await check(`npx ${bin} ${flag}`, async () => {
            const { stdout } = await run("npx", ["--no-install", bin, flag], {
              cwd: consumer,
              env: npmEnv,
            });
            const problem = expect(stdout, versions.get(pkg.name) ?? "");
            if (problem) throw new Error(`${problem}; it printed:\n${stdout}`);
            console.log(`  ${stdout.trim().split("\n")[0]}`);
          });
        }
      }
    }

    await step("stop Verdaccio (and nothing answers on its port)", async () => {
      await registry?.stop();
      const answered = await fetch(`${registryUrl}/-/ping`).then(
        () => true,
        () => false,
      );
      if (answered) throw new Error(`${registryUrl} still answers after the registry stopped`);
    });
    if (failedChecks.length > 0) {
      console.error(`release:check FAILED: ${failedChecks.length} check(s) failed:`);
      for (const failure of failedChecks) console.error(`  ${failure.step}`);
      return 1;
    }
    console.log(`release:check: ${packages.length} packages published, installed and used: ok`);
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const failed = error instanceof StepError ? error.step : "release:check";
    console.error(`release:check FAILED at step ${failed}:\n${message}`);
    return 1;
  } finally {
    if (registry) await registry.stop();
    await rm(work, { recursive: true, force: true });
    cleanups.delete(removeWorkNow);
  }
}

/** Sync cleanup for the ways out that skip `finally`: signals and process.exit. */
function cleanupNow() {
  for (const cleanup of cleanups) cleanup();
  cleanups.clear();
}
process.once("exit", cleanupNow);
for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) {
  process.once(signal, () => {
    console.error(`release:check: ${signal}, stopping the registry`);
    cleanupNow();
    process.exit(signal === "SIGINT" ? 130 : 143);
  });
}

process.exitCode = await main();
