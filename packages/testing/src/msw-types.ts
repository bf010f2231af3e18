// msw is an optional peer dependency. Without it this import resolves to `any` (the directive
// below ignores the missing module; an expect-error directive would fail where msw is
// installed), so the package's types never require msw; with it, `fake.handlers` are msw's own
// `HttpHandler`s.
// biome-ignore lint/suspicious/noTsIgnore: the error exists only where msw is missing
// @ts-ignore
import type { HttpHandler } from "msw";

/** An msw 2 request handler (msw's `HttpHandler` when msw is installed). */
export type FakeMswHandler = HttpHandler;
