import { defineProjectConfig } from "../../vitest.shared.js";

export default defineProjectConfig(import.meta.dirname, {
  typecheck: { enabled: true, include: ["test/**/*.test-d.ts"] },
});
