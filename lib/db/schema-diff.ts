// Computes the SQL that takes the database described by prisma/migrations to the one described by
// schema.prisma. It runs Prisma's real schema engine (WebAssembly) over in-memory PGlite databases, so it
// needs neither a server nor the native engine that the Prisma CLI would download.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';

type ScriptAdapter = {
  client: PGlite;
  executeScript(script: string): Promise<void>;
  onError(e: unknown): void;
};

// pglite-prisma-adapter 0.7.2 does not await exec() in executeScript, so a failing migration would go unnoticed.
function awaitScripts<T>(adapter: T): T {
  const a = adapter as unknown as ScriptAdapter;
  a.executeScript = async (script) => {
    try {
      await a.client.exec(script);
    } catch (e) {
      a.onError(e);
    }
  };
  return adapter;
}

class PGliteFactory extends PrismaPGlite {
  override async connect() {
    return awaitScripts(await super.connect());
  }
  override async connectToShadowDb() {
    return awaitScripts(await super.connectToShadowDb());
  }
}

type EngineModule = {
  SchemaEngine: { new: (...args: unknown[]) => Promise<SchemaEngine> };
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
};
type SchemaEngine = {
  diff(params: unknown): Promise<{ exitCode: number; stdout: string }>;
};

async function loadEngine(): Promise<EngineModule> {
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve('sew/schema_engine_bg'));
  // The wasm glue reports Rust panics through this global, which the Prisma CLI normally defines.
  const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown };
  const registry = { message: '', set_message: (_m: string) => {}, get: () => registry.message };
  registry.set_message = (m: string) => {
    registry.message = `RuntimeError: ${m}`;
  };
  g.PRISMA_WASM_PANIC_REGISTRY ??= registry;
  const bg = (await import(path.join(dir, 'schema_engine_bg.js'))) as EngineModule;
  const bytes = fs.readFileSync(path.join(dir, 'schema_engine_bg.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg as never });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bg;
}

function readMigrations(dir: string) {
  const baseDir = path.resolve(dir);
  const lockPath = path.join(baseDir, 'migration_lock.toml');
  const names = fs.existsSync(baseDir)
    ? fs
        .readdirSync(baseDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  return {
    baseDir,
    lockfile: {
      path: 'migration_lock.toml',
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, 'utf8') : null,
    },
    shadowDbInitScript: '',
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok', value: fs.readFileSync(path.join(baseDir, name, 'migration.sql'), 'utf8') },
      },
    })),
  };
}

/** The SQL still missing from the migrations; an empty string means they match the schema. */
export async function diffSchemaAgainstMigrations(options: {
  schemaPath: string;
  migrationsDir: string;
}): Promise<string> {
  const bg = await loadEngine();
  const factory = bindMigrationAwareSqlAdapterFactory(new PGliteFactory(await PGlite.create()) as never);
  const engine = await bg.SchemaEngine.new({ datamodels: undefined }, () => {}, factory);
  const result = await engine.diff({
    from: { tag: 'migrations', ...readMigrations(options.migrationsDir) },
    to: {
      tag: 'schemaDatamodel',
      files: [{ path: options.schemaPath, content: fs.readFileSync(options.schemaPath, 'utf8') }],
    },
    script: true,
    exitCode: true,
    filters: { externalTables: [], externalEnums: [] },
  });
  // Exit code 2 means "there are changes"; 0 means none. The script for no changes is a comment line only.
  return result.exitCode === 2 ? result.stdout : '';
}
