import { describe, expectTypeOf, it } from "vitest";
import {
  type Change,
  type CompareOptions,
  compareSpecs,
  type DriftReport,
  formatReport,
  type OpenAPIDocument,
  RULES,
  type SpecInput,
  type SpecLoadError,
} from "../src/index.js";

describe("public types", () => {
  it("compareSpecs takes paths, URLs or documents and resolves to a DriftReport", () => {
    expectTypeOf(compareSpecs).parameter(0).toEqualTypeOf<SpecInput>();
    expectTypeOf(compareSpecs).parameter(2).toEqualTypeOf<CompareOptions | undefined>();
    expectTypeOf(compareSpecs).returns.resolves.toEqualTypeOf<DriftReport>();
    expectTypeOf<string>().toMatchTypeOf<SpecInput>();
    expectTypeOf<URL>().toMatchTypeOf<SpecInput>();
    // @ts-expect-error a number is not a spec
    compareSpecs(42, "b.yaml");
  });

  it("a Change is precisely typed (no any)", () => {
    expectTypeOf<Change["level"]>().toEqualTypeOf<"breaking" | "warning" | "info">();
    expectTypeOf<Change["direction"]>().toEqualTypeOf<"request" | "response" | "none">();
    expectTypeOf<Change["oasdiffIds"]>().toEqualTypeOf<string[] | undefined>();
    expectTypeOf<Change["affectsTypes"]>().toEqualTypeOf<boolean>();
    expectTypeOf<DriftReport["summary"]["highest"]>().toEqualTypeOf<
      "breaking" | "warning" | "info" | "none"
    >();
    expectTypeOf<OpenAPIDocument["openapi"]>().toEqualTypeOf<string>();
  });

  it("formatReport only accepts known formats and the catalogue is read-only", () => {
    expectTypeOf(formatReport)
      .parameter(1)
      .toEqualTypeOf<"text" | "markdown" | "json" | undefined>();
    // @ts-expect-error unknown format
    formatReport({} as DriftReport, "html");
    expectTypeOf(RULES).toEqualTypeOf<
      Readonly<Record<import("../src/index.js").RuleId, import("../src/index.js").RuleDefinition>>
    >();
    expectTypeOf<SpecLoadError["kind"]>().toEqualTypeOf<
      "read" | "network" | "parse" | "invalid" | "ref"
    >();
  });
});
