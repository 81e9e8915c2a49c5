// Vite's client types (import.meta.glob, ?url imports) for the browser hosts.
/// <reference types="vite/client" />
