/**
 * Duro over gRPC: {@link dev.duro.grpc.DuroClient} calls objects on a remote host, {@link
 * dev.duro.grpc.DuroGrpcServices} turns object bindings into gRPC services, and {@link
 * dev.duro.grpc.DuroHost} runs a complete host (runtime plus server).
 *
 * <h2>Wire protocol</h2>
 *
 * <p>Each object class is one gRPC service whose full name is its namespace ({@code Counter},
 * {@code shop.Cart}); each {@code @Rpc} method is one unary method of that service. Request and
 * reply are protobuf messages written by the generated code: request fields {@code 1..n} are the
 * parameters, reply field 1 is the return value. The transport carries them as raw bytes.
 *
 * <p>The object is addressed in the request metadata by exactly one of:
 *
 * <ul>
 *   <li>{@code x-duro-object-id}: the id as 64 hex digits (either case);
 *   <li>{@code x-duro-object-name}: the object's name; the host derives the id as {@code
 *       idFromName} does. The value is the name's UTF-8 bytes percent-encoded: every byte outside
 *       {@code 0x21..0x7E}, and {@code '%'}, is written {@code %XX}. Printable ASCII names other
 *       than ones containing {@code '%'} or spaces are sent as they are, e.g. {@code grpcurl -H
 *       'x-duro-object-name: alice' ...}; {@code "café 50%"} is sent as {@code caf%C3%A9%2050%25}.
 *       The object then sees the name in {@code ObjectContext.id().name()}.
 * </ul>
 *
 * <p>{@link dev.duro.grpc.DuroClient} sends the name when the id remembers one (ids from {@code
 * idFromName}) and the hex otherwise. Neither header, both, a header sent twice, malformed hex or
 * percent-encoding, or an id whose MAC belongs to another namespace fail the call with {@code
 * INVALID_ARGUMENT} before anything runs. Names are limited by gRPC's metadata size limit (8 KiB by
 * default).
 *
 * <h2>Errors</h2>
 *
 * <p>A failed call closes with the status below and the trailer {@code duro-error-kind}, from which
 * the client rebuilds the same exception class with the same message:
 *
 * <table>
 *   <caption>Status mapping</caption>
 *   <tr><th>exception on the host</th><th>status</th><th>{@code duro-error-kind}</th></tr>
 *   <tr><td>{@link dev.duro.RemoteFailureException}</td><td>{@code UNKNOWN}</td>
 *       <td>{@code remote-failure}</td></tr>
 *   <tr><td>{@link dev.duro.InvalidRequestException}, {@link dev.duro.codec.CodecException}</td>
 *       <td>{@code INVALID_ARGUMENT}</td><td>{@code invalid-request}</td></tr>
 *   <tr><td>{@link dev.duro.UnknownMethodException}</td><td>{@code UNIMPLEMENTED}</td>
 *       <td>{@code unknown-method}</td></tr>
 *   <tr><td>{@link dev.duro.OverloadedException}</td><td>{@code RESOURCE_EXHAUSTED}</td>
 *       <td>{@code overloaded}</td></tr>
 *   <tr><td>{@link dev.duro.DeadlineExceededException}</td><td>{@code DEADLINE_EXCEEDED}</td>
 *       <td>{@code deadline-exceeded}</td></tr>
 *   <tr><td>{@link dev.duro.CallCycleException}</td><td>{@code FAILED_PRECONDITION}</td>
 *       <td>{@code call-cycle}</td></tr>
 *   <tr><td>{@link dev.duro.UnauthenticatedException}</td><td>{@code UNAUTHENTICATED}</td>
 *       <td>{@code unauthenticated}</td></tr>
 *   <tr><td>{@link dev.duro.TransportException}, any other exception</td>
 *       <td>{@code UNAVAILABLE}</td><td>{@code transport}</td></tr>
 * </table>
 *
 * <p>The status description is the exception's message (for an exception that is not a {@link
 * dev.duro.DuroException}, its class and message); for a remote failure it is {@code "<remoteType>:
 * <message>"}, and the trailers {@code duro-error-type} and {@code duro-error-message} (absent when
 * the message is null) carry the two parts, percent-encoded as above so non-ASCII text survives.
 * Messages and type names longer than 1024 UTF-8 bytes are cut and end in {@code "..."}, to keep
 * the trailers under gRPC's metadata limit.
 *
 * <p>A status without {@code duro-error-kind} was made by gRPC itself (or by a server that is not a
 * Duro host) and is mapped by its code: {@code UNIMPLEMENTED} (unknown service or method) to {@link
 * dev.duro.UnknownMethodException}, {@code DEADLINE_EXCEEDED} to {@link
 * dev.duro.DeadlineExceededException}, {@code RESOURCE_EXHAUSTED} to {@link
 * dev.duro.OverloadedException}, {@code INVALID_ARGUMENT} to {@link
 * dev.duro.InvalidRequestException}, {@code UNAUTHENTICATED} (for example a bearer token the client
 * refused to send in plaintext) to {@link dev.duro.UnauthenticatedException}, and everything else
 * ({@code UNAVAILABLE}, {@code CANCELLED}, {@code UNKNOWN}, ...) to {@link
 * dev.duro.TransportException}. The gRPC exception is the cause.
 *
 * <h2>Deadlines and cancellation</h2>
 *
 * <p>A call's deadline travels as gRPC's own timeout ({@code grpc-timeout}). Clients set it per
 * client ({@link dev.duro.grpc.DuroClient#withDeadline}, {@link
 * dev.duro.grpc.DuroClient.Builder#deadline}) or per scope ({@link dev.duro.binding.CallContext});
 * the earliest applies. On the host it becomes the turn's deadline, so every call the object makes
 * while serving it (to objects on the same host or, through a {@code DuroClient}, on another)
 * carries what is left of it, along with the call chain ({@code x-duro-call-chain}) used to detect
 * cycles.
 *
 * <p>When the client cancels a call, disconnects, or its deadline passes:
 *
 * <ul>
 *   <li>before the call reached the object handler: it is not run;
 *   <li>while it waits in the object's queue: the handler cancels the invoker's future, and the
 *       runtime removes the call when its turn comes; it never runs and commits nothing;
 *   <li>after its turn started: the turn runs to the end and commits; the reply is dropped.
 * </ul>
 *
 * <h2>Security</h2>
 *
 * <p>Hosts serve plaintext by default. {@link dev.duro.grpc.DuroHost.Builder#tls} serves TLS only
 * (PEM certificate chain and PKCS#8 key); {@link dev.duro.grpc.DuroHost.Builder#clientAuth} also
 * requires a client certificate signed by the given authorities (mutual TLS). A {@link
 * dev.duro.grpc.CallAuthenticator} ({@link dev.duro.grpc.DuroHost.Builder#authenticator}) checks
 * each call's method, headers and verified client certificate before anything runs; a refused call
 * fails with {@code UNAUTHENTICATED}. It guards the object services and reflection, not the health
 * service. {@link dev.duro.grpc.CallAuthenticator#bearerToken(String)} checks {@code authorization:
 * Bearer <token>}, which {@link dev.duro.grpc.DuroClient.Builder#bearerToken} sends, over TLS only.
 * A plaintext client calling a TLS host, a client that does not trust the host's certificate, and a
 * client without an accepted certificate on a mutual-TLS host all fail with {@link
 * dev.duro.TransportException} (the connection never carries the call).
 *
 * <h2>Connections and keepalive</h2>
 *
 * <p>A {@link dev.duro.grpc.DuroClient} holds one channel: all its calls (and those of its {@code
 * withDeadline} views) are multiplexed over one HTTP/2 connection, re-made after failures. Share
 * one client per host. Defaults:
 *
 * <table>
 *   <caption>Keepalive defaults</caption>
 *   <tr><th>side</th><th>setting</th><th>default</th></tr>
 *   <tr><td>client</td><td>ping after silence ({@code keepAliveTime})</td><td>30 s</td></tr>
 *   <tr><td>client</td><td>ping answer timeout ({@code keepAliveTimeout})</td><td>10 s</td></tr>
 *   <tr><td>client</td><td>ping without calls in flight</td><td>yes</td></tr>
 *   <tr><td>host</td><td>ping after silence / answer timeout ({@code keepAlive})</td>
 *       <td>2 min / 20 s</td></tr>
 *   <tr><td>host</td><td>clients may ping every ({@code permitKeepAliveTime})</td><td>20 s</td></tr>
 *   <tr><td>host</td><td>clients may ping without calls</td><td>yes</td></tr>
 * </table>
 *
 * <p>A client pinging more often than the host permits is disconnected ({@code GOAWAY
 * too_many_pings}); the defaults leave a margin. The client's pings detect a dead connection before
 * the next call waits on it; the host's free what vanished clients held.
 *
 * <h2>Threading</h2>
 *
 * <p>Server handlers only hand the call to the {@link dev.duro.binding.Invoker} and reply when its
 * future completes; they never block, so hosts run them on gRPC's transport threads ({@code
 * directExecutor()}). The invoker's {@code call} must therefore not block either, nor must a {@link
 * dev.duro.grpc.CallAuthenticator}.
 */
@NullMarked
package dev.duro.grpc;

import org.jspecify.annotations.NullMarked;
