import { describe, expect, test } from "vitest";
import {
  extractEmbeddedDefinition,
  findEmbeddedDefinition,
  isDocsPage,
  SpecInputError,
} from "../src/index.js";

const definition = "openapi: 3.1.0\ninfo: { title: t, version: '1' }\npaths: {}\n";

describe("findEmbeddedDefinition: one set of fence rules for vendoring and for drift", () => {
  test.each([
    ["a readme.io ```json fence", '```json\n{"openapi": "3.0.0", "paths": {}}\n```\n', "json"],
    [
      "a Mintlify ````yaml fence with words after the language",
      `## OpenAPI\n\n\`\`\`\`yaml api.yaml get /x\n${definition}\`\`\`\`\n`,
      "yaml",
    ],
    ["a ~~~yml fence", `~~~yml\n${definition}~~~\n`, "yaml"],
    ["an upper-case language after a space", `\`\`\` YAML\n${definition}\`\`\`\n`, "yaml"],
  ])("finds %s, byte for byte", (_name, page, format) => {
    const found = findEmbeddedDefinition(page, "p.md");
    expect(found.found).toBe(true);
    if (!found.found) return;
    expect(found.format).toBe(format);
    expect(page).toContain(found.text);
    expect(found.value).toHaveProperty("openapi");
    expect(isDocsPage(page)).toBe(true);
  });

  test("skips a snippet that mentions openapi but does not parse, and one without the field", () => {
    const page = `\`\`\`json\n{ "openapi": oops }\n\`\`\`\n\n\`\`\`yaml\nx: openapi\n\`\`\`\n\n\`\`\`yaml\n${definition}\`\`\`\n`;
    const found = findEmbeddedDefinition(page, "p.md");
    expect(found).toMatchObject({ found: true, format: "yaml", text: definition });
  });

  test("a longer closing fence closes; a shorter one does not", () => {
    const page = `\`\`\`\`yaml\n${definition}\`\`\`\`\`\n`;
    expect(findEmbeddedDefinition(page, "p.md")).toMatchObject({ found: true, text: definition });
    // the ``` line does not close the ```` block, so it is one block (of invalid YAML)
    const short = `\`\`\`\`yaml\n${definition}\`\`\`\nmore\n\`\`\`\`\n`;
    expect(findEmbeddedDefinition(short, "p.md")).toEqual({ found: false, blocks: 1 });
  });

  test("counts the blocks when none holds a definition", () => {
    expect(findEmbeddedDefinition("```json\n[1]\n```\n```yaml\na: 1\n```\n", "p.md")).toEqual({
      found: false,
      blocks: 2,
    });
    expect(isDocsPage("openapi: 3.1.0\n")).toBe(false);
  });

  test("an unclosed fence and a page without a definition are SpecInputErrors naming the page", () => {
    expect(() => findEmbeddedDefinition("```json\n{}\n", "q.md")).toThrow(
      /q\.md: the ```json fence .* never closed/,
    );
    const error = (() => {
      try {
        extractEmbeddedDefinition("no fences", "r.md");
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(SpecInputError);
    expect(error).toMatchObject({ file: "r.md", source: "r.md", kind: "parse" });
  });
});

describe("SpecInputError", () => {
  test("names the file, the position and the problem; kind defaults to invalid", () => {
    const error = new SpecInputError("a.yaml", "bad", { line: 3, column: 4, pointer: "#/x" });
    expect(error.message).toBe("a.yaml (line 3, column 4, at #/x): bad");
    expect(error).toMatchObject({
      kind: "invalid",
      problem: "bad",
      where: { line: 3, column: 4, pointer: "#/x" },
    });
    const cause = new Error("inner");
    const fetched = new SpecInputError("https://x/y", "cannot fetch", { kind: "network", cause });
    expect(fetched.message).toBe("https://x/y: cannot fetch");
    expect(fetched.cause).toBe(cause);
    expect(fetched.where).toEqual({});
  });
});
