import type { RuleDefinition } from "../src/rules.js";

/** Markers around the generated table in README.md. */
export declare const START: string;
export declare const END: string;
/** The catalogue as a Markdown table, one row per rule in catalogue order. */
export declare function renderRuleCatalogue(
  rules: Readonly<Record<string, RuleDefinition>>,
): string;
/** The text between the markers of a README, or undefined when a marker is missing. */
export declare function catalogueBlock(readme: string): string | undefined;
