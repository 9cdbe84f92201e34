import { z } from 'zod';

/**
 * Several SFU processes (nodes) announce themselves in Redis with their load; the server puts
 * each sitting on the least-loaded live node and keeps it there. Both sides use these keys.
 */
export const SfuNodeState = z.object({
  nodeId: z.string().min(1).max(128),
  /** Where browsers reach this node's signalling socket. */
  url: z.string().url(),
  workers: z.number().int().nonnegative(),
  rooms: z.number().int().nonnegative(),
  peers: z.number().int().nonnegative(),
  producers: z.number().int().nonnegative(),
  updatedAt: z.string().datetime(),
});
export type SfuNodeState = z.infer<typeof SfuNodeState>;

/** A node's announcement lives this long unless renewed, so a dead node drops out by itself. */
export const SFU_NODE_TTL_SECONDS = 6;
export const SFU_NODE_ANNOUNCE_MS = 2000;

export const sfuNodeKey = (prefix: string, nodeId: string) => `${prefix}:sfu:node:${nodeId}`;
export const sfuNodePattern = (prefix: string) => `${prefix}:sfu:node:*`;
export const sfuPlacementKey = (prefix: string, sittingId: string) => `${prefix}:sfu:placement:${sittingId}`;
/**
 * When a node last announced itself, kept long after its announcement expires: a node killed
 * outright reports nothing, and this is where its sittings' media gaps start.
 */
export const sfuNodeSeenKey = (prefix: string, nodeId: string) => `${prefix}:sfu:seen:${nodeId}`;
export const SFU_NODE_SEEN_TTL_SECONDS = 24 * 3600;

/** Lower is less loaded: producers cost the most (each is forwarded and recorded), then peers. */
export const sfuNodeLoad = (n: SfuNodeState) => (n.producers * 4 + n.peers) / Math.max(1, n.workers);
