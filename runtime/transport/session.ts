/**
 * Who we are to the server: the client-made session id, the user, the client type, and the server-side session
 * id. The server mints a new server-side id when it restarts or loses the session; we pin the first one we see
 * and refuse to carry on silently against a different one, since temp views, configs and caches would be gone.
 */
import { ServerSessionChangedError } from "../errors/index.js";

/** The fields every Spark Connect request starts with. */
export interface RequestEnvelope {
  readonly sessionId: string;
  readonly userContext: { readonly userId: string };
  readonly clientType: string;
  readonly clientObservedServerSideSessionId?: string;
}

export class Session {
  private pinnedServerSessionId: string | undefined;

  constructor(
    readonly sessionId: string,
    readonly userId: string,
    readonly clientType: string,
    serverSideSessionId?: string,
  ) {
    this.pinnedServerSessionId = serverSideSessionId;
  }

  get serverSideSessionId(): string | undefined {
    return this.pinnedServerSessionId;
  }

  envelope(): RequestEnvelope {
    const base = { sessionId: this.sessionId, userContext: { userId: this.userId }, clientType: this.clientType };
    const observed = this.pinnedServerSessionId;
    return observed === undefined ? base : { ...base, clientObservedServerSideSessionId: observed };
  }

  /** Pins the first server-side id; throws if a later response names another. Empty ids are ignored. */
  observe(serverSideSessionId: string): void {
    if (serverSideSessionId === "") return;
    if (this.pinnedServerSessionId === undefined) {
      this.pinnedServerSessionId = serverSideSessionId;
      return;
    }
    if (serverSideSessionId !== this.pinnedServerSessionId) {
      throw new ServerSessionChangedError(
        `The server-side session changed from ${this.pinnedServerSessionId} to ${serverSideSessionId} ` +
          `(session ${this.sessionId}): the server was restarted or dropped the session, so its state is lost. ` +
          "Create a new session.",
        { errorClass: "INVALID_HANDLE.SESSION_CHANGED" },
      );
    }
  }
}

/** User id: the connection string's, else SPARK_USER, else USER; empty when none is known. */
export function resolveUserId(
  fromConnectionString: string | undefined,
  env: { readonly SPARK_USER?: string | undefined; readonly USER?: string | undefined },
): string {
  return fromConnectionString ?? env.SPARK_USER ?? env.USER ?? "";
}
