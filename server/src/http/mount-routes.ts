import { fieldErrors, http, type RouteContract, type RouteName, Streamed } from '@adal/shared';
import { verifyServiceToken } from '@adal/shared/media-token';
import { type NextFunction, type Request, type Response, Router } from 'express';
import type { z } from 'zod';
import type { AppContext } from '../app-context.js';
import type { Actor } from './actor.js';
import type { RouteDef, RouteTable } from './define-route.js';
import { forbidden, HttpError, unauthenticated } from './http-error.js';
import { NUL_MESSAGE, nulTextPath } from './nul-text.js';

/** Body fields holding a file's text: its importer refuses NUL bytes itself, naming the line. */
const FILE_TEXT: Partial<Record<RouteName, string>> = { importBank: 'text' };

function parsePart(schema: z.ZodType | undefined, value: unknown, part: string, fileText?: string): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value ?? {});
  if (!result.success)
    throw new HttpError('validation_failed', `Invalid request ${part}.`, fieldErrors(result.error, part));
  const data = result.data;
  const inspected = fileText && data && typeof data === 'object' ? { ...data, [fileText]: undefined } : data;
  const nul = nulTextPath(inspected);
  if (nul)
    throw new HttpError('validation_failed', `Invalid request ${part}.`, [
      { path: [part, ...nul].join('.'), message: NUL_MESSAGE },
    ]);
  return data;
}

/** A service route needs a valid bearer service token; a user's session never counts. */
async function checkService(req: Request, secret: string): Promise<void> {
  const bearer = req.headers.authorization?.match(/^Bearer (.+)$/)?.[1];
  try {
    if (!bearer) throw new Error('no bearer token');
    await verifyServiceToken(bearer, secret);
  } catch {
    throw req.actor ? forbidden('Only our own services may call this.') : unauthenticated();
  }
}

function checkRole(def: RouteDef<RouteName>, actor: Actor | null): void {
  if (def.access === 'public' || def.access === 'service') return;
  if (!actor) throw unauthenticated();
  if (def.access !== 'authenticated' && !def.access.includes(actor.role)) throw forbidden();
}

/**
 * Mounts every route of the shared contract. Order: who are you (401), may your role call this
 * (403), is the input valid (400), is the resource yours (403), then the handler.
 */
export function mountRoutes(table: RouteTable, ctx: AppContext): Router {
  const router = Router();
  for (const name of Object.keys(http) as RouteName[]) {
    const contract: RouteContract = http[name];
    const def = table[name] as RouteDef<RouteName>;
    const method = contract.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    // Mounted under /api by createApp.
    router[method](
      contract.path.replace(/^\/api/, ''),
      async (req: Request, res: Response, next: NextFunction) => {
        try {
          const actor = req.actor ?? null;
          if (def.access === 'service') await checkService(req, ctx.config.mediaTokenSecret);
          checkRole(def, actor);
          const input = {
            actor,
            params: parsePart(contract.params, req.params, 'params'),
            query: parsePart(contract.query, req.query, 'query'),
            body: parsePart(contract.body, req.body, 'body', FILE_TEXT[name]),
            ctx,
            req,
            res,
          };
          if (def.owns && actor && !(await def.owns({ ...input, actor } as never))) {
            ctx.log.warn(
              { actor: actor.id, role: actor.role, route: name, params: req.params },
              'refused: not owner',
            );
            throw forbidden('This is not one of your sittings.');
          }
          const result = await def.handle(input as never);
          // A download streamed its own response.
          if (contract.response === Streamed) return;
          // Parsing the response strips any field the contract does not name.
          if (res.statusCode === 200 && def.status) res.status(def.status);
          res.json(contract.response.parse(result));
        } catch (error) {
          if (error instanceof HttpError && error.code === 'forbidden' && req.actor)
            ctx.log.warn({ actor: req.actor.id, role: req.actor.role, route: name }, 'refused');
          next(error);
        }
      },
    );
  }
  return router;
}
