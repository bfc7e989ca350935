/**
 * A small typed client for the SparkConnectService over grpc-js. Method paths and message schemas come from the
 * protobuf-es service descriptor, so a request or response of the wrong type does not compile.
 */
import { fromBinary, type MessageShape, toBinary } from "@bufbuild/protobuf";
import * as grpc from "@grpc/grpc-js";
import { SparkConnectService } from "../../generated/proto/spark/connect/base_pb.js";

type Service = typeof SparkConnectService.method;
export type RpcName = keyof Service;
type RpcOfKind<Kind extends string> = { [K in RpcName]: Service[K]["methodKind"] extends Kind ? K : never }[RpcName];
export type UnaryRpc = RpcOfKind<"unary">;
export type ServerStreamRpc = RpcOfKind<"server_streaming">;
export type ClientStreamRpc = RpcOfKind<"client_streaming">;
export type RpcRequest<K extends RpcName> = MessageShape<Service[K]["input"]>;
export type RpcResponse<K extends RpcName> = MessageShape<Service[K]["output"]>;

/** Spark's own clients allow 128 MiB messages; result batches can be large. */
const MAX_MESSAGE_BYTES = 128 * 1024 * 1024;

export interface GrpcClientOptions {
  readonly endpoint: string;
  readonly credentials: grpc.ChannelCredentials;
  /** Headers sent with every call (custom connection-string parameters, `authorization`). */
  readonly headers: Readonly<Record<string, string>>;
  readonly channelOptions?: grpc.ChannelOptions;
  /** Told about every RPC attempt before it is sent (tests count RPCs with it). */
  readonly onRpc?: ((rpc: RpcName) => void) | undefined;
}

/** A server stream: its messages, and a way to stop it early. */
export interface ServerStream<T> {
  readonly messages: AsyncIterator<T>;
  cancel(): void;
}

export class GrpcClient {
  private readonly client: grpc.Client;
  private readonly headers: Readonly<Record<string, string>>;
  private readonly onRpc: ((rpc: RpcName) => void) | undefined;
  private users = 1;

  constructor(options: GrpcClientOptions) {
    this.client = new grpc.Client(options.endpoint, options.credentials, {
      "grpc.max_send_message_length": MAX_MESSAGE_BYTES,
      "grpc.max_receive_message_length": MAX_MESSAGE_BYTES,
      ...options.channelOptions,
    });
    this.headers = options.headers;
    this.onRpc = options.onRpc;
  }

  /** Resolves once the channel is connected; rejects if that does not happen within `timeoutMs`. */
  waitForReady(timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.client.waitForReady(Date.now() + timeoutMs, (error) => (error ? reject(error) : resolve()));
    });
  }

  /** One request, one response; aborting `signal` cancels the call (it then fails with status CANCELLED). */
  unary<K extends UnaryRpc>(rpc: K, request: RpcRequest<K>, signal?: AbortSignal): Promise<RpcResponse<K>> {
    const method = SparkConnectService.method[rpc];
    this.onRpc?.(rpc);
    return new Promise((resolve, reject) => {
      const call = this.client.makeUnaryRequest(
        pathOf(method.name),
        (message: RpcRequest<K>) => serialize(toBinary(method.input, message)),
        (bytes: Buffer) => fromBinary(method.output, bytes) as RpcResponse<K>,
        request,
        this.metadata(),
        {},
        (error, response) => {
          signal?.removeEventListener("abort", cancel);
          if (error || response === undefined) reject(error);
          else resolve(response);
        },
      );
      const cancel = () => call.cancel();
      signal?.addEventListener("abort", cancel, { once: true });
    });
  }

  serverStream<K extends ServerStreamRpc>(rpc: K, request: RpcRequest<K>): ServerStream<RpcResponse<K>> {
    const method = SparkConnectService.method[rpc];
    this.onRpc?.(rpc);
    const call = this.client.makeServerStreamRequest(
      pathOf(method.name),
      (message: RpcRequest<K>) => serialize(toBinary(method.input, message)),
      (bytes: Buffer) => fromBinary(method.output, bytes) as RpcResponse<K>,
      request,
      this.metadata(),
      {},
    );
    const messages = (call as AsyncIterable<RpcResponse<K>>)[Symbol.asyncIterator]();
    return { messages, cancel: () => call.cancel() };
  }

  clientStream<K extends ClientStreamRpc>(rpc: K, requests: readonly RpcRequest<K>[]): Promise<RpcResponse<K>> {
    const method = SparkConnectService.method[rpc];
    this.onRpc?.(rpc);
    return new Promise((resolve, reject) => {
      const call = this.client.makeClientStreamRequest(
        pathOf(method.name),
        (message: RpcRequest<K>) => serialize(toBinary(method.input, message)),
        (bytes: Buffer) => fromBinary(method.output, bytes) as RpcResponse<K>,
        this.metadata(),
        {},
        (error, response) => (error || response === undefined ? reject(error) : resolve(response)),
      );
      for (const request of requests) call.write(request);
      call.end();
    });
  }

  /** One more user of this channel (a cloned session shares its parent's); see `close`. */
  retain(): this {
    this.users += 1;
    return this;
  }

  /** Gives up one use; the channel itself closes when its last user gives it up. */
  close(): void {
    if (this.users === 0) return;
    this.users -= 1;
    if (this.users === 0) this.client.close();
  }

  private metadata(): grpc.Metadata {
    const metadata = new grpc.Metadata();
    for (const [key, value] of Object.entries(this.headers)) metadata.set(key, value);
    return metadata;
  }
}

function pathOf(methodName: string): string {
  return `/${SparkConnectService.typeName}/${methodName}`;
}

/** Wraps the encoded bytes without copying them. */
function serialize(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
