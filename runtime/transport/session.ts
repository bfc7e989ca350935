/**
 * Who we are to the server: the client-made session id, the user, the client type, and the server-side session
 * id. The server mints a new server-side id when it restarts or loses the session; we pin the first one we see
 * and refuse to carry on silently against a different one, since temp views, configs and caches would be gone.
 * Once that happened the session stays unusable, as in PySpark.
 */
import { ServerSessionChangedError, SparkConnectError } from "../errors/index.js";

/** The fields every Spark Connect request starts with. */
export interface RequestEnvelope {
  readonly sessionId: string;
  readonly userContext: { readonly userId: string };
  readonly clientType: string;
  readonly clientObservedServerSideSessionId?: string;
}

/** The identifying fields every Spark Connect response carries. */
export interface ResponseIdentity {
  readonly sessionId: string;
  readonly serverSideSessionId: string;
}

export class Session {
  private pinnedServerSessionId: string | undefined;
  private lost: ServerSessionChangedError | undefined;

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

  /** The request envelope; throws if the server-side session was lost earlier. */
  envelope(): RequestEnvelope {
    if (this.lost !== undefined) throw this.lost;
    const base = { sessionId: this.sessionId, userContext: { userId: this.userId }, clientType: this.clientType };
    const observed = this.pinnedServerSessionId;
    return observed === undefined ? base : { ...base, clientObservedServerSideSessionId: observed };
  }

  /**
   * Checks a response: it must be for our session, and pins the first server-side id, failing if a later response
   * names another. Empty ids (fields the server left unset) are ignored.
   */
  observe(response: ResponseIdentity): void {
    if (response.sessionId !== "" && response.sessionId !== this.sessionId) {
      throw new SparkConnectError(
        `Received a response for session ${response.sessionId} on session ${this.sessionId}; ` +
          "the server or a proxy mixed up sessions.",
      );
    }
    const serverSideSessionId = response.serverSideSessionId;
    if (serverSideSessionId === "") return;
    if (this.pinnedServerSessionId === undefined) {
      this.pinnedServerSessionId = serverSideSessionId;
      return;
    }
    if (serverSideSessionId !== this.pinnedServerSessionId) {
      throw this.markLost(
        new ServerSessionChangedError(
          `The server-side session changed from ${this.pinnedServerSessionId} to ${serverSideSessionId} ` +
            `(session ${this.sessionId}): the server was restarted or dropped the session, so its state is lost. ` +
            "Create a new session.",
          { errorClass: "INVALID_HANDLE.SESSION_CHANGED" },
        ),
      );
    }
  }

  /** Records that the server-side session is gone; every later request fails with `error`. */
  markLost(error: ServerSessionChangedError): ServerSessionChangedError {
    this.lost ??= error;
    return error;
  }
}

/** User id: the connection string's, else SPARK_USER, else USER; empty when none is known. */
export function resolveUserId(
  fromConnectionString: string | undefined,
  env: { readonly SPARK_USER?: string | undefined; readonly USER?: string | undefined },
): string {
  return fromConnectionString ?? env.SPARK_USER ?? env.USER ?? "";
}
