/**
 * Internal. `cities-kg export [--format backup|gexf|graphml|json] [--out FILE] [--ids a,b --depth N]`:
 * writes the whole graph as served (seed + curated changes) — a backup (the default, for
 * `import`) or a file for Gephi, yEd or graphology — or the neighbourhood of some ids.
 * `cities-kg export --network exchange [--format gexf|graphml|csv] [--out FILE]` writes the
 * exchange network instead (GEXF by default).
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { openGraph } from '../app/open-graph';
import { exportBackup } from '../backup/export-backup';
import { exportGraph } from '../export/export-graph';
import { EXCHANGE_FORMATS, exportExchangeNetwork, isExchangeFormat, type ExchangeFormat } from '../export/serialize-exchange';
import { EXPORT_FORMATS, isExportFormat, type ExportFormat } from '../export/serialize-graph';
import type { GraphStore } from '../store/GraphStore';
import { UsageError, type Command, type CommandContext } from './command';

const DEFAULT_OUT: Readonly<Record<'backup' | ExportFormat, string>> = {
  backup: 'cities-kg-backup.json',
  gexf: 'cities-kg.gexf',
  graphml: 'cities-kg.graphml',
  json: 'cities-kg.graphology.json',
};

const EXCHANGE_OUT: Readonly<Record<ExchangeFormat, string>> = {
  gexf: 'cities-kg-exchange-network.gexf',
  graphml: 'cities-kg-exchange-network.graphml',
  csv: 'cities-kg-exchange-network.csv',
};

const NETWORKS = ['exchange'] as const;

export const exportCommand: Command = async (args, context) => {
  const { values } = parseArgs({
    args: [...args],
    options: {
      format: { type: 'string' },
      out: { type: 'string' },
      ids: { type: 'string' },
      depth: { type: 'string' },
      network: { type: 'string' },
    },
    strict: true,
  });
  if (values.network !== undefined) {
    if (!(NETWORKS as readonly string[]).includes(values.network)) {
      throw new UsageError(`--network must be ${NETWORKS.join(', ')}; got "${values.network}"`);
    }
    if (values.ids !== undefined || values.depth !== undefined) {
      throw new UsageError('--network exchange is the whole exchange network; --ids and --depth go with --format gexf|graphml|json');
    }
    const format = values.format ?? 'gexf';
    if (!isExchangeFormat(format))
      throw new UsageError(`--network exchange takes --format ${EXCHANGE_FORMATS.join(', ')}; got "${format}"`);
    return writeExport(context, values.out ?? EXCHANGE_OUT[format], `the exchange network as ${format}`, (store) =>
      exportExchangeNetwork(store, format),
    );
  }
  const format = values.format ?? 'backup';
  if (format !== 'backup' && !isExportFormat(format)) {
    throw new UsageError(`--format must be backup, ${EXPORT_FORMATS.join(', ')}; got "${format}"`);
  }
  if (format === 'backup' && (values.ids !== undefined || values.depth !== undefined)) {
    throw new UsageError('a backup holds the whole graph; --ids and --depth go with --format gexf|graphml|json');
  }
  const depth = values.depth === undefined ? undefined : Number(values.depth);
  if (depth !== undefined && !Number.isInteger(depth)) throw new UsageError(`--depth must be a whole number, got "${values.depth}"`);
  const ids = values.ids
    ?.split(',')
    .map((id) => id.trim())
    .filter((id) => id.length > 0);
  return writeExport(context, values.out ?? DEFAULT_OUT[format], format, async (store) =>
    format === 'backup'
      ? `${JSON.stringify(await exportBackup(store), null, 2)}\n`
      : exportGraph(store, format, ids ? { ids, ...(depth === undefined ? {} : { depth }) } : undefined),
  );
};

async function writeExport(
  { config, logger, out }: CommandContext,
  file: string,
  what: string,
  render: (store: GraphStore) => Promise<string>,
): Promise<number> {
  const graph = await openGraph(config, logger);
  try {
    const text = await render(graph.store);
    await writeFile(file, text, 'utf8');
    out.write(`exported ${what} to ${file} (${Buffer.byteLength(text)} bytes)\n`);
    return 0;
  } finally {
    await graph.close();
  }
}
