import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * Writes every file or none: each content goes to a temporary sibling first, and only when all
 * are written are they renamed over their targets (a rename within one folder is atomic), so a
 * failing run never leaves a half-written or half-updated set of generated files.
 * @param {Array<{ path: string, content: string }>} files
 */
export async function writeFilesAtomically(files) {
  const staged = [];
  try {
    for (const { path, content } of files) {
      await mkdir(dirname(path), { recursive: true });
      const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
      staged.push({ temp, path });
      await writeFile(temp, content);
    }
  } catch (error) {
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })));
    throw error;
  }
  for (const { temp, path } of staged) await rename(temp, path);
}
