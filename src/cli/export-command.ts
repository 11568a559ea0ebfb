/**
 * Internal. `cities-kg export [--format backup|gexf|graphml|json] [--out FILE] [--ids a,b --depth N]`:
 * writes the whole graph as served (seed + curated changes) — a backup (the default, for
 * `import`) or a file for Gephi, yEd or graphology — or the neighbourhood of some ids.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { openGraph } from '../app/open-graph';
import { exportBackup } from '../backup/export-backup';
import { exportGraph } from '../export/export-graph';
import { EXPORT_FORMATS, isExportFormat, type ExportFormat } from '../export/serialize-graph';
import { UsageError, type Command } from './command';

const DEFAULT_OUT: Readonly<Record<'backup' | ExportFormat, string>> = {
  backup: 'cities-kg-backup.json',
  gexf: 'cities-kg.gexf',
  graphml: 'cities-kg.graphml',
  json: 'cities-kg.graphology.json',
};

export const exportCommand: Command = async (args, { config, logger, out }) => {
  const { values } = parseArgs({
    args: [...args],
    options: { format: { type: 'string', default: 'backup' }, out: { type: 'string' }, ids: { type: 'string' }, depth: { type: 'string' } },
    strict: true,
  });
  const format = values.format;
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
  const file = values.out ?? DEFAULT_OUT[format];

  const graph = await openGraph(config, logger);
  try {
    const text =
      format === 'backup'
        ? `${JSON.stringify(await exportBackup(graph.store), null, 2)}\n`
        : await exportGraph(graph.store, format, ids ? { ids, ...(depth === undefined ? {} : { depth }) } : undefined);
    await writeFile(file, text, 'utf8');
    out.write(`exported ${format} to ${file} (${Buffer.byteLength(text)} bytes)\n`);
    return 0;
  } finally {
    await graph.close();
  }
};
