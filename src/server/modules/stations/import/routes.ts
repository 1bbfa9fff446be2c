import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../core/errors.js';
import { xlsxFilename } from '../../../core/excel.js';
import { requireActor, runCommand } from '../../../core/http/request.js';
import { authorizeType } from '../../../policy/index.js';
import { importStations, IMPORT_MODES } from './commands.js';
import { readImportSheet } from './read.js';
import { importTemplate } from './template.js';

/** An import file is small: 5,000 rows of eight columns are well under 1 MB. */
const MAX_MB = 5;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const Fields = z.object({
  mode: z.enum(IMPORT_MODES).default('all_or_nothing'),
  dryRun: z
    .enum(['0', '1', 'true', 'false'])
    .default('0')
    .transform((v) => v === '1' || v === 'true'),
});

/** Excel import of the city's existing stations (municipal office): the template and the upload. */
export async function stationImportRoutes(root: FastifyInstance): Promise<void> {
  await root.register(multipart, { limits: { fileSize: MAX_MB * 1024 * 1024, files: 1, fields: 5 } });
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['stations'];

  app.get(
    '/api/stations/import/template.xlsx',
    { schema: { tags, summary: 'The import template (municipal office)' } },
    async (req, reply) => {
      authorizeType(requireActor(req), 'station', 'import');
      const regions = await app.deps.db
        .selectFrom('regions')
        .select('name')
        .where('kind', '=', 'district')
        .orderBy('sort')
        .orderBy('id')
        .execute();
      const buf = await importTemplate(regions.map((r) => r.name));
      reply.type(XLSX).header('Content-Disposition', xlsxFilename('工作站导入模板'));
      return reply.send(buf);
    },
  );

  app.post(
    '/api/stations/import',
    {
      schema: {
        tags,
        summary:
          'Import stations from the template (multipart: file, mode = all_or_nothing | good_rows, dryRun = 0 | 1)',
        consumes: ['multipart/form-data'],
      },
    },
    async (req) => {
      authorizeType(requireActor(req), 'station', 'import');
      if (!req.isMultipart())
        throw new AppError('VALIDATION_FAILED', {}, [{ path: 'file', key: 'required' }]);
      const fields: Record<string, string> = {};
      let upload: { filename: string; data: Buffer } | undefined;
      for await (const part of req.parts()) {
        if (part.type === 'field') fields[part.fieldname] = String(part.value);
        else if (part.fieldname === 'file') {
          const data = await part.toBuffer().catch((err: { code?: string }) => {
            if (err.code === 'FST_REQ_FILE_TOO_LARGE')
              throw new AppError('FILE_TOO_LARGE', { maxMb: MAX_MB });
            throw err;
          });
          upload = { filename: part.filename, data };
        } else await part.toBuffer();
      }
      const parsed = Fields.safeParse({
        mode: fields.mode || undefined,
        dryRun: fields.dryRun || undefined,
      });
      if (!parsed.success)
        throw new AppError(
          'VALIDATION_FAILED',
          {},
          parsed.error.issues.map((i) => ({ path: String(i.path[0] ?? 'mode'), key: 'invalid_value' })),
        );
      if (!upload || upload.data.length === 0)
        throw new AppError('VALIDATION_FAILED', {}, [{ path: 'file', key: 'required' }]);
      // Read (and refuse) the workbook before the transaction starts: no connection waits on parsing.
      const sheet = await readImportSheet(upload.data);
      const file = { ...upload, sheet, mode: parsed.data.mode, dryRun: parsed.data.dryRun };
      return runCommand(app, req, (ctx) => importStations(ctx, file, req.lang));
    },
  );
}
