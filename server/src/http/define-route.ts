import type { HttpRoutes, Role, RouteName, RouteResponse } from '@adal/shared';
import type { Request, Response } from 'express';
import type { z } from 'zod';
import type { AppContext } from '../app-context.js';
import type { Actor } from './actor.js';

type Out<R, K extends string> = R extends Record<K, infer S extends z.ZodType> ? z.output<S> : undefined;

/**
 * Who may call a route at all; ownership of the resource is checked separately by `owns`.
 * `service`: another process of ours (the SFU) with a bearer service token, never a user.
 */
export type Access = 'public' | 'service' | 'authenticated' | readonly Role[];

export interface RouteInput<N extends RouteName, A> {
  actor: A;
  params: Out<HttpRoutes[N], 'params'>;
  query: Out<HttpRoutes[N], 'query'>;
  body: Out<HttpRoutes[N], 'body'>;
  ctx: AppContext;
  req: Request;
  res: Response;
}

type ActorFor<X extends Access> = X extends 'public' | 'service' ? Actor | null : Actor;

export interface RouteDef<N extends RouteName, X extends Access = Access> {
  access: X;
  /** Does this actor own the resource named in params/body (their sitting, their student)? */
  owns?: (input: RouteInput<N, Actor>) => Promise<boolean>;
  /** HTTP status on success; 200 unless set. */
  status?: number;
  handle: (input: RouteInput<N, ActorFor<X>>) => Promise<RouteResponse<N>>;
}

/** Identity function that ties a handler to its contract, for inference. */
export const defineRoute = <N extends RouteName, X extends Access>(_name: N, def: RouteDef<N, X>) => def;

export type RouteTable = { [N in RouteName]: RouteDef<N> };
