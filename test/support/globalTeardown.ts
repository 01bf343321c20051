export default async function globalTeardown(): Promise<void> {
  const handle = globalThis.__embeddedPostgres;
  if (handle) await handle.stop();
}
