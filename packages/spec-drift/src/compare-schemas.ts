import type { CompareContext } from "./context.js";
import { isRecord, show, stableStringify } from "./json.js";
import { asSchema, boundKind, type Schema, type SchemaView } from "./normalize.js";

/** Where a schema sits: which operation, which side, and the path to it. */
export interface SchemaSite {
  operation: string;
  direction: "request" | "response";
  /** What the root schema describes (decides oasdiff rule prefixes and parameter rules). */
  scope: "body" | "parameter" | "header";
  /** Human prefix of the location, e.g. `request body application/json`. */
  prefix: string;
  /** Property path below the root, e.g. `data.items[].name` (empty at the root). */
  path: string;
  /** Media type of the body; non-JSON bodies treat some type changes as compatible. */
  mediaType?: string;
}

const MAX_DEPTH = 48;
const MAX_VISITS = 20_000;
const STRUCTURAL = [
  "contains",
  "propertyNames",
  "unevaluatedItems",
  "unevaluatedProperties",
  "contentSchema",
] as const;
const CONDITIONAL = ["if", "then", "else"] as const;
const TYPE_AFFECTING_KEYWORDS = new Set(["additionalProperties", "items", "prefixItems"]);

interface CompareFlags {
  /** Branches of a union carry no nullability of their own (the union holds it). */
  ignoreNullable?: boolean;
}

/**
 * Compares two schemas in the role `site.direction` gives them: in a request a change that
 * rejects something once valid is breaking; in a response a change that lets through something
 * the client's types did not allow is breaking.
 */
export class SchemaComparer {
  private readonly ids = new WeakMap<object, number>();
  private nextId = 1;
  private readonly visited = new Set<string>();
  private readonly stack = new Set<string>();
  private visits = 0;

  constructor(private readonly ctx: CompareContext) {}

  /** Compares `base` with `head` at `site`, reporting into the context. */
  compare(
    base: unknown,
    head: unknown,
    site: SchemaSite,
    depth = 0,
    flags: CompareFlags = {},
  ): void {
    if (depth > MAX_DEPTH) return;
    const vb = this.ctx.base.view(base);
    const vh = this.ctx.head.view(head);
    // A pair already on the path being compared is a cycle (recursive schemas): stop there.
    const pair = `${this.idOf(vb.raw)}:${this.idOf(vh.raw)}:${site.direction}:${flags.ignoreNullable ? 1 : 0}`;
    if (this.stack.has(pair)) return;
    // Shared schemas are compared again at each place they are used, so every affected location
    // is reported; past a budget (documents with heavy sharing) each pair is compared once per root.
    if (++this.visits > MAX_VISITS) {
      const once = `${pair}:${site.operation}:${site.prefix}`;
      if (this.visited.has(once)) return;
      this.visited.add(once);
    }
    this.stack.add(pair);
    try {
      this.compareNode(vb, vh, site, depth, flags);
    } finally {
      this.stack.delete(pair);
    }
  }

  private compareNode(
    vb: SchemaView,
    vh: SchemaView,
    site: SchemaSite,
    depth: number,
    flags: CompareFlags,
  ): void {
    this.compareAnnotations(vb, vh, site);
    if (!flags.ignoreNullable && vb.nullable !== vh.nullable) {
      const became = vh.nullable ? "became-nullable" : "became-not-nullable";
      this.report(
        became,
        site,
        vh.nullable
          ? `${this.what(site)} may now be null`
          : site.direction === "request"
            ? `${this.what(site)} no longer accepts null`
            : `${this.what(site)} is never null any more`,
        [became],
      );
    }
    if (vb.branches || vh.branches) this.compareUnion(vb, vh, site, depth);
    else this.compareSingle(vb, vh, site, depth);
  }

  private idOf(o: object): number {
    let id = this.ids.get(o);
    if (id === undefined) {
      id = this.nextId++;
      this.ids.set(o, id);
    }
    return id;
  }

  private report(
    concept: string,
    site: SchemaSite,
    message: string,
    oasdiffSuffixes: string[] = [],
    affectsTypes?: boolean,
  ): void {
    const scope = oasdiffScope(site);
    const fields = {
      operation: site.operation,
      location: location(site),
      message,
      oasdiffIds: oasdiffSuffixes.map((s) => (s.startsWith("=") ? s.slice(1) : `${scope}-${s}`)),
      ...(affectsTypes === undefined ? {} : { affectsTypes }),
    };
    // In a response only a looser shape escapes the client's types; looser validation keywords do not.
    const id =
      site.direction === "response" && concept === "constraint-relaxed" && affectsTypes === true
        ? "response-shape-widened"
        : `${site.direction}-${concept}`;
    this.ctx.emit(id, fields);
  }

  private what(site: SchemaSite): string {
    if (site.path) return `\`${site.path}\``;
    return site.scope === "body"
      ? "the body"
      : site.scope === "parameter"
        ? "the parameter"
        : "the header";
  }

  private compareAnnotations(vb: SchemaView, vh: SchemaView, site: SchemaSite): void {
    const kb = this.ctx.base.flatten(vb.raw);
    const kh = this.ctx.head.flatten(vh.raw);
    const docs = ["description", "title", "example", "examples"].filter(
      (k) => stableStringify(kb[k]) !== stableStringify(kh[k]),
    );
    if (docs.length > 0)
      this.report("docs-changed", site, `${docs.join(", ")} of ${this.what(site)} changed`);
    if (Boolean(kb.deprecated) !== Boolean(kh.deprecated)) {
      this.report(
        "deprecated",
        site,
        `${this.what(site)} ${kh.deprecated ? "became deprecated" : "is no longer deprecated"}`,
      );
    }
    if (
      "default" in kb && "default" in kh
        ? stableStringify(kb.default) !== stableStringify(kh.default)
        : "default" in kb !== "default" in kh
    ) {
      const message = `default of ${this.what(site)} changed from ${"default" in kb ? show(kb.default) : "none"} to ${"default" in kh ? show(kh.default) : "none"}`;
      if (site.scope === "parameter" && site.path === "" && site.direction === "request") {
        this.ctx.emit("request-parameter-default-changed", {
          operation: site.operation,
          location: location(site),
          message,
          oasdiffIds: ["request-parameter-default-value-changed"],
        });
      } else this.report("default-changed", site, message, ["default-value-changed"]);
    }
    for (const flag of ["readOnly", "writeOnly"] as const) {
      if (Boolean(kb[flag]) !== Boolean(kh[flag]) && site.path) {
        this.report(
          "access-changed",
          site,
          `${this.what(site)} ${kh[flag] ? "became" : "is no longer"} ${flag}`,
          [kh[flag] ? `became-${kebab(flag)}` : `became-not-${kebab(flag)}`],
        );
      }
    }
    if (stableStringify(kb.discriminator) !== stableStringify(kh.discriminator)) {
      this.report("discriminator-changed", site, `discriminator of ${this.what(site)} changed`, [
        kb.discriminator === undefined
          ? "discriminator-added"
          : kh.discriminator === undefined
            ? "discriminator-removed"
            : "discriminator-changed",
      ]);
    }
  }

  private compareUnion(vb: SchemaView, vh: SchemaView, site: SchemaSite, depth: number): void {
    const baseBranches = vb.branches ? [...vb.branches] : [vb.raw];
    const headBranches = vh.branches ? [...vh.branches] : [vh.raw];
    const pairs: Array<[Schema, Schema]> = [];
    const take = (match: (b: Schema, h: Schema) => boolean) => {
      for (let i = 0; i < baseBranches.length; i++) {
        const b = baseBranches[i] as Schema;
        const j = headBranches.findIndex((h) => match(b, h));
        if (j >= 0) {
          pairs.push([b, headBranches[j] as Schema]);
          baseBranches.splice(i--, 1);
          headBranches.splice(j, 1);
        }
      }
    };
    const nameOf = (v: SchemaView) =>
      v.name ?? (typeof v.keywords.title === "string" ? `title:${v.keywords.title}` : undefined);
    take((b, h) => {
      const n = nameOf(this.ctx.base.view(b));
      return n !== undefined && n === nameOf(this.ctx.head.view(h));
    });
    take((b, h) => this.ctx.base.fingerprint(b) === this.ctx.head.fingerprint(h));
    take(
      (b, h) =>
        typeSignature(this.ctx.base.view(b)) === typeSignature(this.ctx.head.view(h)) &&
        propertyOverlap(this.ctx.base.view(b), this.ctx.head.view(h)),
    );
    if (baseBranches.length === 1 && headBranches.length === 1) take(() => true);

    for (const [b, h] of pairs) this.compare(b, h, site, depth + 1, { ignoreNullable: true });
    const kind = vh.branches ? "oneOf/anyOf" : "union";
    for (const b of baseBranches) {
      this.report(
        "branch-removed",
        site,
        `alternative ${describeBranch(this.ctx.base.view(b))} of ${this.what(site)} was removed`,
        ["one-of-removed", "any-of-removed"],
      );
    }
    const headPrints = new Map<string, number>();
    for (const h of vh.branches ?? []) {
      const fp = this.ctx.head.fingerprint(h);
      headPrints.set(fp, (headPrints.get(fp) ?? 0) + 1);
    }
    const basePrints = new Set((vb.branches ?? [vb.raw]).map((b) => this.ctx.base.fingerprint(b)));
    for (const h of headBranches) {
      const fp = this.ctx.head.fingerprint(h);
      // An alternative identical to one the client already handles accepts nothing new.
      const equivalent = basePrints.has(fp) || (headPrints.get(fp) ?? 0) > 1;
      const message = `${this.what(site)} gained ${kind} alternative ${describeBranch(this.ctx.head.view(h))}${vb.branches ? "" : " (it was wrapped in a union)"}${equivalent ? "; it accepts the same values as an existing one" : ""}`;
      if (equivalent) this.report("docs-changed", site, message);
      else
        this.report(
          "branch-added",
          site,
          message,
          vb.branches ? ["one-of-added", "any-of-added"] : ["wrapped-in-one-of"],
        );
    }
  }

  private compareSingle(vb: SchemaView, vh: SchemaView, site: SchemaSite, depth: number): void {
    if (!this.compareTypes(vb, vh, site)) return;
    this.compareEnums(vb, vh, site);
    this.compareConst(vb, vh, site);
    if (isObjectish(vb) || isObjectish(vh)) this.compareObject(vb, vh, site, depth);
    if (isArrayish(vb) || isArrayish(vh)) this.compareArray(vb, vh, site, depth);
    this.compareKeywords(vb, vh, site, depth);
  }

  /** Returns false when the types share nothing, so comparing their insides would be noise. */
  private compareTypes(vb: SchemaView, vh: SchemaView, site: SchemaSite): boolean {
    const tb = vb.types;
    const th = vh.types;
    if (!tb && !th) return true;
    if (tb && th && sameSet(tb, th)) return true;
    const from = tb ? [...tb].join("|") : "any";
    const to = th ? [...th].join("|") : "any";
    const widened = !tb || (th !== undefined && covers(th, tb));
    const narrowed = !th || (tb !== undefined && covers(tb, th));
    if (!isJsonMedia(site.mediaType) && tb && th && !widened && !narrowed) {
      this.report(
        "type-compatible",
        site,
        `type of ${this.what(site)} changed from ${from} to ${to} in a non-JSON body`,
        ["type-compatible"],
      );
      return true;
    }
    const lists = (tb?.size ?? 0) > 1 || (th?.size ?? 0) > 1;
    // integer and number are both `number` in generated TypeScript.
    const affectsTypes = tsTypes(tb) !== tsTypes(th);
    if (widened && !narrowed) {
      this.report(
        "type-widened",
        site,
        `type of ${this.what(site)} widened from ${from} to ${to}`,
        [lists ? "list-of-types-widened" : "type-changed"],
        affectsTypes,
      );
      return true;
    }
    if (narrowed && !widened) {
      this.report(
        "type-narrowed",
        site,
        `type of ${this.what(site)} narrowed from ${from} to ${to}`,
        [lists ? "list-of-types-narrowed" : "type-changed", "type-specialized"],
        affectsTypes,
      );
      return true;
    }
    this.report("type-changed", site, `type of ${this.what(site)} changed from ${from} to ${to}`, [
      "type-changed",
    ]);
    return [...(tb ?? [])].some(
      (t) =>
        th?.has(t) ||
        (t === "integer" && th?.has("number")) ||
        (t === "number" && th?.has("integer")),
    );
  }

  private compareEnums(vb: SchemaView, vh: SchemaView, site: SchemaSite): void {
    const eb = vb.enumValues ?? vb.extensibleEnum;
    const eh = vh.enumValues ?? vh.extensibleEnum;
    if (!eb && !eh) return;
    const extensible = !vh.enumValues && vh.extensibleEnum !== undefined;
    if (!eb && eh) {
      this.report(
        "became-enum",
        site,
        `${this.what(site)} became restricted to ${eh.map(show).join(", ")}`,
        ["became-enum"],
      );
      return;
    }
    if (eb && !eh) {
      this.report("enum-removed", site, `${this.what(site)} is no longer restricted to an enum`, [
        "enum-removed",
      ]);
      return;
    }
    const sb = new Map((eb ?? []).map((e) => [stableStringify(e), e]));
    const sh = new Map((eh ?? []).map((e) => [stableStringify(e), e]));
    const removed = [...sb.keys()].filter((k) => !sh.has(k)).map((k) => sb.get(k));
    const added = [...sh.keys()].filter((k) => !sb.has(k)).map((k) => sh.get(k));
    const prefix = extensible ? "x-extensible-enum-" : "enum-";
    if (removed.length > 0) {
      this.report(
        "enum-value-removed",
        site,
        `${this.what(site)} no longer has enum value${removed.length > 1 ? "s" : ""} ${removed.map(show).join(", ")}`,
        [`${prefix}value-removed`],
      );
    }
    if (added.length > 0) {
      const message = `${this.what(site)} gained enum value${added.length > 1 ? "s" : ""} ${added.map(show).join(", ")}`;
      // Extensible enums promise new values; clients must already cope with them.
      if (extensible && site.direction === "response") this.report("docs-changed", site, message);
      else this.report("enum-value-added", site, message, [`${prefix}value-added`]);
    }
  }

  private compareConst(vb: SchemaView, vh: SchemaView, site: SchemaSite): void {
    const cb = vb.constValue;
    const ch = vh.constValue;
    if (!cb && !ch) return;
    if (cb && ch) {
      if (stableStringify(cb.value) !== stableStringify(ch.value)) {
        this.report(
          "const-changed",
          site,
          `const of ${this.what(site)} changed from ${show(cb.value)} to ${show(ch.value)}`,
          ["const-changed"],
        );
      }
    } else if (ch)
      this.report("const-added", site, `${this.what(site)} became the constant ${show(ch.value)}`, [
        "const-added",
      ]);
    else
      this.report("const-removed", site, `${this.what(site)} is no longer a constant`, [
        "const-removed",
      ]);
  }

  private compareObject(vb: SchemaView, vh: SchemaView, site: SchemaSite, depth: number): void {
    const request = site.direction === "request";
    // Clients never send readOnly properties and never receive writeOnly ones.
    const hidden = request ? "readOnly" : "writeOnly";
    const isHidden = (v: SchemaView, k: string, n: "base" | "head") => {
      const s = v.properties.get(k);
      return s !== undefined && this.ctx[n].flatten(s)[hidden] === true;
    };
    const keys = new Set([
      ...vb.properties.keys(),
      ...vb.required,
      ...vh.properties.keys(),
      ...vh.required,
    ]);
    for (const k of keys) {
      const inBase = vb.properties.has(k) || vb.required.has(k);
      const inHead = vh.properties.has(k) || vh.required.has(k);
      const reqBase = vb.required.has(k) && !isHidden(vb, k, "base");
      const reqHead = vh.required.has(k) && !isHidden(vh, k, "head");
      const child: SchemaSite = { ...site, path: site.path ? `${site.path}.${k}` : k };
      const label = `\`${child.path}\``;
      if (inBase && !inHead) {
        if (request) {
          if (vh.additional === "closed")
            this.report(
              "property-removed-closed",
              child,
              `property ${label} was removed and extra properties are rejected`,
              ["=request-property-removed"],
            );
          else if (!isHidden(vb, k, "base"))
            this.report("property-removed", child, `property ${label} was removed`, [
              "=request-property-removed",
            ]);
        } else if (reqBase)
          this.report(
            "required-property-removed",
            child,
            `required property ${label} was removed`,
            ["=response-required-property-removed"],
          );
        else if (!isHidden(vb, k, "base"))
          this.report(
            "optional-property-removed",
            child,
            `optional property ${label} was removed`,
            ["=response-optional-property-removed"],
          );
        continue;
      }
      if (!inBase && inHead) {
        if (request) {
          if (reqHead)
            this.report("property-added-required", child, `new required property ${label}`, [
              "=new-required-request-property",
            ]);
          else
            this.report("property-added-optional", child, `new optional property ${label}`, [
              "=new-optional-request-property",
            ]);
        } else if (!isHidden(vh, k, "head"))
          this.report(
            "property-added",
            child,
            `new ${reqHead ? "required" : "optional"} property ${label}`,
            [reqHead ? "=response-required-property-added" : "=response-optional-property-added"],
          );
        continue;
      }
      if (reqBase !== reqHead) {
        const became = reqHead ? "became-required" : "became-optional";
        this.report(
          `property-${became}`,
          child,
          `property ${label} ${reqHead ? "became required" : "became optional"}`,
          [`=${site.direction}-property-${became}`],
        );
      }
      const sb = vb.properties.get(k);
      const sh = vh.properties.get(k);
      if (sb && sh) this.compare(sb, sh, child, depth + 1);
      else if (!sb && sh)
        this.report("constraint-tightened", child, `property ${label} got a schema`, [], true);
      else if (sb && !sh)
        this.report("constraint-relaxed", child, `property ${label} lost its schema`, [], true);
    }
    this.compareAdditional(vb, vh, site, depth);
  }

  private compareAdditional(vb: SchemaView, vh: SchemaView, site: SchemaSite, depth: number): void {
    const ab = vb.additional;
    const ah = vh.additional;
    if (ab === ah) return;
    if (typeof ab === "object" && typeof ah === "object") {
      this.compare(ab, ah, { ...site, path: `${site.path || ""}{*}` }, depth + 1);
      return;
    }
    const rank = (a: typeof ab) => (a === "open" ? 2 : a === "closed" ? 0 : 1);
    const tighter = rank(ah) < rank(ab);
    const describe = (a: typeof ab) =>
      a === "open" ? "allowed" : a === "closed" ? "forbidden" : "restricted by a schema";
    this.report(
      tighter ? "constraint-tightened" : "constraint-relaxed",
      site,
      `additional properties of ${this.what(site)}: ${describe(ab)} → ${describe(ah)}`,
      [tighter ? "additional-properties-restricted" : "additional-properties-relaxed"],
      true,
    );
  }

  private compareArray(vb: SchemaView, vh: SchemaView, site: SchemaSite, depth: number): void {
    const path = `${site.path}[]`;
    if (vb.items && vh.items) this.compare(vb.items, vh.items, { ...site, path }, depth + 1);
    else if (!vb.items && vh.items && !vh.prefixItems)
      this.report(
        "constraint-tightened",
        site,
        `items of ${this.what(site)} got a schema`,
        ["items-added"],
        true,
      );
    else if (vb.items && !vh.items && !vb.prefixItems)
      this.report(
        "constraint-relaxed",
        site,
        `items of ${this.what(site)} lost their schema`,
        ["items-removed"],
        true,
      );
    if (!vb.prefixItems && !vh.prefixItems) return;
    const n = Math.max(vb.prefixItems?.length ?? 0, vh.prefixItems?.length ?? 0);
    for (let i = 0; i < n; i++) {
      const b = vb.prefixItems?.[i] ?? vb.items;
      const h = vh.prefixItems?.[i] ?? vh.items;
      const child = { ...site, path: `${site.path}[${i}]` };
      if (b && h) this.compare(b, h, child, depth + 1);
      else if (!b && h)
        this.report(
          "constraint-tightened",
          child,
          `item ${i} of ${this.what(site)} got a schema`,
          ["prefix-items-added"],
          true,
        );
      else if (b && !h)
        this.report(
          "constraint-relaxed",
          child,
          `item ${i} of ${this.what(site)} lost its schema`,
          ["prefix-items-removed"],
          true,
        );
    }
  }

  private compareKeywords(vb: SchemaView, vh: SchemaView, site: SchemaSite, depth: number): void {
    const kb = vb.keywords;
    const kh = vh.keywords;
    const keys = new Set([...Object.keys(kb), ...Object.keys(kh)]);
    for (const key of keys) {
      const b = kb[key];
      const h = kh[key];
      if (stableStringify(b) === stableStringify(h)) continue;
      const bound = boundKind(key);
      const name = kebab(key);
      const affectsTypes = TYPE_AFFECTING_KEYWORDS.has(key);
      if (bound) {
        if (typeof b !== "number" && typeof h !== "number") continue;
        const tighter =
          typeof b !== "number"
            ? true
            : typeof h !== "number"
              ? false
              : bound === "lower"
                ? h > b
                : h < b;
        const verb =
          typeof b !== "number"
            ? "set"
            : typeof h !== "number"
              ? "removed"
              : h > b
                ? "increased"
                : "decreased";
        this.report(
          tighter ? "constraint-tightened" : "constraint-relaxed",
          site,
          `${key} of ${this.what(site)} ${verb}${typeof b === "number" ? ` from ${b}` : ""}${typeof h === "number" ? ` to ${h}` : ""}`,
          [`${name}-${verb}`],
          affectsTypes,
        );
        continue;
      }
      switch (key) {
        case "format": {
          const verb = b === undefined ? "added" : h === undefined ? "removed" : "changed";
          this.report(
            "format-changed",
            site,
            `format of ${this.what(site)} ${verb}${b !== undefined ? ` from ${show(b)}` : ""}${h !== undefined ? ` to ${show(h)}` : ""}`,
            [`format-${verb}`],
            false,
          );
          break;
        }
        case "pattern": {
          const verb = b === undefined ? "added" : h === undefined ? "removed" : "changed";
          const concept =
            verb === "added"
              ? "constraint-tightened"
              : verb === "removed"
                ? "constraint-relaxed"
                : "constraint-changed";
          this.report(
            concept,
            site,
            `${key} of ${this.what(site)} ${verb}${b !== undefined ? ` from ${show(b)}` : ""}${h !== undefined ? ` to ${show(h)}` : ""}`,
            [`${name}-${verb}`],
            false,
          );
          break;
        }
        case "multipleOf": {
          const nb = typeof b === "number" ? b : undefined;
          const nh = typeof h === "number" ? h : undefined;
          const concept =
            nb === undefined
              ? "constraint-tightened"
              : nh === undefined
                ? "constraint-relaxed"
                : Number.isInteger(nh / nb)
                  ? "constraint-tightened"
                  : Number.isInteger(nb / nh)
                    ? "constraint-relaxed"
                    : "constraint-changed";
          this.report(
            concept,
            site,
            `multipleOf of ${this.what(site)} changed from ${show(b)} to ${show(h)}`,
            ["multiple-of-changed"],
            false,
          );
          break;
        }
        case "uniqueItems":
          this.report(
            h === true ? "constraint-tightened" : "constraint-relaxed",
            site,
            `uniqueItems of ${this.what(site)} ${h === true ? "set" : "removed"}`,
            [h === true ? "unique-items-set" : "unique-items-unset"],
            false,
          );
          break;
        case "contentEncoding":
        case "contentMediaType":
          this.report(
            "encoding-changed",
            site,
            `${key} of ${this.what(site)} changed from ${show(b)} to ${show(h)}`,
            [`${name}-changed`],
            false,
          );
          break;
        case "not":
          this.report(
            b === undefined
              ? "constraint-tightened"
              : h === undefined
                ? "constraint-relaxed"
                : "constraint-changed",
            site,
            `\`not\` of ${this.what(site)} ${b === undefined ? "added" : h === undefined ? "removed" : "changed"}`,
            [`not-${b === undefined ? "added" : "removed"}`],
            false,
          );
          break;
        case "dependentRequired":
          this.compareDependentRequired(b, h, site);
          break;
        case "dependentSchemas":
        case "patternProperties":
          this.compareSchemaMap(key, b, h, site, depth);
          break;
        default:
          if ((STRUCTURAL as readonly string[]).includes(key)) {
            if (b === undefined || h === undefined) {
              this.report(
                b === undefined ? "constraint-tightened" : "constraint-relaxed",
                site,
                `${key} of ${this.what(site)} ${b === undefined ? "added" : "removed"}`,
                [`${name}-${b === undefined ? "added" : "removed"}`],
                false,
              );
            } else if (isRecord(b) && isRecord(h))
              this.compare(b, h, { ...site, path: `${site.path}(${key})` }, depth + 1);
            else
              this.report(
                h === false
                  ? "constraint-tightened"
                  : b === false
                    ? "constraint-relaxed"
                    : "constraint-changed",
                site,
                `${key} of ${this.what(site)} changed`,
                [`${name}-changed`],
                false,
              );
          } else if ((CONDITIONAL as readonly string[]).includes(key)) {
            const verb = b === undefined ? "added" : h === undefined ? "removed" : "changed";
            this.report(
              verb === "added"
                ? "constraint-tightened"
                : verb === "removed"
                  ? "constraint-relaxed"
                  : "constraint-changed",
              site,
              `\`${key}\` of ${this.what(site)} ${verb}`,
              [`${name}-${verb}`],
              false,
            );
          }
      }
    }
  }

  private compareDependentRequired(b: unknown, h: unknown, site: SchemaSite): void {
    const mb = isRecord(b) ? b : {};
    const mh = isRecord(h) ? h : {};
    for (const k of new Set([...Object.keys(mb), ...Object.keys(mh)])) {
      const lb = new Set(Array.isArray(mb[k]) ? (mb[k] as unknown[]) : []);
      const lh = new Set(Array.isArray(mh[k]) ? (mh[k] as unknown[]) : []);
      const added = [...lh].filter((x) => !lb.has(x));
      const removed = [...lb].filter((x) => !lh.has(x));
      if (added.length > 0)
        this.report(
          "constraint-tightened",
          site,
          `when \`${k}\` is present, ${this.what(site)} now also requires ${added.map(show).join(", ")}`,
          ["dependent-required-added"],
          false,
        );
      if (removed.length > 0)
        this.report(
          "constraint-relaxed",
          site,
          `when \`${k}\` is present, ${this.what(site)} no longer requires ${removed.map(show).join(", ")}`,
          ["dependent-required-removed"],
          false,
        );
    }
  }

  private compareSchemaMap(
    key: string,
    b: unknown,
    h: unknown,
    site: SchemaSite,
    depth: number,
  ): void {
    const mb = isRecord(b) ? b : {};
    const mh = isRecord(h) ? h : {};
    const singular = key === "patternProperties" ? "pattern-property" : "dependent-schema";
    for (const k of new Set([...Object.keys(mb), ...Object.keys(mh)])) {
      if (!(k in mh))
        this.report(
          "constraint-relaxed",
          site,
          `${key} entry ${show(k)} of ${this.what(site)} removed`,
          [`${singular}-removed`],
          false,
        );
      else if (!(k in mb))
        this.report(
          "constraint-tightened",
          site,
          `${key} entry ${show(k)} of ${this.what(site)} added`,
          [`${singular}-added`],
          false,
        );
      else
        this.compare(
          asSchema(mb[k]),
          asSchema(mh[k]),
          { ...site, path: `${site.path}(${key} ${k})` },
          depth + 1,
        );
    }
  }
}

function location(site: SchemaSite): string {
  return site.path ? `${site.prefix}: ${site.path}` : site.prefix;
}

function oasdiffScope(site: SchemaSite): string {
  if (site.scope === "parameter")
    return site.path ? "request-parameter-property" : "request-parameter";
  if (site.scope === "header")
    return site.direction === "request" ? "request-header" : "response-header";
  return `${site.direction}-${site.path ? "property" : "body"}`;
}

function kebab(s: string): string {
  return s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

function tsTypes(types: ReadonlySet<string> | undefined): string {
  return types
    ? [...new Set([...types].map((t) => (t === "integer" ? "number" : t)))].sort().join("|")
    : "*";
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

/** Whether every type in `inner` is accepted by `outer` (integer is a kind of number). */
function covers(outer: ReadonlySet<string>, inner: ReadonlySet<string>): boolean {
  return [...inner].every((t) => outer.has(t) || (t === "integer" && outer.has("number")));
}

function isJsonMedia(mediaType: string | undefined): boolean {
  return mediaType === undefined || /json|\*\/\*|^text\/plain|form/i.test(mediaType);
}

function isObjectish(v: SchemaView): boolean {
  return (
    v.types?.has("object") === true ||
    v.properties.size > 0 ||
    v.required.size > 0 ||
    v.additional !== "open"
  );
}

function isArrayish(v: SchemaView): boolean {
  return v.types?.has("array") === true || v.items !== undefined || v.prefixItems !== undefined;
}

function typeSignature(v: SchemaView): string {
  return v.types ? [...v.types].sort().join(",") : "*";
}

function propertyOverlap(b: SchemaView, h: SchemaView): boolean {
  if (b.properties.size === 0 && h.properties.size === 0) return true;
  return [...b.properties.keys()].some((k) => h.properties.has(k));
}

function describeBranch(v: SchemaView): string {
  if (v.name) return `\`${v.name}\``;
  if (typeof v.keywords.title === "string") return `\`${v.keywords.title}\``;
  if (v.enumValues) return v.enumValues.map(show).join("|");
  if (v.properties.size > 0)
    return `object {${[...v.properties.keys()].slice(0, 4).join(", ")}${v.properties.size > 4 ? ", ..." : ""}}`;
  return v.types ? [...v.types].join("|") : "any";
}
