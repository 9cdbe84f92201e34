import type {
  ExtensionHandshakeBody,
  ExtensionHeartbeatBody,
  ExtensionNonce,
  ExtensionStatus,
} from '@adal/shared';
import type { CallApi } from '@adal/shared/web';

/** The server's extension routes for one sitting (a fake stands in for it in tests). */
export interface ExtensionServer {
  nonce(): Promise<ExtensionNonce>;
  handshake(body: ExtensionHandshakeBody): Promise<ExtensionStatus>;
  heartbeat(body: ExtensionHeartbeatBody): Promise<ExtensionStatus>;
}

export function extensionServer(callApi: CallApi, sittingId: string): ExtensionServer {
  const params = { sittingId };
  return {
    nonce: () => callApi('extensionNonce', { params }),
    handshake: (body) => callApi('extensionHandshake', { params, body }),
    heartbeat: (body) => callApi('extensionHeartbeat', { params, body }),
  };
}
